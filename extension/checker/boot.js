// A classic script, loaded before the module: when the module cannot run (the page opened as a file,
// where browsers refuse ES modules and WASM; or a browser without them), it says so instead of
// leaving a page that silently does nothing. checker.js marks the page as started when it runs.
(() => {
  const explain = () => {
    if (document.documentElement.dataset.started) return;
    const status = document.getElementById('status');
    if (!status || status.textContent) return;
    status.dataset.kind = 'error';
    status.setAttribute('role', 'alert');
    status.textContent = location.protocol === 'file:'
      ? 'This page cannot run when opened as a file: browsers do not load its engine from file://. Serve the folder with any static web server (for example, from the repository: python3 -m http.server 8000, then open http://localhost:8000/extension/checker/).'
      : 'The checker could not start: this browser did not load its script or its WebAssembly engine. Try a current Chrome, Edge, Firefox or Safari.';
  };
  if (location.protocol === 'file:') document.addEventListener('DOMContentLoaded', explain);
  else window.addEventListener('load', () => setTimeout(explain, 1000));
})();
