// The annotation workspace: turns a text selection into form fields, links highlights
// and cards, and handles the keyboard. Everything else is server-rendered htmx.
// Offsets sent to the server are UTF-16 code units into the article body (what
// JavaScript strings count); the server converts them to code points and checks them.

import { focusVisible, focusedCard, modified, neighbour, typing } from "./keyboard.js";
import { warnBeforeLeaving } from "./textlimits.js";

const body = JSON.parse(document.getElementById("article-body")?.textContent ?? '""');

function textRoot() {
  return document.getElementById("article-text");
}

function form() {
  return document.getElementById("annotation-form");
}

// UTF-16 offset into the body of a DOM position inside #article-text, or null.
function bodyOffset(node, offset) {
  const root = textRoot();
  if (!root || !root.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const run = node.parentElement.closest("[data-o]");
    return run ? Number(run.dataset.o) + offset : null;
  }
  const element = node.closest ? node : node.parentElement;
  if (element.matches("[data-o]")) {
    return Number(element.dataset.o) + (offset > 0 ? element.textContent.length : 0);
  }
  const runs = [...element.querySelectorAll("[data-o]")];
  if (runs.length === 0) return null;
  const after = element.childNodes[offset];
  const next = after && (after.matches?.("[data-o]") ? after : after.querySelector?.("[data-o]"));
  if (next) return Number(next.dataset.o);
  const last = runs[runs.length - 1];
  return Number(last.dataset.o) + last.textContent.length;
}

// A letter, digit or combining mark at UTF-16 index i (either half of a surrogate pair).
function wordCharAt(i) {
  if (i < 0 || i >= body.length) return false;
  const unit = body.charCodeAt(i);
  const at = unit >= 0xdc00 && unit <= 0xdfff && i > 0 ? i - 1 : i;
  return /[\p{L}\p{N}\p{M}]/u.test(String.fromCodePoint(body.codePointAt(at)));
}

// Part of a word: a word character, or a hyphen inside a compound ("Putin-Regierung").
function inWord(i) {
  if (body[i] === "-") return wordCharAt(i - 1) && wordCharAt(i + 1);
  return wordCharAt(i);
}

// Widens a selection that starts or ends inside a word to the whole word. Line breaks
// and spaces are no word characters, so it never crosses into another block.
function snapToWords(start, end) {
  while (start > 0 && inWord(start) && inWord(start - 1)) start -= 1;
  while (end < body.length && inWord(end - 1) && inWord(end)) end += 1;
  return [start, end];
}

const PRECISION_KEY = "newsdesk.characterPrecision";

function characterPrecision() {
  return document.getElementById("toggle-precision")?.checked ?? false;
}

