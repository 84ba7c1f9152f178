// Keyboard for the review page: j/k next/previous annotation, a accept, r reject,
// 1–9 correct to the label with that key, c choose a label, m comment, Esc back to the row.
// The decisions themselves are plain forms enhanced by htmx; this only presses their buttons.

const rows = () => [...document.querySelectorAll(".review-row")];

function focusRow(row) {
  if (!row) return;
  row.focus();
  row.scrollIntoView({ block: "nearest" });
}

function currentRow(target) {
  return target.closest?.(".review-row") ?? document.querySelector(".review-row:focus-within");
}

function move(from, step) {
  const all = rows();
  const index = from ? all.indexOf(from) : -1;
  focusRow(all[Math.min(Math.max(index + step, 0), all.length - 1)]);
}

function press(row, kind) {
  row?.querySelector(`button[name="kind"][value="${kind}"]`)?.click();
}

document.addEventListener("keydown", (event) => {
  const target = event.target;
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (target.matches("input, textarea, select")) {
    const row = currentRow(target);
    if (event.key === "Escape" && row) {
      focusRow(row);
    } else if (event.key === "Enter" && target.name === "comment") {
      // Enter in the comment field must not accept the annotation by default.
      event.preventDefault();
      focusRow(row);
    } else if (event.key === "Enter" && target.name === "label") {
      event.preventDefault();
      press(row, "correct");
    }
    return;
  }
  const row = currentRow(target);
  if (event.key === "j") move(row, 1);
  else if (event.key === "k") move(row, -1);
  else if (!row) return;
  else if (event.key === "a") press(row, "accept");
  else if (event.key === "r") press(row, "reject");
  else if (event.key === "c") row.querySelector('select[name="label"]')?.focus();
  else if (event.key === "m") row.querySelector('input[name="comment"]')?.focus();
  else if (/^[1-9]$/.test(event.key)) {
    const option = row.querySelector(`select[name="label"] option[data-key="${event.key}"]`);
    if (!option) return;
    option.selected = true;
    press(row, "correct");
  } else return;
  event.preventDefault();
});

// After a decision the row is replaced: go on to the next one (or stay on it after an error).
document.body.addEventListener("htmx:afterSettle", (event) => {
  const id = event.detail.target?.id;
  const row = id && document.getElementById(id);
  if (!row?.classList.contains("review-row")) return;
  if (event.detail.xhr?.status === 200) move(row, 1);
  else focusRow(row);
});
