// Claims in the annotation workspace: keys for the claim panel of the focused card and for
// the claim suggestions. Everything else is server-rendered htmx.

import { focusedCard, focusedIn, modified, moveFocus, typing } from "./keyboard.js";

function suggestions() {
  return [...document.querySelectorAll("#claim-suggestions li.suggestion")];
}


function toggleSuggestions() {
  const details = document.getElementById("claim-suggestions-toggle");
  if (!details) return;
  if (!details.open) details.querySelector("summary")?.click();
  else details.open = false;
}

document.addEventListener("keydown", (event) => {
  if (typing(event.target) || modified(event)) return;
  const inSuggestions = focusedIn("#claim-suggestions") !== null;
  if (event.key === "c") {
    const link = focusedCard()?.querySelector(".claim-link");
    if (link) {
      link.click();
      event.preventDefault();
    }
  } else if (event.key === "s") {
    toggleSuggestions();
    event.preventDefault();
  } else if (inSuggestions && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
    moveFocus(suggestions(), focusedIn("li.suggestion"), event.key === "ArrowDown" ? 1 : -1);
    event.preventDefault();
  } else if (event.key === "a" || event.key === "x") {
    // Only a suggestion the editor chose (focused) is accepted or dismissed, never the first
    // one by default: a key pressed in the wrong place must not decide a claim.
    const item = focusedIn("#claim-suggestions-toggle[open] li.suggestion");
    const form = item?.querySelector(event.key === "a" ? ".accept-form" : ".dismiss-form");
    if (form) {
      form.requestSubmit();
      event.preventDefault();
    }
  }
});

// After the list loaded or a suggestion was accepted or dismissed, the list is new: keep
// the keyboard in it (↑/↓ work) without choosing a suggestion for the editor.
document.body.addEventListener("htmx:afterSwap", (event) => {
  if (event.detail.target?.id === "claim-suggestions" || event.target.id === "claim-suggestions") {
    document.getElementById("claim-suggestions")?.focus({ preventScroll: true });
  }
  // A claim panel opened by key: put the cursor into its search box.
  const box = event.target.closest?.(".claim-box") ?? document.querySelector(".claim-box:focus-within");
  box?.querySelector(".claim-q")?.focus({ preventScroll: true });
});
