// Hugging Face adapter: model pages (card, files tab, file pages); datasets and spaces that declare
// a license. See shared/hubs/README.md §1 for the page data, URLs and gating this relies on.
//
// 1. Metadata: the page's embedded island props (div[data-target="ModelHeader"] data-props: model.id,
//    cardData.license / license_name / license_link / base_model / extra_gated_prompt, gated, private,
//    tags, lastModified), else GET /api/{models|datasets|spaces}/{id}.
// 2. Texts, same-origin only (what is read: sites/hf-read.js): LICENSE or the file license_link names,
//    USE_POLICY.md, README.md; the access form's terms when the files are gated. A public repository's
//    files are read by the worker (the texts never touch the page's main thread); a private or gated
//    one's by this script, whose requests carry the user's session.
// 3. The worker analyses and caches the report per repository and revision; a revisit asks the
//    cache first and fetches nothing.
// 4. One badge per page: beside the license chip in the header (fallbacks: beside "Use this model",
//    in the title, a fixed corner); on the files tab above the file list, not on every row.
//
// Test URLs: https://huggingface.co/Qwen/Qwen3-Coder-30B-A3B-Instruct
//            https://huggingface.co/Qwen/Qwen3-Coder-30B-A3B-Instruct/tree/main
//            https://huggingface.co/Qwen/Qwen3-Coder-30B-A3B-Instruct/blob/main/qwen3coder_tool_parser.py
//            https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct (gated)
(() => {
  const t = (key, ...args) => globalThis.FinePrintI18n.t(key, ...args); // the words: _locales/ (shared/i18n.js)
  const memo = new Map(); // cache key -> {result, details}, for client-side revisits in this tab

  // The URL's repository, and the cache key's stem: content/hf-url.js (loaded at document_start).
  const { parseUrl, cacheKeyStem } = globalThis.FinePrintHF;
  // What to read and how it becomes the engine's input: sites/hf-read.js (shared with the worker).
  const Read = globalThis.FinePrintHFRead;
  const MSG = globalThis.FinePrintMsg;
  const detect = (url) => parseUrl(url) !== null;

  /** The repository object of the page's header island, or null. */
  function islandRepo(page) {
    for (const el of document.querySelectorAll('[data-target$="Header"][data-props]')) {
      const name = el.getAttribute('data-target');
      if (name === 'MainHeader' || name === 'ViewerHeader') continue;
      let props;
      try {
        props = JSON.parse(el.getAttribute('data-props'));
      } catch {
        continue;
      }
      const repo = props?.[page.type] ?? props?.model ?? props?.dataset ?? props?.space;
      if (repo && typeof repo === 'object' && (repo.id ?? page.id) === page.id) return repo;
    }
    return null;
  }

  // ---- placement ------------------------------------------------------------------------------------

  // A control's words, spaces squashed; a long text is no chip or button label (and is not squashed).
  const squash = (el) => {
    const t = el.textContent;
    return t.length > 200 ? '' : t.replace(/\s+/g, ' ').trim();
  };

  /**
   * The first button or link in `scope` whose words match `re`. Only the controls are touched (a
   * header holds some twenty, but hundreds of text nodes, and each node a script touches costs a
   * wrapper in this isolated world); a control whose text is long wraps a block, not a label.
   */
  function controlStarting(scope, re) {
    for (const el of scope.querySelectorAll('button, a')) {
      if (re.test(squash(el))) return el;
    }
    return null;
  }

  /** The repository header (not the site's top bar). */
  function headerScope(page) {
    for (const el of document.querySelectorAll('[data-target$="Header"]')) {
      const name = el.getAttribute('data-target');
      if (name !== 'MainHeader' && name !== 'ViewerHeader' && el.querySelector('h1')) return el;
    }
    const repoHref = `${page.prefix}/${page.id}`;
    for (const h of document.querySelectorAll('header')) {
      if (h.querySelector(`h1 a[href="${CSS.escape(repoHref)}"], h1`) && h.querySelector(`a[href="${CSS.escape(repoHref)}"]`)) return h;
    }
    return null;
  }

  // Climb from a control to the outermost ancestor that wraps only it (a dropdown wrapper, say), so
  // the badge lands in the row of chips or buttons and not inside the control.
  function outerWrapper(el, stop) {
    let node = el;
    while (node.parentElement && node.parentElement !== stop && node.parentElement.childElementCount === 1) node = node.parentElement;
    return node;
  }

  function locateFor(page) {
    return () => {
      if (page.view === 'tree') {
        // Files tab: one badge above the list whose rows hold the download links.
        const list = document.querySelector('[data-target="ViewerIndexTreeList"]');
        if (list) return { el: list, where: 'beforebegin', placement: 'files' };
        const link = document.querySelector('main a[href*="/resolve/"][href*="download=true"], a[href*="/resolve/"][href*="download=true"]');
        const ul = link?.closest('ul, table, [role="list"]');
        if (ul) return { el: ul, where: 'beforebegin', placement: 'files' };
      }
      const scope = headerScope(page);
      if (!scope) return null;
      const chip = controlStarting(scope, /^Licen[cs]e:/i);
      if (chip) return { el: outerWrapper(chip, scope), where: 'afterend', placement: 'license-chip' };
      const use = controlStarting(scope, /^(Use this (model|dataset)|Download)\b/i);
      if (use) return { el: outerWrapper(use, scope), where: 'beforebegin', placement: 'download-controls' };
      const h1 = scope.querySelector('h1');
      return h1 ? { el: h1, where: 'beforeend', placement: 'title' } : null;
    };
  }

  // ---- the run --------------------------------------------------------------------------------------

  /** The cache key: per repository and revision (the metadata's lastModified: a new commit is a new entry). */
  const keyOf = (page, m) => `${cacheKeyStem(page)}${m.lastModified ?? ''}`;

  async function run(api) {
    const page = parseUrl(new URL(location.href));
    // Only a badge this extension made counts as "already placed": a look-alike the page planted does not.
    const own = globalThis.FinePrintBadge.placed();
    if (!page || (own && own.getAttribute('data-fp-hub') === 'huggingface')) return;
    const badge = api.createBadge();
    badge.setAttribute('data-fp-hub', 'huggingface');
    api.mount(badge, locateFor(page));

    const budget = Read.budgetOf();
    let repo = islandRepo(page);
    let m = Read.meta(repo);
    // A page without the island learns the revision from the API (readHere); this tab's memory keys
    // it by the repository alone.
    const key = keyOf(page, m);

    // A revisit in this tab: from its memory, nothing to ask (the badge tells the worker: tabRecorded false).
    const mem = memo.get(key);
    if (mem) {
      api.setBadge(badge, { ...mem.result, tabRecorded: false }, mem.details);
      return;
    }
    let answer;
    if (repo && Read.readableByWorker(m)) {
      // A public repository with the page's metadata: one message, and the worker answers from its
      // cache or reads the files and analyses them itself, so the texts never touch this main thread.
      answer = await api.send({ type: MSG.HF_READ, repo: Read.slim(repo, page) });
    } else if (repo) {
      // A private or gated repository: the worker's cache first, then this page reads.
      answer = await cachedAnswer(api, m);
    }
    if (api.signal.aborted) return;
    // The worker did not answer in time: reading the files here would only end in the same wait (the
    // engine is in the worker), with the user's session on every request. The badge says so, with a retry.
    if (answer?.reason === 'timeout') answer = { ...answer, details: {} };
    if (!answer?.details) answer = await readHere(api, page, repo, m, budget, key);
    if (api.signal.aborted || !answer) return;
    const { details } = answer;
    const result = finalize(answer, details);
    if (result.ok) memo.set(key, { result, details });
    api.setBadge(badge, result, details);
  }

  /** The worker's report cached for this tab's repository at the revision `m` names, as an answer, or null. */
  async function cachedAnswer(api, m) {
    const hit = await api.cached(m.lastModified ?? '');
    if (hit?.reason === 'timeout') return { ...hit, details: {} }; // no answer: the page reads nothing
    return hit?.ok ? { ...hit, details: hit.meta ?? {} } : null;
  }

  /** Read the files from this page (its requests carry the user's session) and ask for the analysis. */
  async function readHere(api, page, repo, m, budget, key) {
    const fetchText = (url, opts = {}) => api.fetchText(url, { ...opts, signal: api.signal });
    let apiError = null;
    if (!repo) {
      const got = await Read.apiRepo(page, fetchText, budget);
      if (got && !got.error) {
        repo = got;
        m = Read.meta(repo);
        // Now the revision is known: this one's cached report, if any, and the key to cache it under.
        key = keyOf(page, m);
        if (api.signal.aborted) return null;
        const hit = await cachedAnswer(api, m);
        if (hit) return hit;
      } else apiError = got?.error ?? 'network';
    }
    if (api.signal.aborted) return null;
    const got = await Read.collect({ page, repo, m, fetchText, budget, apiError });
    if (api.signal.aborted) return null;
    // Said, so the user knows which requests carried the session: only what needs it is read here.
    if (m.private || m.gated) got.details.notes.push(t(m.private ? 'note_hf_private_session' : 'note_hf_gated_session'));
    if (got.noText) return { ok: false, reason: got.details.failure, error: 'no license text and no declared license', details: got.details };
    const res = await api.analyze(got.docs, got.opts, got.cacheable ? { lastModified: m.lastModified ?? '', meta: got.details } : {});
    return { ...res, details: got.details };
  }

  /** No text, and a declared id the engine does not know ("other", "unknown"): an error that says why. */
  function finalize(result, details) {
    if (result.ok && !details.docs?.length && !result.report?.license?.id) {
      return { ok: false, reason: details.failure ?? 'not-found', error: 'no readable license text', report: result.report };
    }
    return result;
  }

  FinePrint.registerAdapter({ id: 'huggingface', detect, run });
})();
