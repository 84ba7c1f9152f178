// The adjudication screen (review/adjudicate.html): after an action htmx replaces the
// screen's region; the focus goes to the place the action changed (or the region's
// heading), so that keyboard users stay where they were. The base page's live region
// tells screen readers what happened (the fragment fills it out of band).

import { focusVisible } from "./keyboard.js";

document.body.addEventListener("htmx:afterSettle", (event) => {
  if (event.detail.target?.id !== "adjudication") return;
  const region = document.getElementById("adjudication");
  focusVisible(region?.querySelector("[data-focus]") ?? region?.querySelector("h2, .conflict"));
});
