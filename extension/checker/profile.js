// The reader's profile on this page: the questions, the form, where answers are kept, and the personal answer from them.
import { ui, state } from './page.js';
import { engine } from './engine.js';

const PROFILE_KEY = 'fp:profile';
const t = (key, ...args) => globalThis.FinePrintI18n.t(key, ...args);

// Stored where the extension keeps it (chrome.storage.sync under the same key) when this page is an
// extension page; in localStorage on a static host. Never sent anywhere.
const profileStore = globalThis.chrome?.storage?.sync
  ? {
    async get() { try { return (await chrome.storage.sync.get(PROFILE_KEY))[PROFILE_KEY]; } catch { return undefined; } },
    async set(v) { await chrome.storage.sync.set({ [PROFILE_KEY]: v }); },
  }
  : {
    async get() { try { return JSON.parse(localStorage.getItem(PROFILE_KEY) ?? 'null') ?? undefined; } catch { return undefined; } },
    async set(v) { try { localStorage.setItem(PROFILE_KEY, JSON.stringify(v)); } catch { /* storage off: kept for this visit */ } },
  };

export async function loadProfile() {
  try {
    const res = await fetch(new URL('../shared/profile-questions.json', import.meta.url));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    state.questions = await res.json();
  } catch {
    ui.profileForm.replaceChildren(Object.assign(document.createElement('p'), { textContent: t('checker_questions_failed'), className: 'help' }));
    return;
  }
  state.profile = normalizeProfile(await profileStore.get());
  buildProfileForm();
}

/** Known questions and answers only; a missing or unknown answer is "not_sure" (extension/shared/profile.js). */
function normalizeProfile(raw) {
  return globalThis.FinePrintProfile.normalize(raw, state.questions);
}

function buildProfileForm() {
  const form = ui.profileForm;
  form.replaceChildren();
  for (const q of globalThis.FinePrintProfile.shown(state.questions)) {
    const fs = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = t(`profile_q_${q.id}`);
    const choices = document.createElement('div');
    choices.className = 'choices';
    const current = state.profile.answers[q.id];
    const options = q.answers.concat([{ id: 'not_sure' }]);
    for (const a of options) {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = q.multiple ? 'checkbox' : 'radio';
      input.name = q.id;
      input.value = a.id;
      input.checked = Array.isArray(current) ? current.includes(a.id) : current === a.id;
      label.append(input, a.id === 'not_sure' ? t('not_sure') : t(`profile_a_${q.id}_${a.id}`));
      choices.append(label);
    }
    fs.append(legend, choices);
    form.append(fs);
  }
}

export function editProfile() {
  ui.profileBox.open = true;
  ui.profileBox.scrollIntoView({ block: 'start', behavior: 'smooth' });
  ui.profileForm.querySelector('input')?.focus({ preventScroll: true });
}


/** One answer given where the result asks it (the "For you" section): stored, and the form shows it too. */
export async function answerOne(question, answer) {
  if (!state.questions) return;
  state.profile = normalizeProfile({ ...state.profile?.answers, [question]: answer });
  buildProfileForm();
  await profileStore.set({ version: state.profile.version, answers: state.profile.answers });
}

/** Save the form's answers when they change, then call `onChange()` (to redraw a result). */
export function watchProfile(onChange) {
  ui.profileForm.addEventListener('change', async (e) => {
    if (!state.questions) return;
    const shown = globalThis.FinePrintProfile.shown(state.questions);
    const q = shown.find((x) => x.id === e.target.name);
    const raw = {};
    for (const question of shown) {
      const checked = [...ui.profileForm.querySelectorAll(`input[name="${question.id}"]:checked`)].map((i) => i.value);
      raw[question.id] = question.multiple ? checked : checked[0];
    }
    // "Not sure" and "None of these" exclude the other choices of a multiple-choice question.
    if (q?.multiple && e.target.checked) {
      const exclusive = ['not_sure', 'none'];
      raw[q.id] = exclusive.includes(e.target.value) ? [e.target.value] : raw[q.id].filter((v) => !exclusive.includes(v));
    }
    state.profile = normalizeProfile(raw);
    if (q?.multiple) buildProfileForm();
    await profileStore.set({ version: state.profile.version, answers: state.profile.answers });
    await onChange();
  });
}

/**
 * The engine's personal answer (personalAnswer(report, profile)) for the report and the profile on
 * this page, in the core's shape (FinePrintProfile.toEngine, as the extension's worker does).
 */
export function personalAnswer(report, profile) {
  if (typeof engine.personalAnswer !== 'function' || !profile || !state.questions) return null;
  try {
    return engine.personalAnswer(report, globalThis.FinePrintProfile.toEngine(profile, state.questions)) ?? null;
  } catch (err) {
    console.warn('[Fine Print] personal answer:', err);
    return null;
  }
}

