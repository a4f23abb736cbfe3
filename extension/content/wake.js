// Runs as a Hugging Face page starts loading (document_start), before the page's HTML is parsed.
// On a repository page it wakes the service worker, so the worker's start overlaps the page's own
// load and, when no report of the repository the tab shows is cached (the worker tells from the
// tab's URL), the engine's compile and warm-up start at once (the badge's first analysis needs
// both). It reads nothing from the page.
(() => {
  try {
    const page = globalThis.FinePrintHF?.parseUrl(new URL(location.href));
    if (!page) return;
    chrome.runtime.sendMessage({ type: globalThis.FinePrintMsg.WAKE }).catch(() => {});
  } catch {
    // an invalidated extension context (the extension was reloaded): nothing to wake
  }
})();
