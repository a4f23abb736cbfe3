// The service worker: the only place the WASM engine runs (a content script would inherit the
// page's CSP). It answers typed messages from content scripts, the popup and the options page.
// It can be evicted at any time: the engine initializes lazily on the first message.
import init, { analyze, version } from './pkg/fineprint.js';

export const MSG = Object.freeze({
  ANALYZE: 'fp:analyze', // {docs: [{name, text}], opts: {hf_license?}} -> {ok, report} | {ok: false, error}
  VERSION: 'fp:version', // {} -> {ok, version}
});

let ready = null;
function engine() {
  ready ??= init({ module_or_path: chrome.runtime.getURL('extension/pkg/fineprint_bg.wasm') });
  return ready;
}

async function onMessage(msg, sender) {
  switch (msg?.type) {
    case MSG.ANALYZE: {
      await engine();
      return { ok: true, report: analyze(msg.docs ?? [], msg.opts ?? {}) };
    }
    case MSG.VERSION:
      await engine();
      return { ok: true, version: version() };
    default:
      return { ok: false, error: `unknown message type ${String(msg?.type)}` };
  }
}

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  onMessage(msg, sender).then(sendResponse, (err) => {
    sendResponse({ ok: false, error: String(err?.message ?? err) });
  });
  return true; // the answer is asynchronous
});
