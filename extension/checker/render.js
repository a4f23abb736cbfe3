// Render: the result (the breakdown from ui/breakdown.js, the text with quotes and changes marked) and moving between them.
import { ui, state } from './page.js';
import { answerOne, editProfile, personalAnswer } from './profile.js';

const UI = globalThis.FinePrintUI;
const t = (key, ...args) => globalThis.FinePrintI18n.t(key, ...args);
const CHANGE_KINDS = ['added', 'removed', 'replaced'];

/** Hide the result and forget the report. */
export function clearResult() {
  state.report = null;
  state.analysed = [];
  ui.result.hidden = true;
  ui.result.dataset.license = '';
  ui.result.dataset.verdict = '';
  ui.result.dataset.state = 'empty';
  ui.breakdown.replaceChildren();
  ui.docView.replaceChildren();
}

/** Draw the current report: the breakdown (with the personal answer, if the profile gives one) and the marked text. */
export async function showResult() {
  const report = state.report;
  if (!report) return;
  state.answer = personalAnswer(report, state.profile);
  ui.result.dataset.license = report.license?.id ?? '';
  ui.result.dataset.verdict = report.verdict?.class ?? 'unknown';
  ui.result.dataset.badge = report.badge?.class ?? 'unknown';
  ui.result.dataset.state = 'result';
  const breakdown = UI.renderBreakdown(report, {
    profile: state.profile,
    answer: state.answer,
    docs: state.analysed,
    fileUrl: state.hub?.fileUrl ?? null,
    onLocate: locate,
    onEditProfile: editProfile,
    questions: state.questions ?? null,
    onAnswer: async (question, answer) => {
      await answerOne(question, answer);
      state.answer = personalAnswer(report, state.profile);
      return { profile: state.profile, answer: state.answer };
    },
  });
  ui.breakdown.replaceChildren(breakdown);
  ui.docView.replaceChildren(...renderDocs(report, state.analysed));
  ui.result.hidden = false;
}

/** Spans of one document, as UTF-16 ranges: evidence of clauses and changes of a modified license. */
function spansOf(report, docIndex, text) {
  const at = UI.utf8Index(text);
  const spans = [];
  (report.clauses ?? []).forEach((c, ci) => (c.evidence ?? []).forEach((ev, ei) => {
    if (Number(ev.doc ?? 0) !== docIndex) return;
    const a = at(ev.start);
    const b = at(ev.end);
    if (b > a) spans.push({ id: `ev-${ci}-${ei}`, a, b, cls: 'ev', kind: c.kind, start: ev.start, end: ev.end, title: UI.KINDS[c.kind] ? t(`kind_${c.kind}_label`) : c.kind });
  }));
  (report.license?.changes ?? []).forEach((ch, i) => {
    if (Number(ch.doc ?? 0) !== docIndex) return;
    const a = at(ch.start);
    const b = at(ch.end);
    const title = ch.kind === 'replaced' && ch.original ? t('checker_replaced_title', ch.original) : CHANGE_KINDS.includes(ch.kind) ? t(`change_${ch.kind}`) : `${ch.kind}`;
    spans.push({ id: `ch-${i}`, a, b: Math.max(a, b), cls: `ch-${String(ch.kind).replace(/[^a-z]/g, '')}`, kind: ch.kind, start: ch.start, end: ch.end, title, removed: ch.kind === 'removed' || b <= a, original: ch.original ?? ch.text });
  });
  return spans;
}

function renderDocs(report, docs) {
  return docs.map((doc, i) => {
    const section = document.createElement('section');
    section.className = 'doc';
    section.dataset.doc = String(i);
    const h = document.createElement('h3');
    h.textContent = doc.name || t('document_n', globalThis.FinePrintI18n.number(i + 1));
    const pre = document.createElement('pre');
    pre.className = 'doc-text';
    pre.tabIndex = 0;
    pre.setAttribute('aria-label', t('checker_text_of', h.textContent));
    pre.append(...markedText(doc.text, spansOf(report, i, doc.text)));
    section.append(h, pre);
    return section;
  });
}

