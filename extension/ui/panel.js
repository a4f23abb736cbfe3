// The panel a badge opens (a classic content script; defines FinePrintPanel). It is the shell only:
// placement under the badge, open/close, focus in, Escape closes and gives focus back, ARIA roles,
// dark or light like the page. The clause breakdown inside it is FinePrintUI.renderBreakdown
// (extension/ui/breakdown.js, shared with the checker page); the panel never renders clauses itself.
// Contract: the panel's host element carries data-fineprint-panel and sits right after the badge in the
// page (so Tab from the badge enters it). Its content lives in a CLOSED shadow root: page scripts see
// the empty host, never the personal answer inside. Only a trusted click opens it (ui/badge.js), and
// only for a badge this extension made. Text is only set as text.
(() => {
  if (globalThis.FinePrintPanel) return;
  const MSG = globalThis.FinePrintMsg ?? {};
  // Every word comes from the message files (extension/shared/i18n.js); a match kind's words: panel_match_<kind>.
  const I18N = globalThis.FinePrintI18n;
  const t = (key, ...args) => I18N.t(key, ...args);
  const MATCHES = ['exact', 'equivalent', 'modified', 'partial', 'declared', 'unknown'];

  const STYLE = `
    :host { --fg: #111827; --bg: #ffffff; --muted: #4b5563; --line: #e5e7eb; --link: #1d4ed8;
            --accent: #f3f4f6; }
    :host([data-theme="dark"]) { --fg: #f3f4f6; --bg: #0b0f19; --muted: #9ca3af; --line: #374151;
            --link: #93c5fd; --accent: #1f2937; }
    [role="dialog"] { box-sizing: border-box; width: min(32rem, calc(100vw - 16px)); max-height: min(75vh, 48rem);
            overflow: auto; background: var(--bg); color: var(--fg); border: 1px solid var(--line);
            border-radius: 10px; box-shadow: 0 12px 32px rgba(0,0,0,.25); padding: 14px 16px;
            font: 400 13px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; text-align: left; }
    [role="dialog"]:focus { outline: none; }
    .head { display: flex; align-items: flex-start; gap: 8px; }
    h2 { font-size: 15px; margin: 0; flex: 1; line-height: 1.35; }
    .close { all: unset; box-sizing: border-box; cursor: pointer; font-size: 20px; line-height: 1; min-width: 32px; min-height: 32px;
             display: inline-flex; align-items: center; justify-content: center; border-radius: 6px; color: var(--muted); }
    .close:hover, .close:focus-visible { background: var(--accent); color: var(--fg); outline: 2px solid #2563eb; }
    .kv { margin: 8px 0; display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; }
    .kv dt { color: var(--muted); }
    .kv dd { margin: 0; }
    .notes { margin: 8px 0; padding-left: 18px; color: var(--muted); }
    a { color: var(--link); }
    .breakdown { margin-top: 10px; border-top: 1px solid var(--line); padding-top: 10px; }
    .breakdown .fp-breakdown { font-size: 13px; }
    h3 { font-size: 13px; margin: 10px 0 4px; }
    /* the relabel warning of the breakdown's ancestry */
    .warn { margin: 4px 0; padding: 6px 8px; border-radius: 6px; background: var(--accent); font-weight: 600; }
    /* The breakdown picks its colours from prefers-color-scheme; here the page's theme decides. */
    :host([data-theme="light"]) .fp-breakdown { --fp-fg:#1b1f24; --fp-muted:#57606a; --fp-bg:#fff; --fp-line:#d0d7de;
      --fp-quote:#f6f8fa; --fp-red:#b42318; --fp-amber:#9a6700; --fp-green:#1a7f37; --fp-blue:#0969da; }
    :host([data-theme="dark"]) .fp-breakdown { --fp-fg:#e6edf3; --fp-muted:#9198a1; --fp-bg:#0b0f19; --fp-line:#3d444d;
      --fp-quote:#161b22; --fp-red:#ff7b72; --fp-amber:#d29922; --fp-green:#3fb950; --fp-blue:#4493f8; }
    .help p { margin: 6px 0; }
    .help ol, .help ul { margin: 4px 0; padding-left: 20px; }
    .retry { font: inherit; font-weight: 600; color: var(--fg); background: var(--accent); border: 1px solid var(--line);
             border-radius: 6px; padding: 6px 14px; min-height: 32px; cursor: pointer; }
    .retry:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
    .disclaimer { margin-top: 12px; font-size: 12px; color: var(--muted); border-top: 1px solid var(--line); padding-top: 8px; }
  `;

  const open = new Map(); // badge host -> panel host
  const roots = new WeakMap(); // panel host -> its closed shadow root (only this script holds it)

  function el(tag, props = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'text') e.textContent = v;
      else if (k === 'class') e.className = v;
      else e.setAttribute(k, v);
    }
    e.append(...children.filter((c) => c != null));
    return e;
  }

  // The runtime's bounded send (content/runtime.js: an answer or a timeout, never a hang), else a plain one.
  function send(msg) {
    if (typeof globalThis.FinePrint?.send === 'function') return globalThis.FinePrint.send(msg).then((r) => (r?.ok === false && r.reason ? null : r));
    return chrome.runtime.sendMessage(msg).catch(() => null);
  }

  function badgeButton(badge) {
    return badge.shadowRoot?.querySelector('button') ?? null;
  }

  /** Position the panel under the badge, inside the viewport. */
  function position(panel, badge) {
    const r = badge.getBoundingClientRect();
    const box = roots.get(panel)?.querySelector('[role="dialog"]');
    const width = box?.offsetWidth || 360;
    const fixed = getComputedStyle(badge).position === 'fixed';
    const left = Math.max(8, Math.min(r.left, innerWidth - width - 8));
    // The host sits in the page's flow right after the badge, so it is placed against the viewport
    // (whatever the badge's ancestors' positioning), and follows the badge when the page scrolls.
    panel.style.position = 'fixed';
    panel.style.left = `${left}px`;
    if (fixed) {
      // A badge in the fallback corner: open upwards.
      panel.style.top = '';
      panel.style.bottom = `${Math.max(8, innerHeight - r.top + 6)}px`;
    } else {
      panel.style.bottom = '';
      panel.style.top = `${Math.max(8, r.bottom + 6)}px`;
    }
  }

  /** What the page gave: which documents were read and the declared license. */
  function hubFacts(result, details, full) {
    const r = result?.report;
    const dl = el('dl', { class: 'kv' });
    const row = (k, v) => v && dl.append(el('dt', { text: k }), el('dd', { text: v }));
    if (result?.ok && r) {
      if (full) {
        // Without the breakdown: the essentials it would have shown.
        row(t('panel_badge'), I18N.render(r.badge?.message) || r.badge?.text);
        row(t('panel_license'), r.license?.name ?? r.license?.id ?? t('panel_not_identified'));
        row(t('panel_how_sure'), MATCHES.includes(r.license?.match) ? t(`panel_match_${r.license.match}`) : r.license?.match);
        const cls = r.verdict?.class ? t(`verdict_class_${String(r.verdict.class).replace(/-/g, '_')}`) : '';
        const label = I18N.render(r.verdict?.message) || r.verdict?.label;
        row(t('panel_verdict'), label ? t('panel_verdict_value', label, cls) : cls);
      }
      row(t('panel_read'), (details.docs ?? []).map((d) => d.name).join(t('list_separator')) || t('panel_no_text'));
      const id = r.license?.id?.toLowerCase();
      if (details.declared && details.declared.toLowerCase() !== id) row(t('panel_declared'), details.declared);
    } else {
      const reasons = globalThis.FinePrintBadge?.REASONS ?? {};
      row(t('panel_status'), t('panel_not_read', reasons[result?.reason] ?? t('reason_unknown')));
      row(t('panel_declared'), details.declared);
    }
    return dl;
  }

  function fileLink(details) {
    if (!details.fileUrl) return null;
    let href;
    try {
      href = new URL(details.fileUrl, location.href);
    } catch {
      return null;
    }
    if (href.protocol !== 'https:' && href.protocol !== 'http:') return null;
    const a = el('a', { href: href.href, target: '_blank', rel: 'noopener noreferrer', text: t('read_license_file') });
    return el('p', {}, a);
  }

  const HF = 'https://huggingface.co';
  const paste = () => t('panel_paste');

  /** The model's page on Hugging Face, from what the page gave (details.repo) or the address. */
  function hfModelUrl(details) {
    const repo = details.repo;
    if (repo?.id && /^[\w.-]+\/[\w.-]+$/.test(repo.id)) return `${HF}/${repo.type === 'dataset' ? 'datasets/' : ''}${repo.id}`;
    return null;
  }

  /**
   * What the reader can do about an error, by reason: gated, a link to sign in and one to the
   * model's access form, and the checker; network, try again; not found, what was looked for.
   */
  function errorHelp(result, details) {
    const box = el('div', { class: 'help', 'data-fineprint-help': result?.reason ?? 'unreadable' });
    const page = hfModelUrl(details) ?? (location.hostname.endsWith('huggingface.co') ? location.href.split('#')[0] : null);
    const link = (href, text) => el('a', { href, target: '_blank', rel: 'noopener noreferrer', text });
    if (result?.reason === 'gated') {
      box.append(el('p', { text: t('gated_intro') }));
      const steps = el('ol');
      if (page && page.startsWith(HF)) {
        steps.append(
          el('li', {}, link(`${HF}/login?next=${encodeURIComponent(new URL(page).pathname)}`, t('gated_sign_in')), t('gated_sign_in_after')),
          el('li', {}, link(page, t('gated_open_form')), t('gated_open_form_after')),
        );
      } else {
        steps.append(el('li', { text: t('gated_elsewhere') }));
      }
      box.append(steps, el('p', { text: paste() }));
    } else if (result?.reason === 'network') {
      const retry = el('button', { type: 'button', class: 'retry', text: t('try_again') });
      retry.addEventListener('click', () => location.reload());
      box.append(el('p', { text: t('network_intro') }), el('p', {}, retry), el('p', { text: paste() }));
    } else if (result?.reason === 'timeout') {
      // The worker did not answer within the page's bound: nothing was read meanwhile, nothing is
      // claimed. Try again runs the page's reading once more, without reloading the page.
      const retry = el('button', { type: 'button', class: 'retry', text: t('try_again') });
      retry.addEventListener('click', (e) => {
        if (!e.isTrusted) return;
        if (globalThis.FinePrint?.retry) globalThis.FinePrint.retry();
        else location.reload();
      });
      box.append(el('p', { text: t('timeout_intro') }), el('p', {}, retry), el('p', { text: paste() }));
    } else if (result?.reason === 'not-found') {
      const tried = el('ul');
      tried.append(
        el('li', { text: details.declared ? t('tried_declared', details.declared) : t('tried_declared_none') }),
        el('li', { text: (details.docs ?? []).length ? t('tried_files_unreadable') : t('tried_files_none') }),
      );
      box.append(el('p', { text: t('tried_intro') }), tried, el('p', { text: t('no_terms', paste()) }));
    } else {
      box.append(el('p', { text: paste() }));
    }
    return box;
  }

  function openOptions() {
    send({ type: MSG.OPEN_OPTIONS });
  }

  /** One answer to a question the panel asks inline: stored by the worker, which answers with the new personal answer. */
  async function answerInline(report, question, answer) {
    const res = await send({ type: MSG.PROFILE_ANSWER, question, answer, report });
    return res?.ok ? { profile: res.profile ?? null, answer: res.answer ?? null } : null;
  }

  function breakdown(result, details, profile, answer, questions) {
    try {
      const node = globalThis.FinePrintUI.renderBreakdown(result.report, {
        profile, answer, docs: details.docs ?? [], fileUrl: details.fileUrl ?? null, onEditProfile: openOptions,
        questions, onAnswer: questions ? (q, a) => answerInline(result.report, q, a) : null,
      });
      return node instanceof Node ? el('div', { class: 'breakdown' }, node) : null;
    } catch (err) {
      globalThis.FinePrint?.logOnce('breakdown', err);
      return null;
    }
  }

  async function show(badge) {
    if (globalThis.FinePrintBadge?.isOwn && !globalThis.FinePrintBadge.isOwn(badge)) return; // a planted look-alike
    listen();
    const data = globalThis.FinePrintBadge?.data(badge) ?? {};
    const { result, details = {} } = data;
    const host = el('div', { 'data-fineprint-panel': '' });
    host.style.cssText = 'all: initial; position: absolute; z-index: 2147483647;';
    host.setAttribute('data-theme', globalThis.FinePrintBadge?.pageTheme() ?? 'light');
    const root = host.attachShadow({ mode: 'closed' });
    roots.set(host, root);
    const titleId = 'fp-panel-title';
    const dialog = el('section', { role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': titleId, tabindex: '-1' });
    const close = el('button', { type: 'button', class: 'close', 'aria-label': t('close'), text: '×' });
    close.addEventListener('click', () => hide(badge, true));
    // The badge's words are on the badge and atop the breakdown: the title does not say them a third time.
    const title = result?.ok ? t('panel_title') : t('panel_title_not_read');
    dialog.append(el('div', { class: 'head' }, el('h2', { id: titleId, text: title }), close));
    root.append(el('style', { text: STYLE }), dialog);

    let profile = null;
    let questions = null;
    let answer = result?.answer ?? null;
    if (result?.ok) {
      const [p, a] = await Promise.all([send({ type: MSG.PROFILE_GET }), send({ type: MSG.ANSWER, report: result.report })]);
      profile = p?.profile ?? null;
      questions = p?.questions && typeof p.questions === 'object' ? p.questions : null;
      answer = a?.answer ?? answer;
    }
    const notes = (details.notes ?? []).length ? el('ul', { class: 'notes' }, ...details.notes.map((n) => el('li', { text: typeof n === 'object' && n ? I18N.render(n) : n }))) : null;
    const rendered = result?.ok && typeof globalThis.FinePrintUI?.renderBreakdown === 'function'
      ? breakdown(result, details, profile, answer, questions) : null;
    if (rendered) globalThis.FinePrintUI.attachStyles?.(root);
    const parts = rendered
      ? [hubFacts(result, details, false), notes, rendered] // the breakdown shows the ancestry and the recipe
      : [hubFacts(result, details, true), notes, result?.ok ? null : errorHelp(result, details), fileLink(details), el('p', { class: 'disclaimer', text: t('disclaimer') })];
    dialog.append(...parts.filter(Boolean));
    if (!badge.isConnected || open.has(badge)) return;
    // Right after the badge in the page: Tab from the badge enters the panel.
    badge.insertAdjacentElement('afterend', host);
    trapFocus(dialog, root, badge);
    open.set(badge, host);
    position(host, badge);
    badgeButton(badge)?.setAttribute('aria-expanded', 'true');
    dialog.focus();
  }

  /** Tab and Shift+Tab cycle inside the open panel; Escape closes it and gives the focus back to the badge. */
  function trapFocus(dialog, root, badge) {
    dialog.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape') {
        ev.stopPropagation();
        hide(badge, true);
        return;
      }
      if (ev.key !== 'Tab') return;
      const items = [...dialog.querySelectorAll('a[href], button, summary, [tabindex="0"], input, select, textarea')]
        .filter((e) => !e.disabled && e.getClientRects().length);
      if (!items.length) return;
      const first = items[0];
      const last = items[items.length - 1];
      const active = root.activeElement;
      if (ev.shiftKey && (active === first || active === dialog)) {
        ev.preventDefault();
        last.focus();
      } else if (!ev.shiftKey && active === last) {
        ev.preventDefault();
        first.focus();
      }
    });
  }

  function hide(badge, refocus = false) {
    const host = open.get(badge);
    if (!host) return;
    open.delete(badge);
    host.remove();
    const btn = badgeButton(badge);
    btn?.setAttribute('aria-expanded', 'false');
    if (refocus) btn?.focus();
  }

  function toggle(badge) {
    if (open.has(badge)) hide(badge, true);
    else show(badge).catch((err) => globalThis.FinePrint?.logOnce('panel', err));
  }

  // Escape anywhere closes; a click outside the panel and its badge closes. The page gets these
  // listeners only once a panel has been opened (adding them costs the page's main thread at load).
  let listening = false;
  function listen() {
    if (listening) return;
    listening = true;
    document.addEventListener('keydown', (ev) => {
      if (ev.key !== 'Escape' || !open.size) return;
      for (const b of [...open.keys()]) hide(b, true);
    }, true);
    document.addEventListener('pointerdown', (ev) => {
      if (!open.size) return;
      const path = ev.composedPath();
      for (const [b, host] of [...open]) if (!path.includes(host) && !path.includes(b)) hide(b, false);
    }, true);
    const follow = () => {
      for (const [b, host] of open) position(host, b);
    };
    addEventListener('resize', follow);
    addEventListener('scroll', follow, { capture: true, passive: true });
  }

  // rootOf: the closed root of a panel this script made, for this content script's world only (the
  // tests read the panel through it; a page script cannot reach this object).
  globalThis.FinePrintPanel = Object.freeze({ toggle, open: show, close: hide, isOpen: (b) => open.has(b), rootOf: (host) => roots.get(host) ?? null });
})();
