// The candidate queue, keyboard first: j/k move between candidates, n/a/r decide the
// focused one by pressing its button (the form itself is an ordinary htmx form).

import { focusedIn, modified, moveFocus, typing } from "./keyboard.js";

function rows() {
  return [...document.querySelectorAll(".candidate.candidate-open")];
}

document.addEventListener("keydown", (event) => {
  if (modified(event) || typing(event.target)) return;
  if (event.key === "j" || event.key === "k") {
    moveFocus(rows(), focusedIn(".candidate"), event.key === "j" ? 1 : -1);
    event.preventDefault();
    return;
  }
  const row = event.target.closest(".candidate.candidate-open");
  const button = row?.querySelector(`button[data-key="${event.key}"]`);
  if (button) {
    button.click();
    event.preventDefault();
  }
});

// After a decision the row is replaced: go on with the next open candidate. A refused
// decision leaves the row open with its error: the focus stays there, so that the next
// key acts on the name the error is about.
document.addEventListener("htmx:afterSwap", (event) => {
  const swapped = event.detail.target;
  if (!swapped?.id?.startsWith("candidate-")) return;
  const row = document.getElementById(swapped.id);
  if (row?.classList.contains("candidate-open")) {
    row.focus();
    return;
  }
  let next = row?.nextElementSibling;
  while (next && !next.classList.contains("candidate-open")) next = next.nextElementSibling;
  next?.focus();
});

document.addEventListener("DOMContentLoaded", () => rows()[0]?.focus());
