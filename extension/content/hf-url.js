// Hugging Face URLs: which repository a page shows, and the stem of its report's cache key. A classic
// script loaded at document_start with content/wake.js (which tells the worker whether the page's
// repository has a cached report) and read by sites/huggingface.js at document_end: both run in the
// extension's one isolated world, so this global reaches both.
(() => {
  if (globalThis.FinePrintHF) return;
  // First path segments that are site sections, not owners.
  const RESERVED = new Set(['models', 'datasets', 'spaces', 'docs', 'api', 'settings', 'login', 'join',
    'pricing', 'blog', 'papers', 'organizations', 'collections', 'posts', 'learn', 'tasks', 'chat',
    'enterprise', 'notifications', 'new', 'search', 'terms-of-service', 'privacy', 'front', 'oauth',
    'inference-endpoints', 'changelog', 'welcome', 'huggingchat', 'mcp', 'storage', 'billing']);

  /** {type, id, prefix, view, rev} from a URL, or null when it is not a repository page. */
  function parseUrl(url) {
    if (url.hostname !== 'huggingface.co') return null;
    const parts = url.pathname.split('/').filter(Boolean).map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
    let type = 'model';
    if (parts[0] === 'datasets' || parts[0] === 'spaces') type = parts.shift().slice(0, -1);
    else if (RESERVED.has(parts[0])) return null;
    if (parts.length < 2 || RESERVED.has(parts[0]) && type === 'model') return null;
    const id = `${parts[0]}/${parts[1]}`;
    const view = parts[2] ?? 'card';
    const rev = ['tree', 'blob', 'resolve', 'raw', 'commits', 'blame', 'edit'].includes(view) && parts[3] ? parts[3] : 'main';
    const prefix = type === 'model' ? '' : `/${type}s`;
    return { type, id, prefix, view, rev };
  }

  /** Cache keys of a repository's reports start with this (the revision's last commit time follows). */
  const cacheKeyStem = (page) => `hf:${page.type}:${page.id}@${page.rev}#`;

  globalThis.FinePrintHF = Object.freeze({ parseUrl, cacheKeyStem });
})();
