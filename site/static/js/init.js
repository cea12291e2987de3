import { initAll } from "../dist/govuk-frontend.min.js";

// The components' own words in the page's language (base.html, from the catalogue).
const config = document.getElementById("govuk-frontend-config");
initAll(config ? JSON.parse(config.textContent) : {});

// After a post the address names what was posted (#reply-12) and a success banner
// says it worked, with a link to it. The browser's move to the fragment takes focus
// from the banner GOV.UK Frontend focused: give it back once the page has loaded.
const banner = document.querySelector('.govuk-notification-banner[role="alert"]');
if (banner && window.location.hash) {
  window.addEventListener("load", () => setTimeout(() => banner.focus()));
}

// Only the pages with a list of statistics to choose from load its finder.
if (document.querySelector("[data-find-label]")) {
  import("./choose-statistics.js");
}
