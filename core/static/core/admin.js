// Draftail's editing surface is a role="textbox" with no accessible name: the
// field's <label> points at the hidden input it replaces (Wagtail issue #14205).
// Name each editor by its field's label, including editors added later in
// StreamField and InlinePanel forms; a StreamField block with no label of its
// own ("Paragraph", "Decision") is named by its block type, shown in its heading.
const blockTypeId = (element) => {
  const heading = element
    .closest('[data-streamfield-child]')
    ?.querySelector('[data-panel-heading][id]');
  if (!heading) return null;
  const type = heading.querySelector('.c-sf-block__type') || heading;
  type.id ||= `${heading.id}-type`;
  return type.id;
};

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
      const type = blockTypeId(textbox);
      if (type) textbox.setAttribute('aria-labelledby', type);
    });
};

// A block that is a single field (a Decision's text, the input behind a
// Paragraph's editor) renders its control with no <label>: name it by its block.
const nameBlockFields = () => {
  document
    .querySelectorAll(
      '[data-streamfield-child] [data-field-input] > :is(input, textarea, select)[id]:not([type="hidden"]):not([aria-labelledby]):not([aria-label])',
    )
    .forEach((control) => {
      if (document.querySelector(`label[for="${control.id}"]`)) return;
      const type = blockTypeId(control);
      if (type) control.setAttribute('aria-labelledby', type);
    });
};

// Every admin page has the menu's search and a listing adds its own: two search
// landmarks with no name, which a screen reader's landmark list cannot tell apart.
const nameSearchLandmarks = () => {
  document
    .querySelectorAll('form[role="search"]:not([aria-label]):not([aria-labelledby])')
    .forEach((form) => {
      const heading = document.querySelector('h1')?.textContent.trim();
      form.setAttribute(
        'aria-label',
        form.id === 'menu-search' || form.querySelector('#menu-search-q')
          ? 'Search all pages'
          : `Search ${heading || 'this list'}`,
      );
    });
};

// The tags field's typing box (jQuery tag-it, on the document and image forms) has
// no name either: its field's <label> points at the input it hides. Name it so.
const nameTagInputs = () => {
  document
    .querySelectorAll('.tagit input:not([aria-labelledby]):not([aria-label])')
    .forEach((input) => {
      const hidden = input.closest('.w-field')?.querySelector('input[id]');
      const label = hidden && document.querySelector(`label[for="${hidden.id}"]`);
      if (!label) return;
      label.id ||= `${hidden.id}-label`;
      input.setAttribute('aria-labelledby', label.id);
    });
};

const fixAll = () => {
  nameRichTextEditors();
  nameTagInputs();
  nameBlockFields();
  nameSearchLandmarks();
};

new MutationObserver(fixAll).observe(document.documentElement, {
  childList: true,
  subtree: true,
});
fixAll();
