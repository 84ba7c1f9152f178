// The candidate queue, keyboard first: j/k move between candidates, n/a/r decide the
// focused one by pressing its button (the form itself is an ordinary htmx form).
(function () {
  "use strict";

  function rows() {
    return Array.from(document.querySelectorAll(".candidate.candidate-open"));
  }

  function move(step) {
    var all = rows();
    if (!all.length) return;
    var index = all.indexOf(document.activeElement.closest(".candidate"));
    var next = all[Math.min(Math.max(index + step, 0), all.length - 1)];
    if (index === -1) next = all[0];
    next.focus();
    next.scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target.matches("input, textarea, select")) return;
    if (event.key === "j") { move(1); event.preventDefault(); return; }
    if (event.key === "k") { move(-1); event.preventDefault(); return; }
    var row = target.closest(".candidate.candidate-open");
    if (!row) return;
    var button = row.querySelector('button[data-key="' + event.key + '"]');
    if (button) { button.click(); event.preventDefault(); }
  });

  // After a decision the row is replaced: go on with the next open candidate.
  document.addEventListener("htmx:afterSwap", function (event) {
    var swapped = event.detail.target;
    if (!swapped || !swapped.id || swapped.id.indexOf("candidate-") !== 0) return;
    var current = document.getElementById(swapped.id);
    var next = current && current.nextElementSibling;
    while (next && !next.classList.contains("candidate-open")) next = next.nextElementSibling;
    if (next) next.focus();
  });

  document.addEventListener("DOMContentLoaded", function () {
    var first = rows()[0];
    if (first) first.focus();
  });
})();
