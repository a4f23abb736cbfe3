// Kaggle Models adapter: www.kaggle.com/models/{owner}/{model}[/{framework}/{variation}...].
// Kaggle's public API (/api/v1/models/{owner}/{model}/get, same origin) lists the model's instances
// (framework x variation), each with a licenseName ("Apache 2.0", "Gemma"...); the core maps the name
// to our ids. Kaggle serves no license file, so the result rests on the declared name. The instance
// the URL names wins; otherwise the model's instances must agree, or the badge says they differ.
// The badge goes beside the download control, else the model's title.
// Test URLs: https://www.kaggle.com/models/google/gemma/frameworks/pyTorch/variations/2b
(() => {
  const t = (key, ...args) => globalThis.FinePrintI18n.t(key, ...args); // the words: _locales/ (shared/i18n.js)
  const SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

  /** {owner, model, framework|null, variation|null} of a model page, or null. Pure. */
  function modelRef(url) {
    if (url.hostname !== 'www.kaggle.com' && url.hostname !== 'kaggle.com') return null;
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] !== 'models' || parts.length < 3 || !SLUG.test(parts[1]) || !SLUG.test(parts[2])) return null;
    let framework = null;
    let variation = null;
    const rest = parts.slice(3);
    if (rest[0] === 'frameworks') [framework, variation] = [rest[1] ?? null, rest[2] === 'variations' ? rest[3] ?? null : null];
    else if (rest.length) [framework, variation] = [rest[0], rest[1] ?? null];
    return { owner: parts[1], model: parts[2], framework, variation };
  }

  const detect = (url) => modelRef(url) !== null;

  const locate = () => FinePrintHubs.firstAnchor([
    ['download', () => {
      const b = FinePrintHubs.byText('button, a', (t) => t === 'download' || t === 'download model' || t.startsWith('download ('));
      return b && { el: b, where: 'afterend' };
    }],
    ['heading', () => {
      const h = document.querySelector('main h1, h1');
      return h && { el: h, where: 'afterend' };
    }],
  ])();

  const lower = (s) => String(s ?? '').toLowerCase();

  /** The license names that apply: the URL's instance, else every instance's. */
  function licenseNames(model, ref) {
    const instances = Array.isArray(model?.instances) ? model.instances : [];
    const named = instances.filter((i) => (!ref.framework || lower(i?.framework) === lower(ref.framework))
      && (!ref.variation || lower(i?.instanceSlug ?? i?.slug) === lower(ref.variation)));
    const pool = ref.framework && named.length ? named : instances;
    const names = pool.map((i) => i?.licenseName).filter((n) => typeof n === 'string' && n.trim()).map((n) => n.trim().slice(0, 200));
    if (!names.length && typeof model?.licenseName === 'string') names.push(model.licenseName.trim());
    return [...new Set(names)];
  }

  async function run(api) {
    const { fetchText, analyze, setBadge, signal } = api;
    const badge = FinePrintHubs.begin(api, 'kaggle', locate);
    if (!badge) return;
    const ref = modelRef(new URL(location.href));
    const res = await fetchText(`/api/v1/models/${ref.owner}/${ref.model}/get`, { signal });
    if (signal?.aborted) return;
    if (!res.ok) return setBadge(badge, { ok: false, reason: res.reason ?? 'network', error: res.error }, { notes: [t('note_kaggle_api', res.error)] });
    const names = licenseNames(FinePrintHubs.parseJson(res.text), ref);
    badge.setAttribute('data-declared', names.join(' | '));
    if (!names.length) return setBadge(badge, { ok: false, reason: 'not-found', error: 'no license' }, { notes: [t('note_kaggle_none')] });
    const notes = [t('note_kaggle_declares', names[0])];
    if (names.length > 1) {
      notes.push(t('note_kaggle_variations', names.join(', ')));
      FinePrintHubs.warn(badge, 'variations differ');
    }
    setBadge(badge, await analyze([], { hf_license: names[0] }), { docs: [], declared: names[0], notes });
  }

  FinePrint.registerAdapter({ id: 'kaggle', detect, pageMatch: detect, run });
})();
