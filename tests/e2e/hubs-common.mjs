// Shared by the hubs-*.test.mjs browser tests: the engine's own answer for a set of documents (so a
// badge can be compared with what the shipped WASM says, before and after identification lands),
// page checks, and a last route that answers 404 for a hub's hosts instead of aborting.
import { loadEngine } from '../node/engine.mjs';
import { launch, settledBadge } from './harness.mjs';

let engine = null;
export async function expectedFor(docs, opts = {}) {
  engine ??= await loadEngine();
  const r = engine.analyze(docs, opts);
  return { license: r.license?.id ?? '', verdict: r.badge?.class ?? 'unknown', report: r };
}

export function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** A final route: any other URL on these hosts answers 404 (the harness aborts unknown hosts). */
export function notFoundOn(hosts) {
  return [
    new RegExp(`^https://(${hosts.map((h) => h.replace(/\./g, '\\.')).join('|')})/`),
    () => ({ status: 404, body: 'Not found', contentType: 'text/plain' }),
  ];
}

/**
 * Launch with `routes` (and a 404 for anything else on `hosts`), open `url`; with `settle`, wait for
 * the badge to settle. {b: the browser, p: the page, badge: settled attributes or null}.
 */
export async function openHubPage(url, routes, hosts, { settle = true } = {}) {
  const b = await launch({ routes: [...routes, notFoundOn(hosts)] });
  try {
    const p = await b.context.newPage();
    await p.goto(url);
    return { b, p, badge: settle ? await settledBadge(p) : null };
  } catch (err) {
    await b.close();
    throw err;
  }
}

/** Where the badge is, and what it says, as plain data. */
export async function badgeInfo(page) {
  return page.evaluate(() => {
    const b = document.querySelector('[data-fineprint-badge]');
    if (!b) return null;
    return {
      anchor: b.getAttribute('data-placement'),
      hub: b.getAttribute('data-fineprint-hub'),
      parentAttrs: b.parentElement ? [...b.parentElement.attributes].map((a) => a.name) : [],
      warning: b.shadowRoot?.querySelector('.fp-hub-warning')?.textContent ?? '',
      attrs: Object.fromEntries([...b.attributes].map((a) => [a.name, a.value])),
      fixed: getComputedStyle(b).position === 'fixed',
    };
  });
}
