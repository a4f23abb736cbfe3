// Hugging Face adapter: model pages (card, files tab, file pages).
// Test URLs: https://huggingface.co/Qwen/Qwen3-Coder-30B-A3B-Instruct
//            https://huggingface.co/Qwen/Qwen3-Coder-30B-A3B-Instruct/blob/main/qwen3coder_tool_parser.py
(() => {
  const RESERVED = new Set(['models', 'datasets', 'spaces', 'docs', 'api', 'settings', 'login', 'join',
    'pricing', 'blog', 'papers', 'organizations', 'collections', 'posts', 'learn', 'tasks', 'chat',
    'enterprise', 'notifications', 'new', 'search', 'terms-of-service', 'privacy']);
  const LICENSE_FILES = ['LICENSE', 'LICENSE.md', 'LICENSE.txt'];

  function detect(url) {
    if (url.hostname !== 'huggingface.co') return false;
    const parts = url.pathname.split('/').filter(Boolean);
    return parts.length >= 2 && !RESERVED.has(parts[0]);
  }

  function headerProps() {
    const el = document.querySelector('div[data-target="ModelHeader"][data-props]');
    if (!el) return null;
    try {
      return JSON.parse(el.dataset.props);
    } catch {
      return null;
    }
  }

  function anchor() {
    // The license chip: a button whose text starts with "License:" in the header's tag row.
    for (const span of document.querySelectorAll('header span')) {
      if (span.textContent.trim() === 'License:') {
        const chip = span.closest('button, a, div.tag') ?? span.parentElement;
        return { el: chip, where: 'afterend' };
      }
    }
    const h1 = document.querySelector('header h1');
    if (h1) return { el: h1, where: 'beforeend' };
    return null;
  }

  async function run({ fetchText, analyze, createBadge, setBadge }) {
    if (document.querySelector('[data-fineprint-badge]')) return; // idempotent
    const props = headerProps();
    const model = props?.model;
    const parts = location.pathname.split('/').filter(Boolean);
    const id = model?.id ?? `${parts[0]}/${parts[1]}`;
    const declared = model?.cardData?.license;
    const badge = createBadge();
    const place = anchor();
    if (place) place.el.insertAdjacentElement(place.where, badge);
    else {
      badge.style.cssText += 'position: fixed; right: 12px; bottom: 12px; z-index: 2147483647;';
      document.body.append(badge);
    }
    const docs = [];
    for (const name of LICENSE_FILES) {
      const res = await fetchText(`/${id}/raw/main/${name}`);
      if (res.ok) {
        docs.push({ name, text: res.text });
        break;
      }
      if (res.status !== 404) break;
    }
    const opts = typeof declared === 'string' ? { hf_license: declared } : {};
    if (!docs.length && !opts.hf_license) {
      setBadge(badge, { ok: false, error: 'no license declared or found' });
      return;
    }
    setBadge(badge, await analyze(docs, opts));
  }

  FinePrint.registerAdapter({ id: 'huggingface', detect, run });
})();
