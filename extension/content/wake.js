// Runs as a Hugging Face page starts loading (document_start), before the page's HTML is parsed.
// On a repository page it wakes the service worker with the repository's cache-key stem, so the
// worker's start overlaps the page's own load and, when no report of that repository is cached, the
// engine's compile and warm-up start at once (the badge's first analysis needs both). It reads
// nothing from the page.
(() => {
  try {
    const page = globalThis.FinePrintHF?.parseUrl(new URL(location.href));
    if (!page) return;
    const msg = { type: globalThis.FinePrintMsg?.WAKE ?? 'fp:wake', stem: globalThis.FinePrintHF.cacheKeyStem(page) };
    chrome.runtime.sendMessage(msg).catch(() => {});
  } catch {
    // an invalidated extension context (the extension was reloaded): nothing to wake
  }
})();
