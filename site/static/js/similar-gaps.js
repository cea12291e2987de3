// While a member types a gap's title, show the gaps like it, so they can support
// one instead of raising a duplicate. Without this script the form still works,
// and the server shows the same suggestions when the form comes back.

const WAIT_MS = 400;
const SHORTEST_QUERY = 3;

const region = document.querySelector("[data-similar-gaps]");
const title = region && document.getElementById(region.dataset.titleField);

if (region && title) {
  const url = new URL(region.dataset.similarGaps, window.location.href);
  let lastQuery = title.value.trim();
  let timer;
  let pending;

  const show = (html) => {
    // The region is aria-live: change it only when the list changes, or screen
    // readers hear the same suggestions at every key press.
    if (region.innerHTML.trim() !== html.trim()) {
      region.innerHTML = html;
    }
  };

  const suggest = async () => {
    const query = title.value.trim();
    if (query === lastQuery) {
      return;
    }
    lastQuery = query;
    pending?.abort();
    if (query.length < SHORTEST_QUERY) {
      show("");
      return;
    }
    pending = new AbortController();
    url.searchParams.set("q", query);
    url.searchParams.set("theme", region.dataset.theme || "");
    try {
      const response = await fetch(url, {
        signal: pending.signal,
        headers: { Accept: "text/html" },
      });
      if (response.ok) {
        show(await response.text());
      }
    } catch (error) {
      // An aborted or failed look-up leaves the last suggestions in place: they
      // are a help, not a step of the form.
      if (error.name !== "AbortError") {
        console.warn("Could not fetch similar gaps", error);
      }
    }
  };

  title.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, WAIT_MS);
  });
}
