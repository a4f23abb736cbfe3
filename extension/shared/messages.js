// Message names between the content scripts, the popup, the options page and the service worker.
// A classic script (content scripts cannot be modules); the worker imports it for its side effect.
// Typed by direction, as in Dark Reader's message.ts: CS = content script, UI = popup/options, BG = worker.
(() => {
  globalThis.FinePrintMsg ??= Object.freeze({
    // CS→BG {docs: [{name, text}], opts: {hf_license?}, key?} -> {ok, report} | {ok: false, error}
    // With a key, the report is cached in storage.session under it (repository + revision).
    ANALYZE: 'fp:analyze',
    // CS→BG {repo, key} -> the ANALYZE answer plus {details}: a public Hugging Face repository, whose
    // files the worker reads itself (sites/hf-read.js), for the page the message comes from; a report
    // cached under key is answered as CACHED would ({cached: true}).
    HF_READ: 'fp:hf-read',
    // CS→BG {key} -> {ok, report, meta?} when cached, {ok: false} when not.
    CACHED: 'fp:cached',
    // CS→BG {stem} -> {ok}: sent as a Hugging Face page starts loading, so the worker starts meanwhile;
    // stem is the repository's cache-key stem (content/hf-url.js): no cached report, the engine warms up.
    WAKE: 'fp:wake',
    // CS→BG {summary: {url, state, license, verdict, text, reason?}} -> {ok}; the popup reads it.
    TAB_RESULT: 'fp:tab-result',
    // UI→BG {tabId} -> {ok, summary|null}
    GET_TAB_RESULT: 'fp:get-tab-result',
    // UI/CS→BG {} -> {ok, profile}; UI→BG {profile} -> {ok} (PROFILE_SET validates and stores in storage.sync)
    PROFILE_GET: 'fp:profile-get',
    PROFILE_SET: 'fp:profile-set',
    // CS→BG {report} -> {ok, answer|null}: the personal answer for the stored profile.
    ANSWER: 'fp:answer',
    // CS→BG {} -> {ok}: open the options page (a page cannot link to it).
    OPEN_OPTIONS: 'fp:open-options',
    // UI→BG {} -> {ok, stats: {initMs, analyses: [ms]}}: this worker life's engine timings (for the bench)
    STATS: 'fp:stats',
    // UI→BG {} -> {ok, version}
    VERSION: 'fp:version',
    // Not a message: the storage.session key prefix of a tab's result (+ tab id), which the worker
    // writes and an open popup watches.
    TAB_KEY: 'fp:tab:',
  });
})();
