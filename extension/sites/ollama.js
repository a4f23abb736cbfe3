// Ollama adapter: model pages ollama.com/library/{name}[:{tag}] and ollama.com/{user}/{name}[:{tag}].
// An Ollama model ships its license as a layer (media type application/vnd.ollama.image.license)
// whose content is the license text. The page's #file-explorer lists the layers with links
// /{ns}/{name}:{tag}/blobs/{12 hex}; pages without it get the layer list from the registry manifest
// (registry.ollama.ai, through the worker). The text comes from the hub's blob page (same origin),
// else from the registry blob. The badge goes beside the pull command.
// Test URLs: https://ollama.com/library/magistral  https://ollama.com/library/wizard-vicuna-uncensored:latest
(() => {
  const t = (key, ...args) => globalThis.FinePrintI18n.t(key, ...args); // the words: _locales/ (shared/i18n.js)
  const RESERVED = new Set(['search', 'models', 'download', 'blog', 'signin', 'signup', 'settings', 'public',
    'api', 'v2', 'docs', 'pricing', 'turbo', 'cloud', 'new', 'connect', 'privacy', 'terms', 'about', 'static']);
  const LICENSE_MEDIA_TYPE = 'application/vnd.ollama.image.license';
  const REGISTRY = 'https://registry.ollama.ai';
  const NAME = /^[a-z0-9][a-z0-9._-]{0,127}$/i;

  /** {ns, name, tag} of a model page, or null. Pure. */
  function modelRef(url) {
    if (url.hostname !== 'ollama.com' && url.hostname !== 'www.ollama.com') return null;
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts.length !== 2 || RESERVED.has(parts[0])) return null;
    const [name, tag = 'latest', extra] = parts[1].split(':');
    if (extra !== undefined || !NAME.test(parts[0]) || !NAME.test(name) || !NAME.test(tag)) return null;
    return { ns: parts[0], name, tag };
  }

  const detect = (url) => modelRef(url) !== null;

  const locate = () => FinePrintHubs.firstAnchor([
    ['pull-command', () => {
      const bar = document.querySelector('[x-test-model-command-bar]');
      return bar && { el: bar, where: 'beforeend' };
    }],
    ['command-input', () => {
      const input = document.querySelector('input[name="command"]');
      return input && { el: input.parentElement, where: 'afterend' };
    }],
    ['model-name', () => {
      const a = document.querySelector('[x-test-model-name]');
      return a && { el: a.closest('span') ?? a, where: 'afterend' };
    }],
    ['heading', () => {
      const h = document.querySelector('main h1, h1');
      return h && { el: h, where: 'beforeend' };
    }],
  ])();

  /** License layers listed on the page: [{href, digest12}], or null when the page lists no layers. */
  function pageLicenseLayers() {
    const explorer = document.querySelector('#file-explorer');
    if (!explorer) return null;
    const out = [];
    for (const a of explorer.querySelectorAll('a[href*="/blobs/"]')) {
      const label = a.textContent.trim().toLowerCase();
      const m = a.getAttribute('href').match(/\/blobs\/([0-9a-f]{12,64})$/);
      if (m && label.startsWith('license')) out.push({ href: a.getAttribute('href'), digest: m[1] });
    }
    return out;
  }

  /** License layers from the registry manifest: [{href, digest}] (full sha256 digests). */
  async function registryLicenseLayers(ref) {
    const res = await FinePrintHubs.hubFetch(`${REGISTRY}/v2/${ref.ns}/${ref.name}/manifests/${ref.tag}`);
    if (!res.ok) return { reason: res.reason, error: `Registry manifest: ${res.error}.` };
    const manifest = FinePrintHubs.parseJson(res.text);
    if (!Array.isArray(manifest?.layers)) return { reason: 'unreadable', error: 'Registry manifest: no layer list.' };
    const layers = manifest.layers
      .filter((l) => l?.mediaType === LICENSE_MEDIA_TYPE && /^sha256:[0-9a-f]{64}$/.test(l.digest ?? ''))
      .map((l) => ({ href: `/${ref.ns}/${ref.name}:${ref.tag}/blobs/${l.digest.slice(7, 19)}`, digest: l.digest }));
    return { layers };
  }

  async function layerText(ref, layer, fetchText) {
    const page = await fetchText(layer.href);
    if (page.ok) {
      const text = FinePrintHubs.asText(page.text);
      if (text.trim()) return { ok: true, text };
    }
    if (layer.digest.startsWith('sha256:')) { // a full digest (from the manifest): the registry has the blob
      const blob = await FinePrintHubs.hubFetch(`${REGISTRY}/v2/${ref.ns}/${ref.name}/blobs/${layer.digest}`);
      if (blob.ok && blob.text.trim()) return { ok: true, text: blob.text };
    }
    return { ok: false };
  }

  async function run(api) {
    const { fetchText, analyze, setBadge } = api;
    const badge = FinePrintHubs.begin(api, 'ollama', locate);
    if (!badge) return;
    const ref = modelRef(new URL(location.href));
    const fail = (reason, note) => setBadge(badge, { ok: false, reason, error: note }, { notes: [note] });
    let layers = pageLicenseLayers();
    let source = 'page';
    if (layers === null) {
      const reg = await registryLicenseLayers(ref);
      if (reg.error) return fail(reg.reason ?? 'network', reg.error);
      layers = reg.layers;
      source = 'registry';
    }
    badge.setAttribute('data-license-source', source);
    if (!layers.length) return fail('not-found', t('note_ollama_no_layer'));
    const docs = [];
    for (const layer of layers.slice(0, 4)) {
      const res = await layerText(ref, layer, fetchText);
      if (res.ok) docs.push({ name: `${ref.name}:${ref.tag} license layer ${layer.href.split('/').pop()}`, text: res.text });
    }
    if (!docs.length) return fail('unreadable', t('note_ollama_layer_unreadable'));
    const notes = [t(source === 'page' ? 'note_ollama_layer_page' : 'note_ollama_layer_registry')];
    setBadge(badge, await analyze(docs, {}), { docs, fileUrl: layers[0].href, notes });
  }

  FinePrint.registerAdapter({ id: 'ollama', detect, pageMatch: detect, run });
})();
