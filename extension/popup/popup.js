// The toolbar popup: the current tab's result (as the badge on the page shows it), and links to the
// checker page and the profile. It reads what the worker stored for the tab, and follows it while
// open (a page still reading its license); it fetches nothing.
(() => {
  const MSG = globalThis.FinePrintMsg;
  const $ = (id) => document.getElementById(id);
  const I18N = globalThis.FinePrintI18n;
  I18N.apply(document);
  const ICONS = { allowed: '✓', 'allowed-with-conditions': '▲', 'not-allowed': '✕', 'not-addressed': '–' };

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
    $('headline').textContent = summary.state === 'loading' ? I18N.t('popup_reading') : I18N.render(summary.message) || summary.text || '';
    const license = summary.license || summary.declared || (summary.state === 'result' ? I18N.t('panel_not_identified') : '');
    $('facts').hidden = !license;
    $('license').textContent = license;
    // Condensed: the one sentence and the five answers; the full breakdown is one click away.
    const done = summary.state === 'result';
    const sentence = done ? (I18N.render(summary.in_short_message) || summary.in_short || '') : '';
    $('in-short').textContent = sentence;
    $('in-short').hidden = !sentence;
    const list = done && Array.isArray(summary.answers) ? summary.answers : [];
    $('answers').replaceChildren(...list.map((a) => {
      const li = document.createElement('li');
      li.dataset.question = a.question;
      li.dataset.answer = a.answer;
      const icon = document.createElement('span');
      icon.className = 'icon';
      icon.setAttribute('aria-hidden', 'true');
      icon.textContent = ICONS[a.answer] ?? '?';
      const word = document.createElement('strong');
      word.textContent = ICONS[a.answer] ? I18N.t(`answer_${a.answer.replace(/-/g, '_')}`) : a.answer;
      li.append(icon, `${I18N.t(`question_${a.question}`)}: `, word);
      return li;
    }));
    $('answers').hidden = !list.length;
    $('page').textContent = summary.url ?? '';
    const model = summary.state === 'loading' ? null : hfModel(summary.url);
    $('open-breakdown').hidden = !model;
    $('open-breakdown').dataset.model = model ?? '';
  }

  /** The Hugging Face model a tab shows (owner/name), or null: the checker can read those on its own. */
  function hfModel(url) {
    let u;
    try { u = new URL(url); } catch { return null; }
    if (u.protocol !== 'https:' || !/^(www\.)?(huggingface\.co|hf\.co)$/.test(u.hostname)) return null;
    const parts = u.pathname.split('/').filter(Boolean);
    const RESERVED = ['datasets', 'spaces', 'api', 'models', 'docs', 'blog', 'settings', 'organizations', 'login', 'join', 'pricing', 'papers', 'collections'];
    if (parts.length < 2 || RESERVED.includes(parts[0])) return null;
    return `${parts[0]}/${parts[1]}`;
  }

  async function main() {
    $('open-checker').addEventListener('click', () => {
      chrome.tabs.create({ url: chrome.runtime.getURL('extension/checker/index.html') });
      window.close();
    });
    // The full breakdown of the tab's model: the checker page reads it from the hub (the popup is too
    // small for the clauses and quotes).
    $('open-breakdown').addEventListener('click', () => {
      const model = $('open-breakdown').dataset.model;
      if (!model) return;
      chrome.tabs.create({ url: `${chrome.runtime.getURL('extension/checker/index.html')}#model=${model}` });
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
    $('headline').textContent = I18N.t('popup_error', String(err?.message ?? err));
  });
})();
