// Confirmation before destructive submits, and "select all" for bulk actions.

/**
 * `<form data-confirm="message">` (or a submit button with data-confirm) asks before submitting.
 * Registered in the capture phase so a refusal stops every other submit handler too.
 */
export function initConfirm(root: Document = document): void {
  root.addEventListener(
    'submit',
    (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      const submitter = (event as SubmitEvent).submitter;
      const message = submitter?.getAttribute('data-confirm') ?? form.getAttribute('data-confirm');
      if (message && !window.confirm(message)) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    },
    true,
  );

  // <input type="checkbox" data-select-all> toggles every input[name="ids"] checkbox of its form,
  // and shows checked / mixed / unchecked as the single boxes change.
  const boxesOf = (form: HTMLFormElement): HTMLInputElement[] =>
    Array.from(form.elements).filter((el): el is HTMLInputElement => el instanceof HTMLInputElement && el.type === 'checkbox' && el.name === 'ids');
  root.addEventListener('change', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || target.type !== 'checkbox' || !target.form) return;
    const form = target.form;
    if (target.hasAttribute('data-select-all')) {
      for (const box of boxesOf(form)) if (!box.disabled) box.checked = target.checked;
      target.indeterminate = false;
      return;
    }
    if (target.name !== 'ids') return;
    const boxes = boxesOf(form);
    const checked = boxes.filter((b) => b.checked).length;
    for (const all of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"][data-select-all]')) {
      all.checked = checked > 0 && checked === boxes.length;
      all.indeterminate = checked > 0 && checked < boxes.length;
    }
  });
}
