// GitHub adapter: repository pages github.com/{owner}/{repo}[/tree/{ref}] that hold model weights.
// Many model repositories keep the weights' license in its own file (MODEL_LICENSE, LICENSE-MODEL,
// LICENSE_MODEL, WEIGHTS_LICENSE...) beside the code license GitHub shows in the sidebar. The badge
// reads that file (raw.githubusercontent.com, through the worker) and names the code license beside
// it. A repository with weight files but no model license file gets the repository's license, said
// as such; a repository with neither gets no badge. The badge goes beside the "Code" button.
// Test URLs: https://github.com/THUDM/ChatGLM-6B  https://github.com/Kwai-Kolors/Kolors/tree/master
(() => {
  const t = (key, ...args) => globalThis.FinePrintI18n.t(key, ...args); // the words: _locales/ (shared/i18n.js)
  const RESERVED = new Set(['settings', 'orgs', 'organizations', 'marketplace', 'features', 'topics', 'explore',
    'notifications', 'login', 'logout', 'signup', 'join', 'new', 'search', 'pulls', 'issues', 'codespaces',
    'sponsors', 'about', 'pricing', 'enterprise', 'collections', 'trending', 'site', 'security', 'customer-stories',
    'apps', 'users', 'account', 'dashboard', 'gist', 'readme', 'team', 'contact', 'resources', 'solutions']);
  const SLUG = /^[A-Za-z0-9_.-]{1,100}$/;
  const MODEL_LICENSE = /^(model[_-]?licen[cs]e|licen[cs]e[_-]?(model|weights?)|weights?[_-]?licen[cs]e|model[_-]?weights?[_-]?licen[cs]e)([_-][a-z0-9]+)?(\.(md|txt|rst))?$/i;
  const WEIGHTS = /\.(safetensors|ckpt|pt|pth|gguf|onnx|h5|tflite|mlmodel|pkl)$/i;

  /** {owner, repo, ref|null} of a repository's root page, or null. Pure. */
  function repoRef(url) {
    if (url.hostname !== 'github.com') return null;
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts.length !== 2 && !(parts.length === 4 && parts[2] === 'tree')) return null;
    if (RESERVED.has(parts[0].toLowerCase()) || !SLUG.test(parts[0]) || !SLUG.test(parts[1])) return null;
    return { owner: parts[0], repo: parts[1].replace(/\.git$/, ''), ref: parts[3] ?? null };
  }

  const detect = (url) => repoRef(url) !== null;

  const locate = () => FinePrintHubs.firstAnchor([
    ['code-button', () => {
      const b = document.querySelector('[data-testid="code-button"], get-repo summary')
        ?? FinePrintHubs.byText('button, summary', (t) => t === 'code');
      return b && { el: b, where: 'afterend' };
    }],
    ['license-link', () => {
      const a = codeLicenseLink();
      return a && { el: a, where: 'afterend' };
    }],
    ['repo-name', () => {
      const s = document.querySelector('strong[itemprop="name"], #repository-container-header h1, main h1');
      return s && { el: s, where: 'afterend' };
    }],
  ])();

  function codeLicenseLink() {
    return document.querySelector('a[href$="-ov-file"][href*="license" i], a[href*="#license" i], a[data-analytics-event*="LICENSE" i]')
      ?? FinePrintHubs.byText('.Layout-sidebar a, aside a', (t) => / licen[cs]e$/.test(t) || t === 'view license');
  }

  /** The code license GitHub shows ("Apache-2.0 license" -> "Apache-2.0"), or ''. */
  function codeLicense() {
    const t = (codeLicenseLink()?.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!t || /^view license$/i.test(t)) return '';
    return t.replace(/\s+licen[cs]e$/i, '').slice(0, 100);
  }

  /** Top-level files of the repository as the page lists them: [{name, ref}]. */
  function topLevelFiles(ref) {
    const files = new Map();
    const prefix = `/${ref.owner}/${ref.repo}/blob/`;
    for (const a of document.querySelectorAll(`a[href^="${prefix}"]`)) {
      const rest = decodeURIComponent(a.getAttribute('href').slice(prefix.length).split(/[?#]/)[0]).split('/');
      if (rest.length === 2 && rest[1]) files.set(rest[1], rest[0]);
    }
    // The React tree view embeds its listing as JSON.
    for (const s of document.querySelectorAll('script[type="application/json"][data-target="react-app.embeddedData"]')) {
      const items = FinePrintHubs.parseJson(s.textContent)?.payload?.tree?.items;
      const refName = FinePrintHubs.parseJson(s.textContent)?.payload?.refInfo?.name;
      if (!Array.isArray(items)) continue;
      for (const it of items) if (it?.contentType === 'file' && typeof it.name === 'string' && !files.has(it.name)) files.set(it.name, refName ?? ref.ref ?? 'HEAD');
    }
    return [...files].map(([name, r]) => ({ name, ref: r }));
  }

  async function run(api) {
    const { analyze, setBadge, signal } = api;
    if (globalThis.FinePrintBadge.placed()) return; // idempotent; a planted look-alike does not count
    const ref = repoRef(new URL(location.href));
    const files = topLevelFiles(ref);
    const modelFiles = files.filter((f) => MODEL_LICENSE.test(f.name));
    const weights = files.filter((f) => WEIGHTS.test(f.name));
    const code = codeLicense();
    if (!modelFiles.length && !weights.length) return; // a repository of code: not ours to judge
    const badge = FinePrintHubs.begin(api, 'github', locate);
    if (!badge) return;
    if (code) badge.setAttribute('data-code-license', code);
    const notes = [code ? t('note_github_code_license', code) : t('note_github_no_code_license')];
    if (!modelFiles.length) {
      badge.setAttribute('data-license-source', 'repository');
      notes.unshift(t('note_github_weights', weights.slice(0, 3).map((f) => f.name).join(', ')));
      if (!code) return setBadge(badge, { ok: false, reason: 'not-found', error: 'no license' }, { notes });
      return setBadge(badge, await analyze([], { hf_license: code }), { docs: [], declared: code, notes });
    }
    const file = modelFiles[0];
    badge.setAttribute('data-license-source', file.name);
    const raw = `https://raw.githubusercontent.com/${ref.owner}/${ref.repo}/${encodeURIComponent(file.ref ?? ref.ref ?? 'HEAD')}/${encodeURIComponent(file.name)}`;
    const res = await FinePrintHubs.hubFetch(raw);
    if (signal?.aborted) return;
    if (!res.ok) return setBadge(badge, { ok: false, reason: res.reason ?? 'network', error: res.error }, { notes: [`${file.name}: ${res.error}.`, ...notes] });
    const docs = [{ name: file.name, text: res.text }];
    notes.unshift(modelFiles.length > 1
      ? t('note_github_model_license_also', file.name, modelFiles.slice(1).map((f) => f.name).join(', '))
      : t('note_github_model_license', file.name));
    setBadge(badge, await analyze(docs, {}), { docs, fileUrl: `/${ref.owner}/${ref.repo}/blob/${file.ref}/${file.name}`, notes });
  }

  FinePrint.registerAdapter({ id: 'github', detect, pageMatch: detect, run });
})();