function captureSelection() {
  const f = form();
  const selection = window.getSelection();
  if (!f || !selection || selection.rangeCount === 0 || selection.isCollapsed) return;
  const range = selection.getRangeAt(0);
  let start = bodyOffset(range.startContainer, range.startOffset);
  let end = bodyOffset(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return;
  // Trim white space at the edges, as editors rarely mean to include it.
  while (start < end && /\s/.test(body[start])) start += 1;
  while (end > start && /\s/.test(body[end - 1])) end -= 1;
  if (end <= start) return;
  if (!characterPrecision()) [start, end] = snapToWords(start, end);
  const exact = body.slice(start, end);
  f.elements.start.value = String(start);
  f.elements.end.value = String(end);
  f.elements.exact.value = exact;
  const preview = document.getElementById("selection-preview");
  if (preview) preview.textContent = exact;
  f.classList.add("has-selection");
}

function clearSelection() {
  const f = form();
  window.getSelection()?.removeAllRanges();
  if (!f) return;
  for (const name of ["start", "end", "exact"]) f.elements[name].value = "";
  const preview = document.getElementById("selection-preview");
  if (preview) preview.textContent = preview.dataset.empty ?? "";
  f.classList.remove("has-selection");
}

function cards() {
  return [...document.querySelectorAll("#annotation-list .cards > li.card[data-id]")];
}

function focusCard(id, { scroll = true } = {}) {
  const card = document.getElementById(`annotation-${id}`);
  if (!card) {
    // Cards come in pages: load the rest, then focus.
    const more = document.querySelector("#more-cards a[data-all-url]");
    if (more) {
      htmx
        .ajax("GET", more.dataset.allUrl, { target: "#more-cards", swap: "outerHTML" })
        .then(() => focusCard(id, { scroll }));
    }
    return;
  }
  for (const other of document.querySelectorAll(".card.focused")) other.classList.remove("focused");
  card.classList.add("focused");
  if (scroll) focusVisible(card);
  else card.focus({ preventScroll: true });
  markHighlights(id);
}

function markHighlights(id) {
  for (const mark of document.querySelectorAll("#article-text mark.active")) mark.classList.remove("active");
  let first = null;
  for (const mark of document.querySelectorAll("#article-text mark[data-ids]")) {
    if (mark.dataset.ids.split(" ").includes(String(id))) {
      mark.classList.add("active");
      first ??= mark;
    }
  }
  first?.scrollIntoView({ block: "nearest" });
}

function moveCard(step) {
  const list = cards();
  if (list.length === 0) return;
  const current = focusedCard();
  const more = document.querySelector("#more-cards a[hx-get]");
  if (step > 0 && current === list[list.length - 1] && more) {
    // The next card is on a page not loaded yet: load it, then move on.
    htmx
      .ajax("GET", more.getAttribute("hx-get"), { target: "#more-cards", swap: "outerHTML" })
      .then(() => moveCard(step));
    return;
  }
  focusCard(neighbour(list, current, step, { wrap: true }).dataset.id);
}

document.addEventListener("mouseup", (event) => {
  if (textRoot()?.contains(event.target)) captureSelection();
});

document.addEventListener("keyup", (event) => {
  if (event.shiftKey && textRoot()?.contains(window.getSelection()?.anchorNode)) captureSelection();
});

document.addEventListener("click", (event) => {
  if (event.target.closest(".entity-link-close")) {
    closeEntityLink();
    return;
  }
  const close = event.target.closest(".history-close");
  if (close) {
    // Close a card's history: empty its slot and give the focus back to its link.
    const slot = close.closest(".history-slot");
    slot?.previousElementSibling?.focus();
    slot?.replaceChildren();
    return;
  }
  const mark = event.target.closest("#article-text mark[data-ids]");
  if (mark && window.getSelection()?.isCollapsed) {
    focusCard(mark.dataset.ids.split(" ")[0]);
    return;
  }
  const card = event.target.closest("#annotation-list li.card[data-id]");
  if (card && !event.target.closest("a, button, form")) focusCard(card.dataset.id, { scroll: false });
});

document.addEventListener("keydown", (event) => {
  const help = document.getElementById("help");
  if (event.key === "Escape") {
    if (help?.open) return; // the dialog closes itself
    if (document.querySelector("#entity-link > *")) {
      closeEntityLink();
      return;
    }
    const editing = document.querySelector("li.card.editing .cancel-link");
    if (editing) {
      editing.click();
    } else {
      clearSelection();
    }
    return;
  }
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    // Ctrl+Enter (Cmd+Enter) saves the form being typed in: a new annotation or an edit.
    const target = event.target.closest?.("#annotation-form, li.card.editing form.edit-form");
    if (target) {
      event.preventDefault();
      target.requestSubmit();
    }
    return;
  }
  if (typing(event.target) || modified(event)) return;
  if (event.key === "?") {
    help?.showModal();
  } else if (/^[1-9]$/.test(event.key)) {
    const radio = form()?.querySelector(`input[name="label"][data-key="${event.key}"]`);
    if (radio) {
      radio.checked = true;
      radio.focus();
      event.preventDefault();
    }
  } else if (event.key === "l") {
    document.getElementById("entity-link-open")?.click();
  } else if (event.key === "j") {
    moveCard(1);
  } else if (event.key === "k") {
    moveCard(-1);
  } else if (event.key === "e") {
    focusedCard()?.querySelector(".edit-link")?.click();
  } else if (event.key === "Delete" || event.key === "d") {
    focusedCard()?.querySelector(".delete-form button")?.click();
  }
});

