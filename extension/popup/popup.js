// The toolbar popup: the current tab's result (as the badge on the page shows it), and links to the
// checker page and the profile. It reads what the worker stored for the tab; it fetches nothing.
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
    const res = await chrome.runtime.sendMessage({ type: MSG.GET_TAB_RESULT, tabId });
    show(res?.summary ?? null);
  }

  main().catch((err) => {
    $('headline').textContent = `Fine Print could not read this tab's result (${err?.message ?? err}).`;
  });
})();
