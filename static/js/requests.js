// Requests htmx would send twice. A search form triggers on typing (after a delay) and on
// submit: Enter pressed after the results came in, or while they were on their way, would
// send the same search again (and abort the first).
// A form's htmx GET identical to the one it sent less than two seconds ago is dropped (forms
// only: a button that fetches the same fragment again, as "edit" after "cancel", must work).
const REPEAT_WINDOW_MS = 2000;
const lastSent = new WeakMap();

document.addEventListener("htmx:configRequest", (event) => {
  const { verb, path, formData, elt } = event.detail;
  if (verb !== "get" || !(elt instanceof HTMLFormElement)) return;
  const key = `${path}?${new URLSearchParams(formData)}`;
  const previous = lastSent.get(elt);
  const now = performance.now();
  if (previous && previous.key === key && now - previous.at < REPEAT_WINDOW_MS) {
    event.preventDefault();
    return;
  }
  lastSent.set(elt, { key, at: now });
});