document.body.addEventListener("annotation-saved", (event) => {
  clearSelection();
  // Wait for the out-of-band swaps to settle before focusing the new card, or the notice
  // that the card filter hides it.
  window.setTimeout(() => {
    const hidden = document.querySelector("#annotation-list [data-filter-hides]");
    if (hidden) hidden.focus();
    else focusCard(event.detail.id);
  }, 0);
});

// A change to the card list (create, delete, restore, re-attach) sends the card filter
// along, prefixed, so that the list that comes back is filtered as the filter fields say.
document.body.addEventListener("htmx:configRequest", (event) => {
  const filters = document.getElementById("card-filters");
  if (!filters || !event.detail.elt.closest?.("[data-sends-card-filter]")) return;
  for (const [name, value] of new FormData(filters)) {
    if (value) event.detail.parameters[`filter-${name}`] = value;
  }
});

// Linking a selected name to an entity: the panel is the entities app's. Once a name is
// linked, the blocks of text around it are drawn again (swapped out of band), so that
// its underline shows; the panel keeps the focus.
document.body.addEventListener("mention-linked", (event) => {
  const url = document.getElementById("workspace")?.dataset.textBlocksUrl;
  if (!url) return;
  const query = new URLSearchParams({ start: event.detail.start, end: event.detail.end });
  htmx.ajax("GET", `${url}?${query}`, { swap: "none" });
});

// Closing the panel empties it and gives the focus back to the button that opened it.
function closeEntityLink() {
  const panel = document.getElementById("entity-link");
  if (!panel) return;
  const empty = document.createElement("div");
  empty.id = "entity-link";
  panel.replaceWith(empty);
  document.getElementById("entity-link-open")?.focus();
}

// The entity-mention layer can be hidden; the choice is remembered in this browser.
const toggle = document.getElementById("toggle-entities");
if (toggle) {
  const workspace = document.getElementById("workspace");
  toggle.checked = window.localStorage.getItem("newsdesk.entities") !== "hidden";
  workspace.classList.toggle("show-entities", toggle.checked);
  toggle.addEventListener("change", () => {
    workspace.classList.toggle("show-entities", toggle.checked);
    window.localStorage.setItem("newsdesk.entities", toggle.checked ? "shown" : "hidden");
  });
}

// Selections snap to whole words unless the editor asks for character precision; the
// choice is remembered in this browser.
const precision = document.getElementById("toggle-precision");
if (precision) {
  precision.checked = window.localStorage.getItem(PRECISION_KEY) === "on";
  precision.addEventListener("change", () => {
    window.localStorage.setItem(PRECISION_KEY, precision.checked ? "on" : "off");
  });
}

// Entity pages link to a mention as #mention-ID: mark it and bring it into view (the
// browser's own jump leaves it unmarked, and at the window's edge).
function markLinkedMention() {
  for (const old of document.querySelectorAll("#article-text .mention-target")) {
    old.classList.remove("mention-target");
  }
  const match = /^#mention-(\d+)$/.exec(window.location.hash);
  const mention = match && document.getElementById(`mention-${match[1]}`);
  if (!mention || !textRoot()?.contains(mention)) return;
  mention.classList.add("mention-target");
  mention.scrollIntoView({ block: "center" });
}
markLinkedMention();
window.addEventListener("hashchange", markLinkedMention);

// Notes: no leaving with unsaved text (textlimits.js counts their characters on every page).
warnBeforeLeaving("#annotation-form, li.card.editing form.edit-form");
