// Keyboard for the review page: j/k next/previous annotation, a accept, r reject,
// 1–9 correct to the label with that key, c choose a label, m comment, Esc back to the row.
// The decisions themselves are plain forms enhanced by htmx; this only presses their buttons.

import { focusVisible, modified, moveFocus, typing } from "./keyboard.js";

const rows = () => [...document.querySelectorAll(".review-row")];

function currentRow(target) {
  return target.closest?.(".review-row") ?? document.querySelector(".review-row:focus-within");
}

function press(row, kind) {
  row?.querySelector(`button[name="kind"][value="${kind}"]`)?.click();
}

document.addEventListener("keydown", (event) => {
  const target = event.target;
  if (modified(event)) return;
  if (typing(target)) {
    const row = currentRow(target);
    if (event.key === "Escape" && row) {
      focusVisible(row);
    } else if (event.key === "Enter" && target.name === "comment") {
      // Enter in the comment field must not accept the annotation by default.
      event.preventDefault();
      focusVisible(row);
    } else if (event.key === "Enter" && target.name === "label") {
      event.preventDefault();
      press(row, "correct");
    }
    return;
  }
  const row = currentRow(target);
  if (event.key === "j") moveFocus(rows(), row, 1);
  else if (event.key === "k") moveFocus(rows(), row, -1);
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
  if (event.detail.xhr?.status === 200) moveFocus(rows(), row, 1);
  else focusVisible(row);
});

// Export downloads with progress: the export streams (its size is not known in advance), so
// the page reads the stream itself and shows how much has arrived, with a cancel button;
// when it is complete the file is saved under the server's file name. Without this script
// (or with a modifier key pressed) the links are plain downloads.
const progress = document.getElementById("export-progress");
let running = null;

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, key) => values[key] ?? whole);
}

// "20 KB" below a megabyte ("0 MB" said nothing), "1.4 MB" from there on.
export function fileSize(bytes, lang = document.documentElement.lang || undefined) {
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  if (bytes < 1e6) return `${number.format(Math.max(1, Math.round(bytes / 1e3)))} KB`;
  return `${number.format(bytes / 1e6)} MB`;
}

function report(kind, values, finished = false) {
  progress.hidden = false;
  progress.classList.toggle("finished", finished);
  progress.querySelector(".export-progress-text").textContent = fill(
    progress.dataset[kind],
    values,
  );
}

function fileName(response, fallback) {
  const header = response.headers.get("Content-Disposition") ?? "";
  return /filename="([^"]+)"/.exec(header)?.[1] ?? fallback;
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function download(link) {
  running?.abort();
  const controller = new AbortController();
  running = controller;
  const format = link.dataset.export;
  const started = performance.now();
  let received = 0;
  const tick = () =>
    report("receiving", {
      format,
      size: fileSize(received),
      seconds: Math.round((performance.now() - started) / 1000),
    });
  tick();
  try {
    const response = await fetch(link.href, { signal: controller.signal });
    if (!response.ok) throw new Error((await response.text()) || response.statusText);
    const reader = response.body.getReader();
    const parts = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      received += value.length;
      tick();
    }
    const name = fileName(response, `newsdesk-annotations.${format}`);
    save(new Blob(parts, { type: response.headers.get("Content-Type") ?? "" }), name);
    report("done", { file: name, size: fileSize(received) }, true);
  } catch (error) {
    if (controller.signal.aborted) report("cancelled", { format }, true);
    else report("failed", { format, reason: error.message }, true);
  } finally {
    if (running === controller) running = null;
  }
}

if (progress && window.ReadableStream) {
  document.addEventListener("click", (event) => {
    const link = event.target.closest?.("a[data-export]");
    if (!link || event.button !== 0) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    download(link);
  });
  progress.querySelector(".export-cancel").addEventListener("click", () => running?.abort());
}
