// The options page: the profile questions of shared/spec/profile.md (extension/shared/profile-questions.json),
// saved to storage.sync on every change. Built with DOM calls only.
(() => {
  const Profile = globalThis.FinePrintProfile;
  const form = document.getElementById('profile');
  const status = document.getElementById('status');
  const I18N = globalThis.FinePrintI18n;
  const t = (key, ...args) => I18N.t(key, ...args);
  I18N.apply(document);

  function field(q, a, checked) {
    const input = document.createElement('input');
    input.type = q.multiple ? 'checkbox' : 'radio';
    input.name = q.id;
    input.value = a.id;
    input.checked = checked;
    const label = document.createElement('label');
    label.append(input, a.id === Profile.NOT_SURE ? t('not_sure') : t(`profile_a_${q.id}_${a.id}`));
    return label;
  }

  function render(questions, profile) {
    form.replaceChildren();
    for (const q of Profile.shown(questions)) {
      const set = document.createElement('fieldset');
      set.dataset.question = q.id;
      const legend = document.createElement('legend');
      legend.textContent = q.multiple ? t('question_several', t(`profile_q_${q.id}`)) : t(`profile_q_${q.id}`);
      // Where the saved state shows: beside the question the user just answered, not off-screen.
      const saved = document.createElement('p');
      saved.className = 'saved'; // shown; the page's status line (a live region) says it to screen readers
      set.append(legend, saved);
      const current = [].concat(profile.answers[q.id] ?? []);
      for (const a of q.answers.concat({ id: Profile.NOT_SURE })) {
        set.append(field(q, a, current.includes(a.id)));
      }
      form.append(set);
    }
  }

  function collect(questions) {
    const answers = {};
    for (const q of Profile.shown(questions)) {
      const picked = [...form.querySelectorAll(`input[name="${CSS.escape(q.id)}"]:checked`)].map((i) => i.value);
      answers[q.id] = q.multiple ? picked : picked[0];
    }
    return { answers };
  }

  async function main() {
    const questions = await Profile.loadQuestions();
    render(questions, await Profile.read());
    form.addEventListener('change', async (ev) => {
      const q = Profile.shown(questions).find((x) => x.id === ev.target.name);
      // "Not sure" and "none of these" exclude the other choices of a multiple-choice question.
      if (q?.multiple && ev.target.checked) {
        const exclusive = [Profile.NOT_SURE, 'none'];
        for (const i of form.querySelectorAll(`input[name="${CSS.escape(q.id)}"]`)) {
          if (i !== ev.target && (exclusive.includes(ev.target.value) || exclusive.includes(i.value))) i.checked = false;
        }
      }
      const here = ev.target.closest('fieldset')?.querySelector('.saved');
      for (const other of form.querySelectorAll('.saved')) if (other !== here) other.textContent = '';
      try {
        const saved = await Profile.write(collect(questions));
        const n = I18N.number(Profile.shown(questions).length);
        status.textContent = I18N.plural('saved_answered', saved.answered, n);
        if (here) {
          here.dataset.kind = 'ok';
          here.textContent = `✓ ${I18N.plural('saved_answered_short', saved.answered, n)}`;
        }
      } catch (err) {
        status.textContent = t('could_not_save', String(err?.message ?? err));
        if (here) {
          here.dataset.kind = 'error';
          here.textContent = t('not_saved', String(err?.message ?? err));
        }
      }
    });
  }

  main().catch((err) => {
    form.textContent = t('could_not_load_questions', String(err?.message ?? err));
  });
})();
