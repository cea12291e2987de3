// Draftail's editing surface is a role="textbox" with no accessible name: the
// field's <label> points at the hidden input it replaces (Wagtail issue #14205).
// Name each editor by its field's label, including editors added later in
// StreamField and InlinePanel forms.
const nameRichTextEditors = () => {
  document
    .querySelectorAll(
      '.Draftail-Editor [role="textbox"]:not([aria-labelledby]):not([aria-label])',
    )
    .forEach((textbox) => {
      const input = textbox.closest('.w-field')?.querySelector('input[id]');
      const label = input && document.querySelector(`label[for="${input.id}"]`);
      if (!label) return;
      label.id ||= `${input.id}-label`;
      textbox.setAttribute('aria-labelledby', label.id);
    });
};

new MutationObserver(nameRichTextEditors).observe(document.documentElement, {
  childList: true,
  subtree: true,
});
nameRichTextEditors();
