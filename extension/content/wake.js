// Runs as a Hugging Face page starts loading (document_start), before the page's HTML is parsed.
// On what may be a repository page it wakes the service worker, so the worker's start and the
// engine's compile overlap the page's own load instead of following it: the badge's first analysis
// needs both. It reads nothing from the page and sends nothing but the wake-up.
(() => {
  try {
    const parts = location.pathname.split('/').filter(Boolean);
    const repo = parts[0] === 'datasets' || parts[0] === 'spaces' ? parts.length >= 3 : parts.length >= 2;
    if (!repo) return;
    chrome.runtime.sendMessage({ type: globalThis.FinePrintMsg?.WAKE ?? 'fp:wake' }).catch(() => {});
  } catch {
    // an invalidated extension context (the extension was reloaded): nothing to wake
  }
})();
