// The one message vocabulary between the content scripts, the extension pages and the service worker.
// A classic script (content scripts cannot be modules); the worker imports it for its side effect.
// Typed by direction, as in Dark Reader's message.ts: CS = content script, UI = an extension page
// (popup, options, the checker opened from the popup), BG = the worker. The worker answers a message
// only from the side its entry allows (CONTENT, EXTENSION below), as uBlock Origin splits its
// unprivileged and privileged listeners: a content script cannot read another tab's result or change
// the profile, and it never names a cache key (the worker derives it from the sender's tab).
(() => {
  globalThis.FinePrintMsg ??= Object.freeze({
    // CS→BG {docs: [{name, text}], opts: {hf_license?, license_name?, hf_metadata?, model_card?}, lastModified?, meta?}
    //   -> {ok, report} | {ok: false, error, reason}
    // On a Hugging Face repository page, the report is cached for the repository the sender's tab
    // shows (its URL) at the revision `lastModified` names (the hub metadata's lastModified or sha).
    ANALYZE: 'fp:analyze',
    // CS→BG {repo, lastModified?} -> the ANALYZE answer plus {details}: a public Hugging Face
    // repository, whose files the worker reads itself (sites/hf-read.js), for the page the message
    // comes from; a report cached for that repository and revision is answered at once ({cached: true}).
    HF_READ: 'fp:hf-read',
    // CS→BG {lastModified?} -> {ok, report, meta?} when the sender's repository is cached, {ok: false} when not.
    CACHED: 'fp:cached',
    // CS→BG {} -> {ok}: sent as a Hugging Face page starts loading, so the worker starts meanwhile;
    // no cached report for the sender's repository: the engine warms up.
    WAKE: 'fp:wake',
    // CS→BG {summary: {state, license, verdict, text, reason?}} -> {ok}: the sender's own tab; the popup reads it.
    TAB_RESULT: 'fp:tab-result',
    // CS→BG {url} -> {ok, status, text} | {ok: false, status, error}: a fetch from the sender hub's own hosts.
    HUB_FETCH: 'fp:hub-fetch',
    // CS→BG {name} -> {ok, data} | {ok: false, error}: a packaged data file for adapters.
    HUB_DATA: 'fp:hub-data',
    // UI→BG {tabId} -> {ok, summary|null}
    GET_TAB_RESULT: 'fp:get-tab-result',
    // UI/CS→BG {} -> {ok, profile}; UI→BG {profile} -> {ok} (PROFILE_SET validates and stores in storage.sync)
    PROFILE_GET: 'fp:profile-get',
    PROFILE_SET: 'fp:profile-set',
    // UI/CS→BG {report} -> {ok, answer|null}: the personal answer for the stored profile.
    ANSWER: 'fp:answer',
    // UI/CS→BG {question, answer, report} -> {ok, profile, answer|null}: one answer to a question the panel
    // asks inline (marked "inline" in profile-questions.json; no other), stored, and the personal answer
    // for the report with it.
    PROFILE_ANSWER: 'fp:profile-answer',
    // UI/CS→BG {} -> {ok}: open the options page (a page cannot link to it).
    OPEN_OPTIONS: 'fp:open-options',
    // UI→BG {} -> {ok, stats: {compileMs, initMs, warmMs, analyses: [ms]}}: this worker life's engine timings (for the bench)
    STATS: 'fp:stats',
    // UI→BG {} -> {ok, version}
    VERSION: 'fp:version',
    // Not a message: the storage.session key prefix of a tab's result (+ tab id), which the worker
    // writes and an open popup watches.
    TAB_KEY: 'fp:tab:',
  });
  const M = globalThis.FinePrintMsg;
  // Who may send what. CONTENT: the extension's own content scripts, in the top frame of a tab on a
  // supported hub (unprivileged). EXTENSION: the extension's own pages (privileged). PROFILE_GET,
  // ANSWER and PROFILE_ANSWER are in both while the panel that shows the personal answer runs as a
  // content script (in a closed shadow root); a content script can set only the inline questions, one
  // answer at a time, and never the whole profile (PROFILE_SET).
  globalThis.FinePrintMsgAccess ??= Object.freeze({
    CONTENT: Object.freeze([M.ANALYZE, M.HF_READ, M.CACHED, M.WAKE, M.TAB_RESULT, M.HUB_FETCH, M.HUB_DATA,
      M.PROFILE_GET, M.ANSWER, M.PROFILE_ANSWER, M.OPEN_OPTIONS]),
    EXTENSION: Object.freeze([M.GET_TAB_RESULT, M.PROFILE_GET, M.PROFILE_SET, M.ANSWER, M.PROFILE_ANSWER, M.OPEN_OPTIONS, M.STATS, M.VERSION]),
  });
})();
