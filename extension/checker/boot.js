// A classic script, loaded before the module: when the module cannot run (the page opened as a file,
// where browsers refuse ES modules and WASM; or a browser without them), it says so instead of
// leaving a page that silently does nothing. checker.js marks the page as started when it runs.
//
// The message files cannot be read here (a page opened as a file cannot fetch them), so the two
// sentences are written out in each locale the extension ships; tests/node/i18n.test.mjs checks that
// they are exactly `checker_boot_file` and `checker_boot_failed` of _locales/<locale>/messages.json.
(() => {
  const SAID = {
    en: {
      checker_boot_file: 'This page cannot run when opened as a file: browsers do not load its engine from file://. Serve the folder with any static web server (for example, from the repository: python3 -m http.server 8000, then open http://localhost:8000/extension/checker/).',
      checker_boot_failed: 'The checker could not start: this browser did not load its script or its WebAssembly engine. Try a current Chrome, Edge, Firefox or Safari.',
    },
    zh_CN: {
      checker_boot_file: '此页面以文件方式打开时无法运行：浏览器不会从 file:// 加载它的引擎。请用任意静态网页服务器提供此文件夹（例如在仓库目录下运行 python3 -m http.server 8000，然后打开 http://localhost:8000/extension/checker/）。',
      checker_boot_failed: '检查器无法启动：此浏览器没有加载它的脚本或 WebAssembly 引擎。请使用最新版的 Chrome、Edge、Firefox 或 Safari。',
    },
  };
  // The reader's first language the extension has, as shared/i18n.js picks it (that script may not run here).
  const pick = () => {
    for (const l of navigator.languages ?? [navigator.language]) {
      const lower = String(l).toLowerCase();
      if (lower === 'zh-cn' || lower === 'zh' || lower.startsWith('zh-hans') || lower === 'zh-sg') return 'zh_CN';
      if (lower.startsWith('en')) return 'en';
    }
    return 'en';
  };
  const words = SAID[pick()];
  const explain = () => {
    if (document.documentElement.dataset.started) return;
    const status = document.getElementById('status');
    if (!status || status.textContent) return;
    status.dataset.kind = 'error';
    status.setAttribute('role', 'alert');
    status.textContent = location.protocol === 'file:' ? words.checker_boot_file : words.checker_boot_failed;
  };
  if (location.protocol === 'file:') document.addEventListener('DOMContentLoaded', explain);
  else window.addEventListener('load', () => setTimeout(explain, 1000));
})();
