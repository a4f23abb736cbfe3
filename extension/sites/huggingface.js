// Hugging Face adapter: model pages (card, files tab, file pages); datasets and spaces that declare
// a license. See shared/hubs/README.md §1 for the page data, URLs and gating this relies on.
//
// 1. Metadata: the page's embedded island props (div[data-target="ModelHeader"] data-props: model.id,
//    cardData.license / license_name / license_link / base_model / extra_gated_prompt, gated, tags,
//    lastModified), else GET /api/{models|datasets|spaces}/{id}.
// 2. Texts, same-origin only: the file license_link names (when it is on huggingface.co), else
//    LICENSE, LICENSE.md, LICENSE.txt; USE_POLICY.md beside it when the license points to a use policy.
//    Gated repositories answer 401/403: their extra_gated_prompt (the license as shown in the access
//    form) is read instead. No text at all: the declared id alone (license.match "declared").
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
  const ORIGIN = 'https://huggingface.co';
  const LICENSE_FILES = ['LICENSE', 'LICENSE.md', 'LICENSE.txt'];
  const LICENSE_NAME = /^(licen[cs]e|copying)(\.(md|txt|markdown|rst))?$/i;
  const POLICY_FILE = 'USE_POLICY.md';
  const MAX_FETCHES = 8; // per page: README, license candidates, policy, API (twice when gated)
  const memo = new Map(); // cache key -> {result, details}, for client-side revisits in this tab

  // The URL's repository, and the cache key's stem: content/hf-url.js (loaded at document_start).
  const { parseUrl, cacheKeyStem } = globalThis.FinePrintHF;
  const detect = (url) => parseUrl(url) !== null;

  // ---- metadata -------------------------------------------------------------------------------------

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

  async function apiRepo(page, api, budget) {
    if (!budget.take()) return null;
    const res = await api.fetchText(`${page.prefix ? `/api${page.prefix}` : '/api/models'}/${page.id}`, { signal: api.signal });
    if (!res.ok) return { error: res.reason };
    try {
      return JSON.parse(res.text);
    } catch {
      return { error: 'unreadable' };
    }
  }

  /** The fields Fine Print reads, from either source, each checked for its type. */
  function meta(repo) {
    const card = repo?.cardData && typeof repo.cardData === 'object' ? repo.cardData : {};
    const str = (v) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
    const tags = Array.isArray(repo?.tags) ? repo.tags.filter((t) => typeof t === 'string') : [];
    let license = Array.isArray(card.license) ? card.license.map(str).filter(Boolean) : [str(card.license)].filter(Boolean);
    if (!license.length) license = tags.filter((t) => t.startsWith('license:')).map((t) => t.slice(8));
    const siblings = Array.isArray(repo?.siblings)
      ? repo.siblings.map((s) => s?.rfilename).filter((f) => typeof f === 'string') : null;
    return {
      license: license[0],
      licenses: license,
      licenseName: str(card.license_name),
      licenseLink: str(card.license_link),
      baseModel: card.base_model,
      gated: repo?.gated === true || repo?.gated === 'auto' || repo?.gated === 'manual',
      gatedPrompt: str(card.extra_gated_prompt),
      lastModified: str(repo?.lastModified) ?? str(repo?.sha),
      siblings,
    };
  }

  // The fields of the Hub's answer the engine reads (the island's copy carries much more).
  function slim(repo, page) {
    const keep = ['id', 'modelId', 'gated', 'private', 'disabled', 'tags', 'siblings', 'cardData', 'lastModified', 'sha'];
    const out = Object.fromEntries(keep.filter((k) => repo[k] !== undefined).map((k) => [k, repo[k]]));
    out.id ??= page.id;
    return out;
  }

  // ---- texts ----------------------------------------------------------------------------------------

  /** Where license_link points: {path, repoPrefix, rev} for a file on huggingface.co, {url} elsewhere. */
  function linkTarget(link, page) {
    if (!link) return null;
    if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(link)) {
      const path = link.replace(/^\.?\//, '');
      return path && !path.includes('..') ? { path, repo: `${page.prefix}/${page.id}`, rev: page.rev } : null;
    }
    let u;
    try {
      u = new URL(link);
    } catch {
      return null;
    }
    if (u.origin !== ORIGIN) return { url: u.href };
    const m = u.pathname.match(/^((?:\/(?:datasets|spaces))?\/[^/]+\/[^/]+)\/(?:blob|resolve|raw)\/([^/]+)\/(.+)$/);
    if (!m) return { url: u.href };
    return { path: decodeURIComponent(m[3]), repo: m[1], rev: decodeURIComponent(m[2]) };
  }

  const rawUrl = (t) => `${t.repo}/raw/${encodeURIComponent(t.rev)}/${t.path.split('/').map(encodeURIComponent).join('/')}`;
  const blobUrl = (t) => `${ORIGIN}${t.repo}/blob/${encodeURIComponent(t.rev)}/${t.path.split('/').map(encodeURIComponent).join('/')}`;

  function licenseCandidates(m, page) {
    const out = [];
    const seen = new Set();
    const add = (t) => {
      const k = t && t.path ? `${t.repo}@${t.rev}:${t.path}` : null;
      if (k && !seen.has(k)) {
        seen.add(k);
        out.push(t);
      }
    };
    const link = linkTarget(m.licenseLink, page);
    if (link?.path) add(link);
    const here = { repo: `${page.prefix}/${page.id}`, rev: page.rev };
    if (m.siblings) {
      // The file list is known (API answer): ask only for files that exist.
      for (const f of m.siblings) if (LICENSE_NAME.test(f)) add({ ...here, path: f });
    } else {
      for (const f of LICENSE_FILES) add({ ...here, path: f });
    }
    return { files: out, external: link?.url };
  }

  function wantsPolicy(m, licenseText) {
    if (m.siblings) return m.siblings.includes(POLICY_FILE);
    return /^llama/i.test(m.license ?? '') || /\b(acceptable\s+use|use)\s+policy\b/i.test(licenseText ?? '');
  }

  /** Read the texts. Returns {docs, failures: [reason], file: {url, name} | null, external}. */
  async function readTexts(m, page, api, budget) {
    const docs = [];
    const failures = [];
    let file = null;
    const { files, external } = licenseCandidates(m, page);
    const here = { repo: `${page.prefix}/${page.id}`, rev: page.rev, path: POLICY_FILE };
    // When the policy is known to be there (the file list says so, or a Llama license ships one) and
    // the files are not gated, it is read beside the license instead of after it.
    const early = !m.gated && (m.siblings ? m.siblings.includes(POLICY_FILE) : /^llama/i.test(m.license ?? '')) && budget.take()
      ? api.fetchText(rawUrl(here), { signal: api.signal }) : null;
    let licenseText = null;
    for (const t of files) {
      if (!budget.take()) break;
      const res = await api.fetchText(rawUrl(t), { signal: api.signal });
      if (res.ok && res.text.trim()) {
        licenseText = res.text;
        docs.push({ name: t.path, text: res.text });
        file = { url: blobUrl(t), name: t.path };
        break;
      }
      failures.push(res.ok ? 'unreadable' : res.reason);
      if (res.reason === 'gated' || res.reason === 'network') break; // the next file fares the same
    }
    const gated = failures.includes('gated');
    const policyHere = { repo: file ? files.find((f) => blobUrl(f) === file.url).repo : here.repo, rev: page.rev, path: POLICY_FILE };
    let policy = null;
    if (early && policyHere.repo === here.repo) policy = await early;
    else if (!gated && wantsPolicy(m, licenseText) && budget.take()) policy = await api.fetchText(rawUrl(policyHere), { signal: api.signal });
    if (!gated && policy?.ok && policy.text.trim()) docs.push({ name: POLICY_FILE, text: policy.text });
    return { docs, failures, file, external, gated };
  }

  // ---- placement ------------------------------------------------------------------------------------

  // A control's words, spaces squashed; a long text is no chip or button label (and is not squashed).
  const squash = (el) => {
    const t = el.textContent;
    return t.length > 200 ? '' : t.replace(/\s+/g, ' ').trim();
  };

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
      for (const el of scope.querySelectorAll('button, a')) {
        if (/^Licen[cs]e:/i.test(squash(el))) return { el: outerWrapper(el, scope), where: 'afterend', placement: 'license-chip' };
      }
      for (const el of scope.querySelectorAll('button, a')) {
        if (/^(Use this (model|dataset)|Download)\b/i.test(squash(el))) {
          return { el: outerWrapper(el, scope), where: 'beforebegin', placement: 'download-controls' };
        }
      }
      const h1 = scope.querySelector('h1');
      return h1 ? { el: h1, where: 'beforeend', placement: 'title' } : null;
    };
  }

  // ---- the run --------------------------------------------------------------------------------------

  function budgetOf(n) {
    let left = n;
    return { take: () => left-- > 0 };
  }

  async function run(api) {
    const page = parseUrl(new URL(location.href));
    if (!page || document.querySelector('[data-fineprint-badge][data-fp-hub="huggingface"]')) return;
    const badge = api.createBadge();
    badge.setAttribute('data-fp-hub', 'huggingface');
    api.mount(badge, locateFor(page));

    const budget = budgetOf(MAX_FETCHES);
    let repo = islandRepo(page);
    let m = meta(repo);
    // Per repository and revision; with the island's lastModified, a new commit is a new entry.
    // Pages without the island use the key without it (they cannot know it before fetching).
    const key = `${cacheKeyStem(page)}${repo ? m.lastModified ?? '' : ''}`;
    const declaredText = () => m.license === 'other' && m.licenseName ? `other: ${m.licenseName}` : m.license;

    // A revisit: from this tab's memory, or the worker's session cache; no fetch at all.
    const mem = memo.get(key);
    const hit = mem ? null : await api.cached(key);
    if (api.signal.aborted) return;
    if (mem || hit?.ok) {
      const details = mem?.details ?? hit.meta ?? {};
      // From this tab's memory nothing reached the worker: the badge must tell it (tabRecorded false).
      const result = mem ? { ...mem.result, tabRecorded: false } : finalize({ ok: true, report: hit.report, answer: hit.answer, tabRecorded: hit.tabRecorded }, details);
      memo.set(key, { result, details });
      api.setBadge(badge, result, details);
      return;
    }

    let apiError = null;
    if (!repo) {
      const got = await apiRepo(page, api, budget);
      if (got && !got.error) {
        repo = got;
        m = meta(repo);
      } else apiError = got?.error ?? 'network';
    }
    if (api.signal.aborted) return;

    // The model card (README.md) feeds the recipe (code links, paper, data); read beside the license.
    const cardRead = page.type === 'model' && budget.take()
      ? api.fetchText(`${page.prefix}/${page.id}/raw/${encodeURIComponent(page.rev)}/README.md`, { signal: api.signal, maxBytes: 512 * 1024 })
      : Promise.resolve(null);
    const [texts, card] = await Promise.all([readTexts(m, page, api, budget), cardRead]);
    if (api.signal.aborted) return;
    const docs = texts.docs;
    const notes = [];
    if (texts.gated || (m.gated && !docs.length)) {
      let prompt = m.gatedPrompt;
      if (!prompt && repo && !m.siblings) {
        // The page's island may leave out the gate prompt; the API answer carries it.
        const got = await apiRepo(page, api, budget);
        if (got && !got.error) prompt = meta(got).gatedPrompt;
      }
      if (prompt) {
        docs.push({ name: 'access form (extra_gated_prompt)', text: prompt });
        notes.push('The license files are gated: this reads the terms shown in the access form.');
      } else notes.push('The license files are gated: sign in and accept the terms to let Fine Print read them.');
    }
    if (!texts.docs.length && texts.failures.length && !texts.gated) {
      notes.push(texts.failures.every((f) => f === 'not-found')
        ? 'No LICENSE file in the repository.'
        : `The license file could not be read (${[...new Set(texts.failures.filter((f) => f !== 'not-found'))].join(', ')}).`);
    }
    if (texts.external) notes.push(`The license is linked outside Hugging Face: ${texts.external}`);

    const details = {
      docs: docs.map((d) => ({ name: d.name })), // names only: the panel shows the report's quotes
      declared: declaredText(),
      fileUrl: texts.file?.url ?? texts.external ?? null,
      notes,
      repo: { type: page.type, id: page.id, rev: page.rev },
    };
    details.failure = texts.gated ? 'gated' : apiError ?? texts.failures.find((f) => f !== 'not-found') ?? 'not-found';
    let result;
    if (!docs.length && !m.license) {
      result = { ok: false, reason: details.failure, error: 'no license text and no declared license' };
    } else {
      const opts = m.license ? { hf_license: m.license } : {};
      if (m.licenseName) opts.license_name = m.licenseName;
      if (page.type === 'model' && repo) {
        // The worker follows base_model through /api/models/{id} and the engine applies the lineage.
        opts.hf_metadata = slim(repo, page);
        if (card?.ok) opts.model_card = card.text;
      }
      // A network failure may pass: cache only outcomes that hold for this revision.
      const cacheable = !texts.failures.includes('network') && !apiError;
      result = finalize(await api.analyze(docs, opts, cacheable ? { key, meta: details } : {}), details);
    }
    if (api.signal.aborted) return;
    if (result.ok) memo.set(key, { result, details });
    api.setBadge(badge, result, details);
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
