// The toolbar popup: the current tab's result (as the badge on the page shows it), and links to the
// checker page and the profile. It reads what the worker stored for the tab, and follows it while
// open (a page still reading its license); it fetches nothing.
(() => {
  const MSG = globalThis.FinePrintMsg;
  const $ = (id) => document.getElementById(id);

  async function activeTabId() {
    const q = new URLSearchParams(location.search).get('tab'); // tests open the popup as a page: ?tab=ID
    if (q && /^\d+$/.test(q)) return Number(q);
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  }

  function show(summary) {
    const box = $('result');
    if (!summary) return;
    box.dataset.state = summary.state ?? 'none';
    box.dataset.license = summary.license ?? '';
    box.dataset.verdict = summary.verdict ?? '';
    $('headline').textContent = summary.state === 'loading' ? 'Reading the license…' : summary.text ?? '';
    if (summary.state === 'result' || summary.declared) {
      $('facts').hidden = false;
      $('license').textContent = summary.license || summary.declared || 'not identified';
      $('verdict').textContent = summary.verdict || 'unknown';
    }
    $('page').textContent = summary.url ?? '';
  }

  async function main() {
    $('open-checker').addEventListener('click', () => {
      chrome.tabs.create({ url: chrome.runtime.getURL('extension/checker/index.html') });
      window.close();
    });
    $('open-options').addEventListener('click', () => {
      chrome.runtime.openOptionsPage();
      window.close();
    });
    const tabId = await activeTabId();
    if (typeof tabId !== 'number') return;
    // Opened while the page is still reading its license: show the result when the worker records it.
    let latest = false;
    chrome.storage.onChanged.addListener((changes, area) => {
      const c = area === 'session' ? changes[MSG.TAB_KEY + tabId] : null;
      if (c?.newValue) {
        latest = true;
        show(c.newValue);
      }
    });
    const res = await chrome.runtime.sendMessage({ type: MSG.GET_TAB_RESULT, tabId });
    if (!latest) show(res?.summary ?? null);
  }

  main().catch((err) => {
    $('headline').textContent = `Fine Print could not read this tab's result (${err?.message ?? err}).`;
  });
})();
