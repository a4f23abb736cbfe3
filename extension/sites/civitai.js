// Civitai adapter: model pages civitai.com/models/{id}[/{slug}][?modelVersionId={v}].
// Civitai states no license per model: the license is the one of the version's base model
// (SD 1.5 -> CreativeML Open RAIL-M, SDXL -> Open RAIL++-M, SDXL Turbo -> a non-commercial research
// license...), a map kept as data in civitai-base-licenses.json. Beside it the author declares
// permissions (allowCommercialUse, allowDerivatives, allowDifferentLicense, allowNoCredit); where
// they go beyond what the base license allows, the badge warns. Model data: the public API
// /api/v1/models/{id} (same origin). The badge goes beside the download button.
// Test URLs: https://civitai.com/models/4201/realistic-vision-v60-b1?modelVersionId=130072
(() => {
  const t = (key, ...args) => globalThis.FinePrintI18n.t(key, ...args); // the words: _locales/ (shared/i18n.js)
  // [key in the data file, author value test]; the words, as Civitai's PermissionIndicator puts them: civitai_perm_<key>.
  const PERMISSIONS = [
    ['image', (m) => commercial(m).includes('Image')],
    ['rent', (m) => commercial(m).some((c) => c === 'Rent' || c === 'RentCivit')],
    ['sell', (m) => commercial(m).some((c) => c === 'Sell' || c === 'SellMerge')],
    ['merges', (m) => m.allowDerivatives === true],
    ['different_license', (m) => m.allowDifferentLicense === true],
  ].map(([key, test]) => [key, test, t(`civitai_perm_${key}`)]);

  /** allowCommercialUse: an array of None/Image/RentCivit/Rent/Sell/SellMerge (older answers: one string). */
  function commercial(model) {
    const v = model.allowCommercialUse;
    const list = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
    return list.filter((x) => typeof x === 'string' && x !== 'None');
  }

  /** {modelId, versionId|null} of a model page, or null. Pure. */
  function modelRef(url) {
    if (url.hostname !== 'civitai.com') return null;
    const m = url.pathname.match(/^\/models\/(\d{1,12})(?:\/[^/]*)?\/?$/);
    if (!m) return null;
    const v = url.searchParams.get('modelVersionId');
    return { modelId: m[1], versionId: v && /^\d{1,12}$/.test(v) ? v : null };
  }

  const detect = (url) => modelRef(url) !== null;

  const locate = () => FinePrintHubs.firstAnchor([
    ['download', () => {
      const a = document.querySelector('a[href*="/api/download/models/"]');
      return a && { el: a, where: 'afterend' };
    }],
    ['download-button', () => {
      const b = FinePrintHubs.byText('button, a', (t) => t === 'download' || t.startsWith('download '));
      return b && { el: b, where: 'afterend' };
    }],
    ['heading', () => {
      const h = document.querySelector('main h1, h1');
      return h && { el: h, where: 'afterend' };
    }],
  ])();

  /** What the author allows, what the base license allows, and where the first exceeds the second. */
  function compare(model, lic) {
    const allowed = [];
    const warnings = [];
    const conditions = [];
    for (const [key, test, words] of PERMISSIONS) {
      if (!test(model)) continue;
      allowed.push(key);
      const ceiling = lic?.allows?.[key] ?? 'unknown';
      const why = lic?.notes?.[key] ?? (lic?.evidence?.[key] ? t('civitai_the_license', lic.evidence[key]) : '');
      if (ceiling === 'no') warnings.push({ key, text: why ? t('civitai_base_does_not_why', words, lic.name, why) : t('civitai_base_does_not', words, lic.name) });
      else if (ceiling === 'conditional') conditions.push(why ? t('civitai_base_conditions_why', words, lic.name, why) : t('civitai_base_conditions', words, lic.name));
    }
    if (model.allowNoCredit === true) allowed.push('no_credit');
    return { allowed, warnings, conditions };
  }

  function permissionLines(model) {
    const lines = PERMISSIONS.map(([, test, words]) => `${test(model) ? '✓' : '✗'} ${words}`);
    lines.push(`${model.allowNoCredit === true ? '✓' : '✗'} ${t('civitai_perm_no_credit')}`);
    return t('civitai_permissions', lines.join(t('civitai_separator')));
  }

  async function run(api) {
    const { fetchText, analyze, setBadge, signal } = api;
    const badge = FinePrintHubs.begin(api, 'civitai', locate);
    if (!badge) return;
    const ref = modelRef(new URL(location.href));
    const fail = (reason, note) => setBadge(badge, { ok: false, reason, error: note }, { notes: [note] });
    const [res, table] = await Promise.all([fetchText(`/api/v1/models/${ref.modelId}`, { signal }), FinePrintHubs.hubData('civitai-base-licenses')]);
    if (signal?.aborted) return;
    if (!res.ok) return fail(res.reason ?? 'network', t('civitai_api', res.error));
    const model = FinePrintHubs.parseJson(res.text);
    if (!model || !Array.isArray(model.modelVersions)) return fail('unreadable', t('civitai_no_versions'));
    if (!table.ok) return fail('unreadable', t('civitai_table', table.error));
    const version = model.modelVersions.find((v) => String(v?.id) === ref.versionId) ?? model.modelVersions[0];
    const baseModel = typeof version?.baseModel === 'string' ? version.baseModel : '';
    badge.setAttribute('data-base-model', baseModel);
    const licKey = Object.hasOwn(table.data.base_models, baseModel) ? table.data.base_models[baseModel] : null;
    const lic = licKey && Object.hasOwn(table.data.licenses, licKey) ? table.data.licenses[licKey] : null;
    const { allowed, warnings, conditions } = compare(model, lic);
    badge.setAttribute('data-permissions', allowed.join(' '));
    badge.setAttribute('data-permission-warnings', warnings.map((w) => w.key).join(' '));
    const notes = [
      lic ? (lic.url ? t('civitai_base_license_url', baseModel, lic.name, lic.url) : t('civitai_base_license', baseModel, lic.name)) : t('civitai_no_base_license', baseModel || t('civitai_not_given')),
      permissionLines(model),
      ...warnings.map((w) => w.text),
      ...conditions,
    ];
    if (!lic) return setBadge(badge, { ok: false, reason: 'not-found', error: 'no known base-model license' }, { notes });
    if (warnings.length) FinePrintHubs.warn(badge, 'author permissions exceed the base license');
    const baseLicense = lic.id ?? lic.name; // not declared by the page: the panel notes say where it comes from
    setBadge(badge, await analyze([], { hf_license: baseLicense }), { docs: [], notes });
  }

  FinePrint.registerAdapter({ id: 'civitai', detect, pageMatch: detect, run });
})();
