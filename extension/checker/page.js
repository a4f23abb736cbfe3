// The checker page's shared pieces: its elements, its state, the status line and small text helpers.
export const MAX_BYTES = 2 * 1024 * 1024; // the engine's limit for one analysis (crate/src/analyze.rs MAX_INPUT_BYTES)

const $ = (sel) => document.querySelector(sel);
export const ui = {
  text: $('#text'), files: $('#files'), drop: $('#drop'), docList: $('#doc-list'), status: $('#status'),
  analyze: $('#analyze'), clear: $('#clear'), modelForm: $('#model-form'), model: $('#model'),
  result: $('#result'), breakdown: $('#breakdown'), docView: $('#doc-view'), version: $('#engine-version'),
  profileBox: $('#profile-box'), profileForm: $('#profile'),
};

// Documents from files and from the hub; the pasted text is read from the text area at analysis time.
export const state = { docs: [], hub: null, report: null, analysed: [], answer: null, profile: null, questions: null, seq: 0 };

export const utf8 = new TextDecoder('utf-8', { fatal: true }); // a byte-order mark is dropped, as the CLI's decoder does: offsets must match

/** The status line: a message (text or nodes), read out as an alert when it is an error. */
export function say(message, kind = 'info', ...extra) {
  ui.status.dataset.kind = kind;
  ui.status.replaceChildren(message, ...extra);
  ui.status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

export function link(href, text) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  a.rel = 'noopener noreferrer';
  a.target = '_blank';
  return a;
}

export function sizeText(bytes) {
  const I18N = globalThis.FinePrintI18n;
  return bytes >= 1024 * 1024
    ? I18N.t('size_mib', new Intl.NumberFormat(I18N.locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bytes / 1024 / 1024))
    : I18N.t('size_kib', I18N.number(Math.max(1, Math.round(bytes / 1024))));
}
