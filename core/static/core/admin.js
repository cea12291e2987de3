// Draftail's editing surface is a role="textbox" with no accessible name: the
// field's <label> points at the hidden input it replaces (Wagtail issue #14205).
// Name each editor by its field's label, including editors added later in
// StreamField and InlinePanel forms; a StreamField block with no label of its
// own ("Paragraph") is named by its block heading.
const nameRichTextEditors = () => {
  document
    .querySelectorAll(
      '.Draftail-Editor [role="textbox"]:not([aria-labelledby]):not([aria-label])',
    )
    .forEach((textbox) => {
      const input = textbox.closest('.w-field')?.querySelector('input[id]');
      const label = input && document.querySelector(`label[for="${input.id}"]`);
      if (label) {
        label.id ||= `${input.id}-label`;
        textbox.setAttribute('aria-labelledby', label.id);
        return;
      }
      const heading = textbox
        .closest('[data-streamfield-child]')
        ?.querySelector('[data-panel-heading][id]');
      if (heading) textbox.setAttribute('aria-labelledby', heading.id);
    });
};

new MutationObserver(nameRichTextEditors).observe(document.documentElement, {
  childList: true,
  subtree: true,
});
nameRichTextEditors();
