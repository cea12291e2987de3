// A thread's or a gap's statistics: without this script, a plain list of checkboxes
// (it works, and it is what is sent). With it, a box above the list finds a
// statistic by any part of its name: the list shows only the statistics that match
// and the ones already chosen, and a status message says how many are shown. Type,
// then Tab to a statistic and press Space; or press Enter when only one matches.
// Several can be chosen, which the single-choice accessible-autocomplete cannot do,
// and nothing here sets a style attribute, which the CSP refuses.
// The words come from the server (data-* attributes), translated there.

const fold = (text) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

const enhance = (list) => {
  const items = [...list.querySelectorAll(".govuk-checkboxes__item")];
  const { findLabel, findHint, shownOne, shownMany, chosen } = list.dataset;
  const id = `${list.id || list.querySelector("input").name}-find`;

  const group = document.createElement("div");
  group.className = "govuk-form-group sf-statistic-finder";
  const label = document.createElement("label");
  label.className = "govuk-label";
  label.htmlFor = id;
  label.textContent = findLabel;
  const hint = document.createElement("div");
  hint.className = "govuk-hint";
  hint.id = `${id}-hint`;
  hint.textContent = findHint;
  const box = document.createElement("input");
  box.className = "govuk-input govuk-!-width-two-thirds";
  box.id = id;
  box.type = "search";
  box.autocomplete = "off";
  box.spellcheck = false;
  box.setAttribute("aria-describedby", hint.id);
  const status = document.createElement("div");
  status.className = "govuk-visually-hidden";
  status.setAttribute("role", "status");
  group.append(label, hint, box, status);
  list.before(group);

  const labelOf = (item) => item.querySelector("label").textContent.trim();
  let timer;
  const announce = (text) => {
    clearTimeout(timer);
    // Wait for the typing to pause, or a screen reader reads every count.
    timer = setTimeout(() => {
      status.textContent = text;
    }, 500);
  };

  const matching = () => {
    const words = fold(box.value).split(/\s+/).filter(Boolean);
    return items.filter((item) => {
      const name = fold(labelOf(item));
      return words.every((word) => name.includes(word));
    });
  };

  const show = () => {
    const matches = new Set(matching());
    let shown = 0;
    for (const item of items) {
      const visible = matches.has(item) || item.querySelector("input").checked;
      item.hidden = !visible;
      shown += visible ? 1 : 0;
    }
    announce((shown === 1 ? shownOne : shownMany).replace("%(count)s", shown));
  };

  box.addEventListener("input", show);
  box.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") {
      return;
    }
    // Enter in a form's text box would send the form: here it chooses the one
    // statistic that matches, if only one does.
    event.preventDefault();
    const unchosen = matching().filter((item) => !item.querySelector("input").checked);
    if (box.value.trim() && unchosen.length === 1) {
      unchosen[0].querySelector("input").checked = true;
      box.value = "";
      show();
      announce(chosen.replace("%(name)s", labelOf(unchosen[0])));
    }
  });
};

for (const list of document.querySelectorAll("[data-find-label]")) {
  enhance(list);
}
