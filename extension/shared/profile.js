// The user's profile (shared/spec/profile.md): read, validated and written in storage.sync.
// A classic script used by the options page and popup (<script src>) and the worker (side-effect import).
// The questions themselves are data: extension/shared/profile-questions.json.
(() => {
  const KEY = 'fp:profile';
  const NOT_SURE = 'not_sure';
  let questionsPromise = null;

  /** The questions file, fetched once per page or worker life. */
  function loadQuestions() {
    questionsPromise ??= fetch(chrome.runtime.getURL('extension/shared/profile-questions.json'))
      .then((r) => r.json())
      .catch((err) => { questionsPromise = null; throw err; });
    return questionsPromise;
  }

  /**
   * Keep only known questions and answers. Single-choice answers are strings, multiple-choice answers
   * arrays; anything unknown or missing becomes "not_sure" (the riskier answer, per profile.md).
   * `answered` counts the questions the user actually answered.
   */
  function normalize(raw, questions) {
    const given = { ...(raw && typeof raw === 'object' ? (raw.answers ?? raw) : {}) };
    // A question asked no more ("hidden": one that is now asked as several) still counts when stored:
    // its answer fills each question that took its place and is not answered yet.
    for (const old of questions.questions.filter((q) => q.hidden)) {
      const v = given[old.id];
      if (typeof v !== 'string' || v === NOT_SURE || !old.answers.some((a) => a.id === v)) continue;
      for (const q of questions.questions) {
        if (q.hidden || q.multiple || !q.decides.every((k) => old.decides.includes(k))) continue;
        if ((given[q.id] === undefined || given[q.id] === NOT_SURE) && q.answers.some((a) => a.id === v)) given[q.id] = v;
      }
    }
    const answers = {};
    let answered = 0;
    for (const q of questions.questions) {
      const ok = new Set(q.answers.map((a) => a.id).concat(NOT_SURE));
      const v = given[q.id];
      let yes;
      if (q.multiple) {
        const list = (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []).filter((x) => ok.has(x));
        answers[q.id] = list.length ? [...new Set(list)] : [NOT_SURE];
        yes = list.length > 0 && !list.includes(NOT_SURE);
      } else {
        answers[q.id] = ok.has(v) ? v : NOT_SURE;
        yes = ok.has(v) && v !== NOT_SURE;
      }
      if (yes && !q.hidden) answered++;
    }
    return { version: questions.version, answers, answered };
  }

  /** The questions a person is asked (a "hidden" one is kept only to read stored answers and policies). */
  function shown(questions) {
    return questions.questions.filter((q) => !q.hidden);
  }

  /**
   * The profile in the shape of the core's Profile (crate/src/profile.rs), for the WASM personalAnswer:
   * each question's "engine" field, each answer's "engine" spelling (else its id); a list for
   * multiple-choice questions and those marked "list"; "not sure" stays "not_sure" (the riskier answer).
   */
  function toEngine(profile, questions) {
    const answers = profile?.answers ?? {};
    const out = {};
    for (const q of questions.questions) {
      if (!q.engine) continue;
      const spell = (v) => q.answers.find((a) => a.id === v)?.engine ?? v;
      const v = answers[q.id] ?? NOT_SURE;
      // The core takes lists for some single-choice questions (distribution, regions): "list" says so.
      out[q.engine] = q.multiple || q.list ? [].concat(v).map(spell) : spell(Array.isArray(v) ? v[0] : v);
    }
    return out;
  }

  async function read() {
    const questions = await loadQuestions();
    let raw;
    try {
      raw = (await chrome.storage.sync.get(KEY))[KEY];
    } catch {
      raw = undefined; // storage unavailable: every answer is "not sure"
    }
    return normalize(raw, questions);
  }

  async function write(profile) {
    const questions = await loadQuestions();
    const clean = normalize(profile, questions);
    await chrome.storage.sync.set({ [KEY]: { version: clean.version, answers: clean.answers } });
    return clean;
  }

  /** The stored profile already in the core's shape (see toEngine). */
  async function readForEngine() {
    return toEngine(await read(), await loadQuestions());
  }

  globalThis.FinePrintProfile ??= Object.freeze({ KEY, NOT_SURE, loadQuestions, normalize, shown, toEngine, read, readForEngine, write });
})();
