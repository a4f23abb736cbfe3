// ModelScope adapter: model pages modelscope.cn/models/{owner}/{name}[/{tab}].
// The hub's API (/api/v1/models/{owner}/{name}, same origin) declares a free-text license name
// ("Apache License 2.0", modelscope/hub/constants.py Licenses); the core maps it to our ids. The
// repository's LICENSE file, when there is one, is read through the same API
// (/api/v1/models/{owner}/{name}/repo?Revision=master&FilePath=LICENSE) and analysed with it.
// The badge goes beside the download control, else the model's title.
// Test URLs: https://modelscope.cn/models/qwen/Qwen2.5-7B-Instruct
(() => {
  const t = (key, ...args) => globalThis.FinePrintI18n.t(key, ...args); // the words: _locales/ (shared/i18n.js)
  const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
  const TABS = new Set(['summary', 'files', 'feedback', 'dataPeview', 'quickstart', 'modelscope']);
  const LICENSE_FILES = ['LICENSE', 'LICENSE.txt', 'LICENSE.md'];

  /** {owner, name} of a model page, or null. Pure. */
  function modelRef(url) {
    if (url.hostname !== 'modelscope.cn' && url.hostname !== 'www.modelscope.cn') return null;
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] !== 'models' || parts.length < 3 || parts.length > 4) return null;
    if (!NAME.test(parts[1]) || !NAME.test(parts[2])) return null;
    if (parts.length === 4 && !TABS.has(parts[3])) return null;
    return { owner: parts[1], name: parts[2] };
  }

  const detect = (url) => modelRef(url) !== null;

  const locate = () => FinePrintHubs.firstAnchor([
    ['download', () => {
      const b = FinePrintHubs.byText('button, a', (t) => ['下载模型', '模型下载', 'download model', 'download'].includes(t));
      return b && { el: b, where: 'afterend' };
    }],
    ['heading', () => {
      const h = document.querySelector('main h1, h1');
      return h && { el: h, where: 'afterend' };
    }],
  ])();

  async function run(api) {
    const { fetchText, analyze, setBadge, signal } = api;
    const badge = FinePrintHubs.begin(api, 'modelscope', locate);
    if (!badge) return;
    const ref = modelRef(new URL(location.href));
    const base = `/api/v1/models/${ref.owner}/${ref.name}`;
    const meta = await fetchText(base, { signal });
    const data = meta.ok ? FinePrintHubs.parseJson(meta.text)?.Data : null;
    const declared = typeof data?.License === 'string' && data.License.trim() ? data.License.trim().slice(0, 200) : '';
    if (declared) badge.setAttribute('data-declared', declared);
    const docs = [];
    let fileUrl = null;
    for (const file of LICENSE_FILES) {
      const url = `${base}/repo?Revision=master&FilePath=${encodeURIComponent(file)}`;
      const res = await fetchText(url, { signal });
      if (res.ok && res.text.trim() && !FinePrintHubs.parseJson(res.text)) {
        docs.push({ name: file, text: FinePrintHubs.asText(res.text) });
        fileUrl = url;
        break;
      }
      if (!res.ok && res.reason !== 'not-found') break;
    }
    if (signal?.aborted) return;
    const notes = [declared ? t('note_modelscope_declares', declared) : t('note_modelscope_none')];
    if (!docs.length && !declared) {
      return setBadge(badge, { ok: false, reason: meta.ok ? 'not-found' : meta.reason ?? 'network', error: 'no license' }, { notes });
    }
    notes.push(docs.length ? t('note_modelscope_read', docs[0].name) : t('note_modelscope_no_file'));
    setBadge(badge, await analyze(docs, declared ? { hf_license: declared } : {}), { docs, fileUrl, declared: declared || undefined, notes });
  }

  FinePrint.registerAdapter({ id: 'modelscope', detect, pageMatch: detect, run });
})();