/** The text as nodes, with <mark>s where spans cover it (spans may overlap) and markers for removed words. */
function markedText(text, spans) {
  const ranged = spans.filter((s) => !s.removed);
  const points = new Set([0, text.length]);
  for (const s of ranged) { points.add(s.a); points.add(s.b); }
  for (const s of spans) if (s.removed) points.add(s.a);
  const cuts = [...points].sort((x, y) => x - y);
  const removedAt = new Map();
  for (const s of spans) if (s.removed) removedAt.set(s.a, [...(removedAt.get(s.a) ?? []), s]);
  const nodes = [];
  // Sweep: spans sorted by start; the active list changes only at cut points.
  const byStart = [...ranged].sort((x, y) => x.a - y.a);
  let next = 0;
  let active = [];
  for (let k = 0; k < cuts.length; k++) {
    const p = cuts[k];
    for (const s of removedAt.get(p) ?? []) {
      const m = document.createElement('span');
      m.className = 'ch-removed';
      m.dataset.span = s.id;
      m.title = t('checker_removed_text', s.original ?? '');
      m.textContent = s.original ? t('checker_removed_text', s.original) : t('checker_removed');
      nodes.push(m);
    }
    if (k === cuts.length - 1) break;
    const q = cuts[k + 1];
    active = active.filter((s) => s.b > p);
    while (next < byStart.length && byStart[next].a <= p) {
      if (byStart[next].b > p) active.push(byStart[next]);
      next++;
    }
    const piece = text.slice(p, q);
    if (!piece) continue;
    if (!active.length) { nodes.push(document.createTextNode(piece)); continue; }
    const m = document.createElement('mark');
    m.className = [...new Set(active.map((s) => s.cls))].join(' ');
    m.dataset.spans = active.map((s) => s.id).join(' ');
    m.title = [...new Set(active.map((s) => s.title))].join('; ');
    m.textContent = piece;
    nodes.push(m);
  }
  return nodes;
}

/** Show a quote or a change in the text view: highlight its marks and scroll to the first. */
function locate(span) {
  const section = ui.docView.querySelector(`section.doc[data-doc="${Number(span.doc)}"]`);
  if (!section) return;
  const wanted = findSpanId(span);
  ui.docView.querySelectorAll('.active').forEach((n) => n.classList.remove('active'));
  const marks = [...section.querySelectorAll('[data-spans], [data-span]')]
    .filter((m) => (m.dataset.spans ?? m.dataset.span).split(' ').includes(wanted));
  if (!marks.length) return;
  marks.forEach((m) => m.classList.add('active'));
  marks[0].tabIndex = -1;
  marks[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
  marks[0].focus({ preventScroll: true });
}

function findSpanId(span) {
  const r = state.report;
  if (span.type === 'change') {
    const i = (r.license?.changes ?? []).findIndex((c) => Number(c.doc ?? 0) === span.doc && c.start === span.start && c.end === span.end && c.kind === span.kind);
    return `ch-${i}`;
  }
  for (const [ci, c] of (r.clauses ?? []).entries()) {
    if (c.kind !== span.kind) continue;
    const ei = (c.evidence ?? []).findIndex((e) => Number(e.doc ?? 0) === span.doc && e.start === span.start && e.end === span.end);
    if (ei >= 0) return `ev-${ci}-${ei}`;
  }
  return '';
}

// Clicking a marked quote in the text goes to its clause in the breakdown.
export function linkTextToBreakdown() {
  ui.docView.addEventListener('click', (e) => {
    const mark = e.target.closest?.('mark[data-spans]');
    if (!mark) return;
    const id = mark.dataset.spans.split(' ').find((s) => s.startsWith('ev-'));
    if (!id) return;
    const [, ci, ei] = id.split('-').map(Number);
    const ev = state.report?.clauses?.[ci]?.evidence?.[ei];
    if (!ev) return;
    const fig = ui.breakdown.querySelector(`figure[data-doc="${Number(ev.doc ?? 0)}"][data-start="${Number(ev.start)}"][data-end="${Number(ev.end)}"]`);
    const item = fig?.closest('.fp-clause');
    if (!item) return;
    ui.breakdown.querySelectorAll('.fp-clause.active').forEach((n) => n.classList.remove('active'));
    item.classList.add('active');
    const quotes = fig.closest('details');
    if (quotes) quotes.open = true; // the quote sits behind its clause's disclosure
    item.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  });
}
