// The character counter under a reply's text: how much of the limit is used.
// Delegated from the document, so that threads htmx swaps in are counted too.
document.addEventListener("input", (event) => {
  const box = event.target;
  if (!(box instanceof HTMLTextAreaElement) || !box.dataset.counter) return;
  const counter = document.getElementById(box.dataset.counter);
  const used = counter && counter.querySelector(".chars-used");
  if (used) used.textContent = String(box.value.length);
});
