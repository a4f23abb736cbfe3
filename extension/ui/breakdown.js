// The breakdown of one report: shared by the extension's panel (in a shadow root) and the no-install
// checker page. A CLASSIC script (it is also injected as a content script), defining
// globalThis.FinePrintUI. Everything is built with createElement/textContent: license text, quotes and
// page text are never parsed as markup.
//
//   FinePrintUI.renderBreakdown(report, {profile, answer, docs, fileUrl, onLocate, onEditProfile}) -> HTMLElement
//     (the license and verdict, the model's ancestry, the personal answer, changes, clauses, the recipe, notes)
//   FinePrintUI.CSS            its styles, as a string (for a <style> in a shadow root or a page)
//   FinePrintUI.attachStyles(shadowRootOrDocument)  adds them as a constructed sheet (no inline style: CSP-safe)
//   FinePrintUI.utf8Index(text) -> (byteOffset) => UTF-16 index (the report's offsets are UTF-8 bytes)
(() => {
  if (globalThis.FinePrintUI) return; // injected twice: keep the first

  // The clause vocabulary, generated from crate/data/clause-kinds.json by scripts/gen-clause-kinds.mjs
  // (a test fails when it is out of date): kind -> [label, why, severity].
  // BEGIN GENERATED clause-kinds
  const KINDS = {
    noncommercial: ["Non-commercial use only","Rules out any product, client work or internal business use.","blocker"],
    research_only: ["Research / evaluation only","Even internal production use is excluded; usually no redistribution either.","blocker"],
    mau_threshold: ["User-count threshold (monthly active users)","Above N monthly active users you need a separate license the licensor may refuse.","caution"],
    revenue_threshold: ["Revenue threshold","Above a revenue level (often org + affiliates) the free license ends.","caution"],
    separate_license_needed: ["Must ask the licensor for a license","Some uses need a license granted at the licensor's sole discretion.","caution"],
    aup_by_reference: ["Acceptable-use policy incorporated by reference","A separate, externally hosted policy binds you and can change after you adopt the model.","caution"],
    use_restrictions: ["Behavioral use restrictions (a list of forbidden uses)","A list of forbidden uses; the Open Source Definition allows no restriction on fields of use.","caution"],
    field_exclusions: ["Excluded sectors / applications","Named sectors (medical advice, law enforcement, military, surveillance, biometrics, automated decisions) are off-limits.","caution"],
    geo_exclusion: ["Region excluded from the license","Certain countries or regions (e.g. EU for some multimodal or Hunyuan models) get no license.","caution"],
    export_sanctions: ["Export-control / sanctions compliance","Standard trade-law clause; matters if you or your users are in sanctioned jurisdictions.","info"],
    output_training_ban: ["No using outputs to train/improve other models","Blocks distillation and synthetic-data pipelines for other model families.","caution"],
    restrictions_propagate: ["Restrictions must be passed on to derivatives","Fine-tunes, merges and quantizations must carry the same use restrictions (cannot be relabelled Apache/MIT).","caution"],
    derivatives_defined_broadly: ["'Derivative' includes distilled / synthetic-data-trained models","A model trained on this model's outputs can count as a derivative and inherit the terms.","caution"],
    same_license_copyleft: ["Share-alike / copyleft","Distributed modifications must use the same license (and for AGPL: offering over a network counts).","info"],
    no_derivatives: ["No derivatives","You may not distribute modified versions (fine-tunes) at all.","blocker"],
    attribution_display: ["Visible attribution in your product","You must show e.g. 'Built with Llama' / 'Powered by Stability AI' on a site or UI.","info"],
    naming_requirement: ["Derived model name must carry the brand","Fine-tunes (or models trained on outputs) must start their name with the licensor's mark.","info"],
    notice_file: ["Keep license copy / NOTICE file","Redistribution must include the license text and a NOTICE attribution file.","info"],
    hosted_counts_as_distribution: ["Serving via API counts as distribution","Obligations (restriction pass-through, notices) apply even if you only host the model for clients.","info"],
    remote_control_updates: ["Licensor may restrict remotely / force updates","Licensor reserves a right to restrict usage remotely or require the latest version.","caution"],
    revocable_or_at_will_termination: ["Revocable / terminable at will","License can be revoked or terminated on notice, not only for breach.","caution"],
    ip_litigation_termination: ["License ends if you sue the licensor","Suing the licensor over IP (sometimes including outputs) terminates your rights.","info"],
    patent_grant: ["Express patent grant","Explicit patent license from contributors (Apache-style).","info"],
    indemnity: ["You indemnify the licensor","You carry third-party claims arising from your use.","info"],
    governing_law: ["Governing law / venue","Disputes go to a named jurisdiction (California, China/Hangzhou, ...).","info"],
    clickwrap_acceptance: ["Accepted by use / click-through (gated)","Using or downloading counts as signing a contract; hubs often gate access.","info"],
    registration_required: ["Registration required for commercial use","Commercial users must register with the licensor.","info"],
    output_ownership: ["Licensor claims no rights in outputs","Outputs are yours (subject to the use restrictions).","info"],
    trademark_withheld: ["No trademark license","You may not use the licensor's names/logos beyond required attribution.","info"],
  };
  // END GENERATED clause-kinds

  // How the breakdown groups clauses: from the reader's side (what you can't do, what you may do only
  // under a condition, what you must do, what the vendor can do, the contract itself). Every kind of the
  // vocabulary has exactly one group (checked by tests/node/breakdown.test.mjs); a kind the page does
  // not know yet (a newer engine) goes to "other" and is still shown.
  // Every word the breakdown shows comes from the message files (extension/shared/i18n.js).
  const I18N = globalThis.FinePrintI18n;
  const t = (key, ...args) => I18N.t(key, ...args);
  // The group's title and blurb are the messages group_<id>_title and group_<id>_blurb.
  const GROUPS = ['cant', 'only_if', 'must', 'vendor', 'legal', 'other'].map((id) => ({
    id, get title() { return t(`group_${id}_title`); }, get blurb() { return t(`group_${id}_blurb`); },
  }));
  const GROUP_OF_KIND = {
    noncommercial: 'cant',
    research_only: 'cant',
    geo_exclusion: 'cant',
    field_exclusions: 'cant',
    use_restrictions: 'cant',
    output_training_ban: 'cant',
    no_derivatives: 'cant',
    mau_threshold: 'only_if',
    revenue_threshold: 'only_if',
    separate_license_needed: 'only_if',
    registration_required: 'only_if',
    aup_by_reference: 'must',
    export_sanctions: 'must',
    restrictions_propagate: 'must',
    same_license_copyleft: 'must',
    attribution_display: 'must',
    naming_requirement: 'must',
    notice_file: 'must',
    hosted_counts_as_distribution: 'must',
    indemnity: 'must',
    remote_control_updates: 'vendor',
    revocable_or_at_will_termination: 'vendor',
    ip_litigation_termination: 'vendor',
    governing_law: 'legal',
    clickwrap_acceptance: 'legal',
    trademark_withheld: 'legal',
    patent_grant: 'legal',
    output_ownership: 'legal',
    derivatives_defined_broadly: 'legal',
  };

  // The match words are the messages match_<kind>; a change's kind, change_<kind>.
  const MATCHES = ['exact', 'equivalent', 'modified', 'partial', 'declared', 'unknown'];
  const CHANGES = ['added', 'removed', 'replaced'];
  // The personal answer's outcomes (shared/spec/profile.md; the engine's profile::Outcome spells them
  // allowed, allowed_with_obligations, needs_permission, not_allowed), in order of risk.
  const OUTCOMES = [
    { id: 'allowed', key: 'allowed' },
    { id: 'obligations', key: 'allowed_with_obligations' },
    { id: 'permission', key: 'needs_permission' },
    { id: 'not_allowed', key: 'not_allowed' },
    { id: 'unknown', key: '' },
  ].map((o) => ({ ...o, get text() { return t(`outcome_${o.id}`); } }));
  const disclaimer = () => t('disclaimer');
  /** A kind's label and why, in the reader's language. */
  const kindLabel = (kind) => (KINDS[kind] ? t(`kind_${kind}_label`) : str(kind).replace(/_/g, ' '));
  const kindWhy = (kind) => (KINDS[kind] ? t(`kind_${kind}_why`) : '');
  /** A report's text in the reader's language: from its message when the engine gave one, else as given. */
  function said(message, english) {
    const s = I18N.render(message);
    return s || str(english);
  }

  /** The group id of a clause kind ('other' for a kind this page does not know). */
  function groupOf(kind) {
    return Object.prototype.hasOwnProperty.call(GROUP_OF_KIND, kind) ? GROUP_OF_KIND[kind] : 'other';
  }

  function outcomeOf(value) {
    const key = str(value).toLowerCase().replace(/-/g, '_');
    return OUTCOMES.find((o) => o.key && o.key === key) ?? OUTCOMES[OUTCOMES.length - 1];
  }

  // ---- DOM helpers: text only ------------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs ?? {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') node.className = v;
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat(Infinity)) {
      if (c === undefined || c === null || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  /** Only http(s) links are shown: a `javascript:` or `data:` URL from a page never becomes a link. */
  function safeUrl(url) {
    try {
      const u = new URL(String(url), globalThis.location?.href);
      return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
    } catch {
      return null;
    }
  }

  function str(v) {
    return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
  }

  // ---- values --------------------------------------------------------------------------------------
  let regionNames = null;
  function regionName(code) {
    const c = str(code).toUpperCase();
    if (c === 'EU' || c === 'EEA') return t(`region_name_${c}`);
    try {
      regionNames ??= new Intl.DisplayNames([I18N.locale(), 'en'], { type: 'region' });
      const name = regionNames.of(c);
      return name && name !== c ? `${name} (${c})` : c;
    } catch {
      return c;
    }
  }

  /**
   * A clause value in words: counts and amounts with separators and the unit the text states
   * ("users per month", "EUR per year"; never converted, never assumed), regions by name.
   */
  function formatValue(kind, value, unit) {
    if (value === undefined || value === null || value === '') return '';
    if (Array.isArray(value)) return value.map(regionName).join(', ');
    if (typeof value === 'number' && Number.isFinite(value)) {
      const n = I18N.number(value);
      const u = str(unit).trim();
      if (u) return t('value_with_unit', n, unitWords(u));
      if (kind === 'mau_threshold') return I18N.plural('value_users', value);
      return n;
    }
    return str(value);
  }

  /** A unit as the engine states it ("users per month", "EUR per year"): the known ones in words, the rest as given. */
  function unitWords(u) {
    const m = /^(\S+) per (day|week|month|quarter|year)$/.exec(u);
    if (!m) return u;
    const what = m[1] === 'users' ? t('unit_users') : m[1];
    return t(`unit_per_${m[2]}`, what);
  }

  // ---- UTF-8 byte offsets -> JS string indices ----------------------------------------------------
  /**
   * For `text`, a function mapping a UTF-8 byte offset to the UTF-16 index of the same position.
   * An offset inside a character maps to that character's start; past the end, to text.length.
   */
  function utf8Index(text) {
    const s = str(text);
    const bytes = new Float64Array(s.length + 1); // bytes[i] = UTF-8 length of s.slice(0, i)
    let b = 0;
    for (let i = 0; i < s.length; i++) {
      bytes[i] = b;
      const c = s.charCodeAt(i);
      if (c < 0x80) b += 1;
      else if (c < 0x800) b += 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        b += 4;
        bytes[++i] = b - 2; // the low surrogate sits inside the character
      } else b += 3;
    }
    bytes[s.length] = b;
    return (offset) => {
      const o = Number(offset);
      if (!(o > 0)) return 0;
      if (o >= b) return s.length;
      let lo = 0;
      let hi = s.length;
      while (lo < hi) { // largest i with bytes[i] <= o
        const mid = (lo + hi + 1) >> 1;
        if (bytes[mid] <= o) lo = mid; else hi = mid - 1;
      }
      if (lo > 0 && (s.charCodeAt(lo) & 0xfc00) === 0xdc00 && (s.charCodeAt(lo - 1) & 0xfc00) === 0xd800) lo--;
      return lo;
    };
  }

  // ---- sections ------------------------------------------------------------------------------------
  function docName(docs, i) {
    const d = Array.isArray(docs) ? docs[i] : undefined;
    return str(d?.name) || (Array.isArray(docs) && docs.length > 1 ? t('document_n', I18N.number(Number(i) + 1)) : '');
  }

  function locateButton(onLocate, span, label) {
    if (typeof onLocate !== 'function') return null;
    const b = el('button', { type: 'button', class: 'fp-locate' }, label);
    b.addEventListener('click', () => onLocate({ ...span }));
    return b;
  }

  function headerSection(report) {
    const badge = report.badge ?? {};
    const lic = report.license ?? {};
    const verdict = report.verdict ?? {};
    const badgeClass = str(badge.class) || 'unknown';
    const name = str(lic.name) || str(lic.id);
    const head = el('header', { class: 'fp-head' },
      el('p', { class: `fp-badge fp-badge--${badgeClass.replace(/[^a-z-]/g, '')}`, 'data-badge': badgeClass },
        said(badge.message, badge.text) || t('badge_unknown_license')),
      el('h2', { class: 'fp-license' }, name || t('license_not_identified')),
    );
    const facts = el('ul', { class: 'fp-facts' });
    if (lic.id && lic.name && lic.id !== lic.name) facts.append(el('li', {}, t('fact_id'), el('code', {}, str(lic.id))));
    const match = str(lic.match);
    if (match) {
      const conf = typeof lic.confidence === 'number' && match !== 'declared' && match !== 'unknown'
        ? t('confidence', I18N.number(Math.round(lic.confidence * 100))) : '';
      // A text that only names its license ("licensed under the Apache License 2.0"): the engine
      // reports where it says so (license.named); the terms themselves were not read.
      const named = match === 'declared' && typeof lic.named?.quote === 'string' && lic.named.quote.trim()
        ? [t('match_named'), el('q', { class: 'fp-named' }, lic.named.quote.trim())]
        : [MATCHES.includes(match) ? t(`match_${match}`) : match];
      facts.append(el('li', { 'data-match': match, class: match === 'modified' || named.length > 1 ? 'fp-warn' : null },
        t('fact_text'), ...named, conf));
    }
    if (report.osi_approved === true) facts.append(el('li', {}, t('osi_yes')));
    else if (report.osi_approved === false) facts.append(el('li', {}, t('osi_no')));
    head.append(facts);
    const v = el('div', { class: 'fp-verdict', 'data-verdict': str(verdict.class) || 'unknown' },
      el('p', { class: 'fp-verdict-label' }, t('verdict_label'), el('strong', {}, said(verdict.message, verdict.label) || t(`verdict_class_${VERDICTS.includes(verdict.class) ? verdict.class : 'unknown'}`))));
    const reasons = Array.isArray(verdict.reasons) ? verdict.reasons.filter(Boolean) : [];
    if (reasons.length) {
      const said_ = Array.isArray(verdict.reason_messages) ? verdict.reason_messages : [];
      v.append(el('details', { class: 'fp-why' }, el('summary', {}, t('why_verdict')),
        el('ul', { class: 'fp-reasons' }, reasons.map((r, i) => el('li', {}, said(said_[i], r))))));
    }
    head.append(v);
    return head;
  }

  /**
   * The engine's personal answer (crate profile::answer): {overall, clauses: [{kind, outcome, reason,
   * obligations}], obligations, note}. Lists given as plain strings are accepted too.
   */
  function answerItems(list, messages = []) {
    if (!Array.isArray(list)) return [];
    // In the reader's language: an item's message (the engine's `message`, or `messages[i]` beside a list of strings).
    return list.map((i, n) => [i, n]).filter(([i]) => i !== null && i !== undefined).map(([i, n]) => (typeof i === 'object'
      ? { text: said(i.message, i.reason ?? i.text ?? i.summary), kind: str(i.kind), outcome: str(i.outcome), from: str(i.from_base) }
      : { text: said(Array.isArray(messages) ? messages[n] : null, i), kind: '', outcome: '' })).filter((i) => i.text);
  }

  // Each outcome in a word, for the item it belongs to (the section's headline says it in full): outcome_word_<id>.

  /**
   * The questions asked right here (those marked "inline" in the questions file) that the user has not
   * answered: radio groups; picking one calls onAnswer(question id, answer id), which stores it and
   * gives back {profile, answer} to redraw the section with.
   */
  function inlineQuestions(inline, profile, redraw) {
    const list = (inline?.questions?.questions ?? []).filter((q) => q.inline && !q.hidden && !q.multiple);
    const open = list.filter((q) => [].concat(profile?.answers?.[q.id] ?? 'not_sure').includes('not_sure'));
    if (!open.length || typeof inline.onAnswer !== 'function') return null;
    const box = el('div', { class: 'fp-inline-questions' });
    for (const q of open) {
      const name = `fp-q-${q.id}-${Math.random().toString(36).slice(2, 8)}`;
      const set = el('fieldset', { 'data-question': q.id }, el('legend', {}, t(`profile_q_${q.id}`)));
      for (const a of q.answers) {
        const input = el('input', { type: 'radio', name, value: a.id });
        input.addEventListener('change', async () => {
          if (!input.checked) return;
          for (const i of box.querySelectorAll('input')) i.disabled = true;
          let next = null;
          try {
            next = await inline.onAnswer(q.id, a.id);
          } catch { /* kept below */ }
          if (next && typeof next === 'object') redraw(next, q.id);
          else {
            for (const i of box.querySelectorAll('input')) i.disabled = false;
            box.append(el('p', { class: 'fp-warn', role: 'alert' }, t('inline_not_saved')));
          }
        });
        set.append(el('label', {}, input, ' ', t(`profile_a_${q.id}_${a.id}`)));
      }
      box.append(set);
    }
    return box;
  }

  function answerSection(answer, profile, onEditProfile, inline = null) {
    const sec = el('section', { class: 'fp-answer', 'aria-label': t('for_you') });
    sec.append(el('h3', {}, t('for_you')));
    // Redraw in place after an inline answer, with the focus where the user was.
    const redraw = (next, answeredId) => {
      const fresh = answerSection(next.answer ?? null, next.profile ?? null, onEditProfile, inline);
      sec.replaceWith(fresh);
      const after = fresh.querySelector('.fp-inline-questions input') ?? fresh.querySelector('.fp-outcome') ?? fresh;
      if (!after.matches('input')) after.setAttribute('tabindex', '-1');
      after.focus?.();
      fresh.dataset.answered = answeredId;
    };
    // No personal verdict from questions the user never answered: a default is not something they said.
    const unanswered = !profile || typeof profile !== 'object' || !(Number(profile.answered) > 0);
    if (unanswered) {
      sec.dataset.outcome = 'none';
      sec.dataset.unanswered = '';
      sec.append(el('p', { class: 'fp-muted' }, t('for_you_invite')));
    } else if (answer && typeof answer === 'object') {
      const o = outcomeOf(answer.overall ?? answer.outcome);
      sec.dataset.outcome = o.id;
      sec.append(el('p', { class: `fp-outcome fp-outcome--${o.id}` }, o.text));
      // The clauses that decide it, worst first, each with its own outcome; "allowed" ones add nothing
      // to read. Those as bad as the whole answer are the blockers, and say so.
      const rank = (i) => OUTCOMES.findIndex((x) => x.id === outcomeOf(i.outcome).id);
      const items = answerItems(answer.clauses ?? answer.reasons).filter((i) => outcomeOf(i.outcome).id !== 'allowed')
        .sort((x, y) => rank(y) - rank(x));
      if (items.length) {
        sec.append(el('ul', { class: 'fp-answer-items' }, items.map((i) => {
          const io = i.outcome ? outcomeOf(i.outcome) : null;
          const blocker = io && io.id === o.id && (o.id === 'not_allowed' || o.id === 'permission');
          return el('li', { 'data-kind': i.kind || null, 'data-outcome': io ? io.id : null, 'data-blocker': blocker ? '' : null, 'data-from-base': i.from || null },
            io ? el('span', { class: `fp-item-outcome fp-outcome--${io.id}` }, t(blocker ? 'item_outcome_blocker' : 'item_outcome', t(`outcome_word_${io.id}`))) : null,
            i.kind && KINDS[i.kind] ? el('span', { class: 'fp-answer-kind' }, t('kind_in_item', kindLabel(i.kind))) : null, i.text,
            // A base model's binding term, not the model's own text's.
            i.from ? el('span', { class: 'fp-muted' }, ` ${t('ans_from_base', i.from)}`) : null);
        })));
      }
      const obligations = answerItems(answer.obligations, answer.obligation_messages);
      if (obligations.length) {
        sec.append(el('p', { class: 'fp-answer-must' }, t('you_must')),
          el('ul', { class: 'fp-obligations' }, obligations.map((i) => el('li', {}, i.text))));
      }
      if (answer.note) sec.append(el('p', { class: 'fp-muted fp-small' }, said(answer.note_message, answer.note)));
    } else {
      sec.dataset.outcome = 'none';
      sec.append(el('p', { class: 'fp-muted' }, t('no_personal_answer')));
    }
    const asked = inlineQuestions(inline, profile, redraw);
    if (asked) {
      if (!unanswered) sec.append(el('p', { class: 'fp-muted fp-small' }, t('inline_more')));
      sec.append(asked);
    }
    if (typeof onEditProfile === 'function') {
      const b = el('button', { type: 'button', class: 'fp-edit-profile' }, unanswered ? (asked ? t('more_questions') : t('answer_questions')) : t('edit_answers'));
      b.addEventListener('click', () => onEditProfile());
      sec.append(b);
    }
    if (!unanswered) sec.append(el('p', { class: 'fp-muted fp-small' }, t('beside_answers')));
    return sec;
  }

  /** A link to a quote's line in the license file on the hub (Hugging Face blob pages take #L12). */
  function lineLink(ev, docs, fileUrl) {
    const doc = Array.isArray(docs) ? docs[Number(ev?.doc ?? 0)] : null;
    const url = doc?.url ? safeUrl(doc.url) : (Number(ev?.doc ?? 0) === 0 && fileUrl ? safeUrl(fileUrl) : null);
    if (!url || typeof doc?.text !== 'string' || !doc.text) return null;
    const line = lineOf(doc.text, ev?.start);
    return el('a', { href: `${url.split('#')[0]}#L${line}`, target: '_blank', rel: 'noopener noreferrer', class: 'fp-line' }, t('line_n', I18N.number(line)));
  }

  /** The 1-based line of a UTF-8 byte offset. */
  function lineOf(text, start) {
    const i = utf8Index(text)(Number(start) || 0);
    let n = 1;
    for (let k = 0; k < i; k++) if (text.charCodeAt(k) === 10) n++;
    return n;
  }

  function clauseItem(clause, docs, onLocate, fileUrl) {
    const kind = str(clause.kind);
    const info = KINDS[kind];
    const severity = info ? info[2] : 'info';
    const li = el('li', { class: `fp-clause fp-sev--${severity}`, 'data-kind': kind, 'data-severity': severity, id: `fp-clause-${kind.replace(/[^a-z0-9_]/g, '')}`, tabindex: '-1' });
    // One line: the clause's reading (its label only when there is no reading); its quotes behind a disclosure.
    const summary = said(clause.message, clause.summary) || kindLabel(kind);
    li.append(el('p', { class: 'fp-summary fp-clause-title' }, summary));
    const evidence = Array.isArray(clause.evidence) ? clause.evidence : [];
    const more = el('details', { class: 'fp-quotes' }, el('summary', {}, evidence.length === 1 ? t('license_words') : I18N.plural('license_words_quotes', evidence.length)));
    if (evidence.length) li.append(more);
    for (const ev of evidence) {
      const where = docName(docs, ev?.doc ?? 0);
      const fig = el('figure', { class: 'fp-evidence', 'data-doc': Number(ev?.doc ?? 0), 'data-start': Number(ev?.start ?? 0), 'data-end': Number(ev?.end ?? 0) },
        el('blockquote', { class: 'fp-quote' }, str(ev?.quote)));
      const cap = el('figcaption', { class: 'fp-small' }, where ? t('license_words_from', where) : t('license_words'));
      const b = locateButton(onLocate, { type: 'evidence', kind, doc: Number(ev?.doc ?? 0), start: Number(ev?.start ?? 0), end: Number(ev?.end ?? 0) }, t('show_in_text'));
      if (b) cap.append(' ', b);
      fig.append(cap);
      const line = lineLink(ev, docs, fileUrl);
      if (line) cap.append(' ', line);
      more.append(fig);
    }
    return li;
  }

  function clausesSection(clauses, docs, onLocate, fileUrl) {
    const sec = el('section', { class: 'fp-clauses', 'aria-label': t('what_license_says') });
    sec.append(el('h3', {}, t('what_license_says')));
    const list = Array.isArray(clauses) ? clauses.filter((c) => c && typeof c === 'object') : [];
    if (!list.length) {
      sec.append(el('p', { class: 'fp-muted', 'data-empty': '' }, t('no_clauses'))); 
      return sec;
    }
    for (const g of GROUPS) {
      const mine = list.filter((c) => groupOf(str(c.kind)) === g.id);
      if (!mine.length) continue;
      const id = `fp-group-${g.id}`;
      const box = el('section', { class: `fp-group fp-group--${g.id}`, 'data-group': g.id, 'aria-label': g.title });
      box.append(el('h3', { class: 'fp-group-title', id }, g.title, el('span', { class: 'fp-count' }, t('count_in_parens', I18N.number(mine.length)))));
      box.append(el('ul', { class: 'fp-clause-list' }, mine.map((c) => clauseItem(c, docs, onLocate, fileUrl))));
      sec.append(box);
    }
    return sec;
  }

  function changesSection(license, docs, onLocate) {
    const changes = Array.isArray(license?.changes) ? license.changes.filter((c) => c && typeof c === 'object') : [];
    if (!changes.length && license?.match !== 'modified') return null;
    const sec = el('section', { class: 'fp-changes', 'aria-label': t('changes_title') });
    sec.append(el('h3', {}, t('changes_title')));
    if (!changes.length) {
      sec.append(el('p', { class: 'fp-muted' }, t('changes_unknown')));
      return sec;
    }
    sec.append(el('p', { class: 'fp-muted fp-small' }, I18N.plural('changed_in_places', changes.length, str(license.name) || str(license.id) || t('the_license'))));
    const ul = el('ul', { class: 'fp-change-list' });
    for (const ch of changes) {
      const kind = str(ch.kind);
      const li = el('li', { class: `fp-change fp-change--${kind.replace(/[^a-z]/g, '')}`, 'data-change': kind,
        'data-doc': Number(ch.doc ?? 0), 'data-start': Number(ch.start ?? 0), 'data-end': Number(ch.end ?? 0) });
      li.append(el('span', { class: 'fp-change-kind' }, CHANGES.includes(kind) ? t(`change_${kind}`) : kind));
      if (kind === 'replaced' && ch.original) {
        li.append(' ', el('del', {}, str(ch.original)), ' → ', el('ins', {}, str(ch.text)));
      } else if (kind === 'removed') {
        li.append(' ', el('del', {}, str(ch.original) || str(ch.text)));
      } else {
        li.append(' ', el('ins', {}, str(ch.text)));
      }
      const where = docName(docs, ch.doc ?? 0);
      if (where) li.append(el('span', { class: 'fp-small fp-muted' }, t('in_doc', where)));
      const b = locateButton(onLocate, { type: 'change', kind, doc: Number(ch.doc ?? 0), start: Number(ch.start ?? 0), end: Number(ch.end ?? 0) }, t('show_in_text'));
      if (b) li.append(' ', b);
      ul.append(li);
    }
    sec.append(ul);
    return sec;
  }

  function notesSection(report) {
    const also = Array.isArray(report.also_found) ? report.also_found.filter(Boolean) : [];
    const warnings = Array.isArray(report.warnings) ? report.warnings.filter(Boolean) : [];
    if (!also.length && !warnings.length) return null;
    const sec = el('section', { class: 'fp-notes', 'aria-label': t('notes') });
    if (also.length) {
      sec.append(el('p', {}, t('also_in_input'), also.map((l, i) => [i ? t('list_separator') : '', str(l.name) || str(l.id) || t('an_unknown_license')])));
    }
    const warningMessages = Array.isArray(report.warning_messages) ? report.warning_messages : [];
    warnings.forEach((w, i) => sec.append(el('p', { class: 'fp-warn', role: 'note' }, said(warningMessages[i], w))));
    return sec;
  }

  // A dimension's status words: dot_<status>; a badge class in words: class_<class> ('-' as '_').
  const DOTS = { disclosed: '●', partial: '◐', 'not-found': '○', 'not-assessed': '–' };
  const dotWords = (s) => (DOTS[s] ? t(`dot_${s.replace(/-/g, '_')}`) : str(s));
  const BADGES = ['open-source-ai', 'open-weights-permissive', 'open-weights-restricted', 'non-commercial', 'research-only', 'unknown'];
  const VERDICTS = ['open', 'restricted', 'non-commercial', 'research-only', 'unknown'];
  // A dimension's value word (dimvalue_<value>), or the value as given (a name, a number).
  const dimValue = (v) => (I18N.has(`dimvalue_${str(v).replace(/ /g, '_')}`) ? t(`dimvalue_${str(v).replace(/ /g, '_')}`) : str(v));
  const classWords = (c) => (BADGES.includes(c) ? t(`class_${c.replace(/-/g, '_')}`) : str(c));

  /** The model's ancestry (report.lineage): the relabel warning, then each base with its license. */
  function lineageSection(lineage) {
    if (!lineage || !Array.isArray(lineage.chain) || !lineage.chain.length) return null;
    const sec = el('section', { class: 'fp-lineage', 'data-fineprint-lineage': '', 'aria-label': t('based_on') }, el('h3', {}, t('based_on')));
    if (lineage.relabel) sec.append(el('p', { class: 'fp-warn warn', role: 'note' }, `⚠ ${said(lineage.relabel_message, lineage.relabel)}`));
    const list = el('ol', { class: 'fp-chain' });
    for (const n of lineage.chain) {
      const lic = str(n.license_name ?? n.license_id ?? n.license_label) || t('license_unknown');
      const status = n.status && n.status !== 'found' ? t('in_parens', I18N.has(`status_${str(n.status).replace(/-/g, '_')}`) ? t(`status_${str(n.status).replace(/-/g, '_')}`) : str(n.status).replace(/-/g, ' ')) : '';
      const how = n.relation && n.relation !== 'unspecified'
        ? t('relation_base_of', I18N.has(`relation_${str(n.relation)}`) ? t(`relation_${str(n.relation)}`) : str(n.relation), str(n.child))
        : t('base_of', str(n.child));
      const li = el('li', { 'data-id': str(n.id), 'data-status': str(n.status) },
        el('span', { class: 'fp-mono' }, str(n.id)),
        el('span', {}, ` · ${lic}${n.badge ? t('in_parens', classWords(n.badge)) : ''}${status}`),
        el('span', { class: 'fp-muted' }, ` · ${how}`));
      li.style.marginLeft = `${Math.min(4, Math.max(0, (Number(n.depth) || 1) - 1)) * 12}px`;
      if (n.note) li.append(el('div', { class: 'fp-muted' }, said(n.note_message, n.note)));
      list.append(li);
    }
    sec.append(list);
    const eff = lineage.effective;
    if (eff?.from) sec.append(el('p', {}, t('what_applies', str(eff.license_name ?? eff.license_id) || t('base_model_license'), str(eff.from))));
    const noteMessages = Array.isArray(lineage.note_messages) ? lineage.note_messages : [];
    (Array.isArray(lineage.notes) ? lineage.notes : []).forEach((n, i) => sec.append(el('p', { class: 'fp-muted' }, said(noteMessages[i], n))));
    if (lineage.complete === false) sec.append(el('p', { class: 'fp-muted' }, t('chain_incomplete')));
    return sec;
  }

  /** What the release discloses (report.recipe): one dot per dimension, words beside each dot. */
  function recipeSection(recipe) {
    if (!recipe || !Array.isArray(recipe.dimensions) || !recipe.dimensions.length) return null;
    // Folded: a one-line count, the dots on request (the license's clauses matter more).
    const sec = el('details', { class: 'fp-recipe', 'data-fineprint-recipe': '' });
    const shown = recipe.dimensions.filter((d) => d.status === 'disclosed').length;
    sec.append(el('summary', {}, t(recipe.disclosed ? 'recipe_summary_all' : 'recipe_summary', I18N.number(shown), I18N.number(recipe.dimensions.length))));
    const list = el('ul', { class: 'fp-dots' });
    for (const d of recipe.dimensions) {
      const glyph = DOTS[d.status] ?? '?';
      const label = I18N.has(`dimension_${str(d.id)}`) ? t(`dimension_${str(d.id)}`) : str(d.label);
      list.append(el('li', { 'data-dimension': str(d.id), 'data-status': str(d.status) },
        el('span', { class: `dot fp-dot fp-dot--${str(d.status)}`, 'aria-hidden': 'true' }, glyph),
        ` ${t('label_colon', label)}${dotWords(d.status)}${d.value && d.value !== 'none' ? t('in_parens', dimValue(d.value)) : ''}`));
    }
    sec.append(list);
    if (recipe.mof?.label) {
      const mof = `mof_class_${str(recipe.mof.class) || 'none'}`;
      sec.append(el('p', { class: 'fp-muted' }, t('mof', I18N.has(mof) ? t(mof) : str(recipe.mof.label))));
    }
    return sec;
  }

  // The five answers (report.answers, computed by the engine): question words and the look of each answer.
  // A question's words: question_<id>; an answer's word: answer_<answer> ('-' as '_').
  const QUESTION_IDS = ['commercial_use', 'modify', 'redistribute', 'train_on_outputs', 'host_as_service'];
  const question = (q) => (QUESTION_IDS.includes(q) ? t(`question_${q}`) : str(q));
  const ICONS = { allowed: '✓', 'allowed-with-conditions': '▲', 'not-allowed': '✕', 'not-addressed': '–' };
  const answerWord = (a) => (ICONS[a] ? t(`answer_${a.replace(/-/g, '_')}`) : str(a));

  /** One sentence, then the five answers as a grid: icon + word + summary, each leading to its clauses. */
  function glanceSection(report, root) {
    const answers = Array.isArray(report.answers) ? report.answers.filter((a) => a && typeof a === 'object') : [];
    if (!answers.length && !report.in_short) return null;
    const sec = el('section', { class: 'fp-glance', 'aria-label': t('at_a_glance') });
    if (report.in_short) sec.append(el('p', { class: 'fp-in-short', 'data-fineprint-in-short': '' }, said(report.in_short_message, report.in_short)));
    const grid = el('ul', { class: 'fp-grid', 'data-fineprint-answers': '' });
    for (const a of answers) {
      const icon = ICONS[a.answer] ?? '?';
      const word = answerWord(a.answer);
      const kinds = Array.isArray(a.clauses) ? a.clauses.map(str) : [];
      const li = el('li', { class: `fp-cell fp-cell--${str(a.answer).replace(/[^a-z-]/g, '')}`, 'data-question': str(a.question), 'data-answer': str(a.answer), 'data-clauses': kinds.join(' ') },
        el('span', { class: 'fp-cell-icon', 'aria-hidden': 'true' }, icon),
        el('span', { class: 'fp-cell-q' }, question(a.question)),
        el('strong', { class: 'fp-cell-word' }, word),
        el('span', { class: 'fp-cell-summary' }, said(a.message, a.summary),
          // A base model's binding terms give this answer (the model's own license says less).
          a.from_base ? el('span', { class: 'fp-cell-from', 'data-from-base': str(a.from_base) }, ` ${t('ans_from_base', str(a.from_base))}`) : ''));
      if (kinds.length) {
        const go = el('button', { type: 'button', class: 'fp-why-link' }, t('why'));
        go.setAttribute('aria-label', t('why_aria', question(a.question)));
        go.addEventListener('click', () => {
          const target = root.querySelector(`.fp-clause[data-kind="${kinds.find((k) => root.querySelector(`.fp-clause[data-kind="${k}"]`)) ?? ''}"]`);
          if (!target) return;
          target.scrollIntoView({ block: 'nearest' });
          target.focus({ preventScroll: true });
        });
        li.append(go);
      }
      grid.append(li);
    }
    sec.append(grid);
    return sec;
  }

  /** The report as Markdown (the engine's `fineprint analyze --markdown` has the same layout). */
  function toMarkdown(report, { docs = null, fileUrl = null } = {}) {
    const cell = (s) => str(s).replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
    const lic = str(report?.license?.name) || str(report?.license?.id) || t('license_not_identified');
    const out = [`### ${cell(lic)}: ${cell(said(report?.badge?.message, report?.badge?.text))}`, ''];
    if (report?.in_short) out.push(`**${cell(said(report.in_short_message, report.in_short))}**`, '');
    out.push(`| ${t('md_question')} | ${t('md_answer')} | ${t('md_in_short')} |`, '|---|---|---|');
    for (const a of Array.isArray(report?.answers) ? report.answers : []) {
      const from = a.from_base ? ` ${t('ans_from_base', str(a.from_base))}` : '';
      out.push(`| ${cell(question(a.question))} | ${cell(answerWord(a.answer))} | ${cell(said(a.message, a.summary) + from)} |`);
    }
    out.push('');
    for (const c of Array.isArray(report?.clauses) ? report.clauses : []) {
      const ev = Array.isArray(c.evidence) ? c.evidence[0] : null;
      let line = `- **${cell(said(c.message, c.summary).replace(/[.。]$/, ''))}**`;
      if (ev) {
        const q = cell(ev.quote);
        const doc = Array.isArray(docs) ? docs[Number(ev.doc ?? 0)] : null;
        const url = doc?.url ? safeUrl(doc.url) : (Number(ev.doc ?? 0) === 0 && fileUrl ? safeUrl(fileUrl) : null);
        const n = typeof doc?.text === 'string' ? lineOf(doc.text, ev.start) : null;
        const where = [str(doc?.name), n ? t('line_n', I18N.number(n)) : ''].filter(Boolean).join(t('list_separator'));
        line += `: “${q.length > 300 ? `${q.slice(0, 300)}…` : q}”`;
        if (where) line += url && n ? ` ([${where}](${url.split('#')[0]}#L${n}))` : ` (${where})`;
      }
      out.push(line);
    }
    out.push('', `_${disclaimer()}_`, '');
    return out.join('\n');
  }

  function copyButton(report, opts) {
    const b = el('button', { type: 'button', class: 'fp-copy' }, t('copy_markdown'));
    const status = el('span', { class: 'fp-small fp-muted', role: 'status' });
    b.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(toMarkdown(report, opts));
        status.textContent = t('copied');
      } catch {
        status.textContent = t('copy_refused');
      }
    });
    return el('p', { class: 'fp-copy-row' }, b, ' ', status);
  }

  /**
   * The breakdown of `report` (the contract of shared/spec/README.md).
   * opts: profile (the stored profile, or null), answer (the personal answer, or null), docs ([{name,text}]
   * as analysed, for document names), fileUrl (link to the license file), onLocate(span) (called when the
   * reader asks to see a quote or change in the text; without it no such button), onEditProfile(),
   * questions (the profile questions file) and onAnswer(question id, answer id) -> Promise<{profile,
   * answer}> (with both, the unanswered questions marked "inline" are asked in the "For you" section).
   */
  function renderBreakdown(report, opts = {}) {
    const { profile = null, answer = null, docs = null, fileUrl = null, onLocate = null, onEditProfile = null,
      questions = null, onAnswer = null } = opts ?? {};
    const root = el('article', { class: 'fp-breakdown', 'data-fineprint-breakdown': '' });
    if (!report || typeof report !== 'object') {
      root.append(el('p', { class: 'fp-warn', role: 'alert' }, t('no_report')),
        el('p', { class: 'fp-disclaimer' }, disclaimer()));
      return root;
    }
    root.dataset.license = str(report.license?.id);
    root.dataset.verdict = str(report.verdict?.class) || 'unknown';
    root.dataset.badge = str(report.badge?.class) || 'unknown';
    root.append(headerSection(report));
    // A modified text shows what changed first; then the sentence and the five answers.
    const changes = changesSection(report.license, docs, onLocate);
    if (changes) root.append(changes);
    const glance = glanceSection(report, root);
    if (glance) root.append(glance);
    const lineage = lineageSection(report.lineage);
    if (lineage) root.append(lineage);
    root.append(clausesSection(report.clauses, docs, onLocate, fileUrl));
    root.append(answerSection(answer, profile, onEditProfile, questions && onAnswer ? { questions, onAnswer } : null));
    const recipe = recipeSection(report.recipe);
    if (recipe) root.append(recipe);
    const notes = notesSection(report);
    if (notes) root.append(notes);
    const href = fileUrl ? safeUrl(fileUrl) : null;
    if (href) {
      root.append(el('p', { class: 'fp-file' }, el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, t('read_license_file'))));
    }
    root.append(copyButton(report, { docs, fileUrl }));
    root.append(el('p', { class: 'fp-disclaimer' }, disclaimer()));
    return root;
  }

  const CSS = `
.fp-breakdown{--fp-fg:#1b1f24;--fp-muted:#57606a;--fp-bg:#fff;--fp-line:#d0d7de;--fp-quote:#f6f8fa;
  --fp-red:#b42318;--fp-amber:#9a6700;--fp-green:#1a7f37;--fp-blue:#0969da;
  font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fp-fg);background:var(--fp-bg);
  max-width:100%;box-sizing:border-box;overflow-wrap:anywhere;text-align:left}
.fp-breakdown *{box-sizing:border-box}
.fp-breakdown h2{font-size:1.25em;margin:.2em 0 .3em}
.fp-breakdown h3{font-size:1.05em;margin:1em 0 .3em}
.fp-breakdown h4{font-size:1em;margin:0 0 .2em}
.fp-breakdown p{margin:.3em 0}
.fp-breakdown ul{margin:.3em 0;padding-left:1.2em}
.fp-muted{color:var(--fp-muted)}
.fp-small{font-size:.88em}
.fp-warn{color:var(--fp-red);font-weight:600}
.fp-badge{display:inline-block;margin:0;padding:.15em .6em;border-radius:999px;font-weight:600;font-size:.9em;
  border:1px solid currentColor}
.fp-badge--open-source-ai,.fp-badge--open-weights-permissive{color:var(--fp-green)}
.fp-badge--open-weights-restricted{color:var(--fp-amber)}
.fp-badge--non-commercial,.fp-badge--research-only{color:var(--fp-red)}
.fp-badge--unknown{color:var(--fp-muted)}
.fp-facts{list-style:none;padding:0!important;color:var(--fp-muted)}
.fp-verdict{border-left:4px solid var(--fp-muted);padding:.2em .6em;margin:.5em 0;background:var(--fp-quote)}
.fp-verdict[data-verdict="open"]{border-color:var(--fp-green)}
.fp-verdict[data-verdict="restricted"]{border-color:var(--fp-amber)}
.fp-verdict[data-verdict="non-commercial"],.fp-verdict[data-verdict="research-only"]{border-color:var(--fp-red)}
.fp-in-short{font-weight:600;font-size:1.05em;margin:.6em 0}
.fp-grid{list-style:none;padding:0!important;margin:.4em 0 .8em;display:grid;grid-template-columns:1fr;gap:4px}
.fp-cell{display:grid;grid-template-columns:1.4em 1fr auto auto;gap:.1em .5em;align-items:baseline;
  padding:.35em .5em;border:1px solid var(--fp-line);border-radius:6px}
.fp-cell-icon,.fp-cell-q,.fp-cell-word{grid-row:1}.fp-why-link{grid-row:1;grid-column:4}
.fp-cell-summary{grid-column:2/-1;grid-row:2}
.fp-cell-icon{font-weight:700;text-align:center}
.fp-cell--allowed .fp-cell-icon,.fp-cell--allowed .fp-cell-word{color:var(--fp-green)}
.fp-cell--allowed-with-conditions .fp-cell-icon,.fp-cell--allowed-with-conditions .fp-cell-word{color:var(--fp-amber)}
.fp-cell--not-allowed .fp-cell-icon,.fp-cell--not-allowed .fp-cell-word{color:var(--fp-red)}
.fp-cell--not-addressed .fp-cell-icon,.fp-cell--not-addressed .fp-cell-word{color:var(--fp-muted)}
.fp-why-link,.fp-copy{font:inherit;font-size:.88em;padding:.1em .5em;border:1px solid var(--fp-line);border-radius:4px;
  background:var(--fp-bg);color:var(--fp-blue);cursor:pointer;min-height:28px;min-width:32px}
.fp-quotes>summary{cursor:pointer;color:var(--fp-muted);font-size:.9em}
.fp-clause:focus{outline:2px solid var(--fp-blue);outline-offset:2px}
.fp-why>summary{cursor:pointer;color:var(--fp-muted);font-size:.9em}
.fp-answer{border:1px solid var(--fp-line);border-radius:8px;padding:.4em .8em;margin:.8em 0}
.fp-answer h3{margin-top:.2em}
.fp-outcome{font-weight:700;font-size:1.05em}
.fp-outcome--allowed{color:var(--fp-green)}
.fp-outcome--obligations{color:var(--fp-blue)}
.fp-outcome--permission{color:var(--fp-amber)}
.fp-outcome--not_allowed{color:var(--fp-red)}
.fp-answer-kind{font-weight:600}
.fp-item-outcome{font-weight:700}
.fp-answer-items li[data-blocker]{font-weight:600}
.fp-inline-questions fieldset{border:1px solid var(--fp-line);border-radius:6px;margin:.4em 0;padding:.3em .6em}
.fp-inline-questions legend{font-weight:600;padding:0 .2em}
.fp-inline-questions label{display:inline-flex;align-items:center;gap:.3em;margin:.15em .9em .15em 0;min-height:32px;cursor:pointer}
.fp-inline-questions input{width:18px;height:18px;margin:0}
.fp-answer-must{font-weight:600;margin-top:.5em}
.fp-group{border-top:1px solid var(--fp-line);padding-top:.2em}
.fp-group-title{display:flex;gap:.3em;align-items:baseline}
.fp-group--cant .fp-group-title{color:var(--fp-red)}
.fp-group--only_if .fp-group-title{color:var(--fp-amber)}
.fp-group--must .fp-group-title{color:var(--fp-blue)}
.fp-count{color:var(--fp-muted);font-weight:400}
.fp-clause-list{list-style:none;padding:0!important}
.fp-clause{margin:.6em 0;padding:.1em 0 .1em .7em;border-left:3px solid var(--fp-line)}
.fp-sev--blocker{border-left-color:var(--fp-red)}
.fp-sev--caution{border-left-color:var(--fp-amber)}
.fp-evidence{margin:.3em 0}
.fp-quote{margin:0;padding:.4em .6em;background:var(--fp-quote);border-radius:4px;font-family:ui-serif,Georgia,serif;
  white-space:pre-wrap;max-height:14em;overflow:auto}
.fp-quote::before{content:"“"}.fp-quote::after{content:"”"}
.fp-evidence figcaption{color:var(--fp-muted);margin-top:.15em}
.fp-locate,.fp-edit-profile{font:inherit;font-size:.9em;padding:.1em .5em;border:1px solid var(--fp-line);border-radius:4px;
  background:var(--fp-bg);color:var(--fp-blue);cursor:pointer;min-height:28px}
.fp-locate:focus-visible,.fp-edit-profile:focus-visible,.fp-breakdown a:focus-visible{outline:2px solid var(--fp-blue);outline-offset:2px}
.fp-change-list{padding-left:1.2em}
.fp-change{margin:.3em 0}
.fp-change-kind{font-weight:600}
.fp-change del{background:#ffebe9;text-decoration:line-through}
.fp-change ins{background:#dafbe1;text-decoration:none}
.fp-disclaimer{margin-top:1em;padding-top:.5em;border-top:1px solid var(--fp-line);color:var(--fp-muted);font-size:.88em}
.fp-file a{color:var(--fp-blue)}
.fp-chain,.fp-dots{margin:.3em 0;padding-left:0!important;list-style:none}
.fp-chain li,.fp-dots li{margin:.15em 0}
.fp-mono{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em}
.fp-dot{display:inline-block;width:1.1em;text-align:center}
.fp-recipe{margin:.6em 0}.fp-recipe summary{cursor:pointer;font-weight:600}
@media (prefers-color-scheme: dark){.fp-breakdown{--fp-fg:#e6edf3;--fp-muted:#9198a1;--fp-bg:#0d1117;--fp-line:#3d444d;
  --fp-quote:#161b22;--fp-red:#ff7b72;--fp-amber:#d29922;--fp-green:#3fb950;--fp-blue:#4493f8}
  .fp-change del{background:#67060c}.fp-change ins{background:#033a16}}
`;

  /**
   * Give `root` (a ShadowRoot or a Document) the breakdown's styles. A constructed style sheet is not
   * an inline style, so a page whose CSP forbids inline styles (the checker's own, many hubs') keeps
   * it; where constructed sheets are missing, a <style> element is the fallback.
   */
  let sheet = null;
  function attachStyles(root) {
    try {
      sheet ??= new CSSStyleSheet();
      if (!sheet.cssRules.length) sheet.replaceSync(CSS);
      if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } catch {
      const style = document.createElement('style');
      style.textContent = CSS;
      (root.head ?? root).append(style);
    }
  }

  globalThis.FinePrintUI = Object.freeze({
    renderBreakdown, CSS, attachStyles, utf8Index, groupOf, formatValue,
    toMarkdown,
    GROUPS: Object.freeze(GROUPS.map((g) => Object.freeze({ ...g }))),
    GROUP_OF_KIND: Object.freeze({ ...GROUP_OF_KIND }),
    KINDS: Object.freeze(Object.fromEntries(Object.entries(KINDS).map(([k, [label, why, severity]]) => [k, Object.freeze({ label, why, severity })]))),
  });
})();
