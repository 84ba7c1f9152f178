// Keyboard helpers shared by the page scripts: is a key meant for a field, which card or row
// has the focus, and moving the focus through a list (j/k, arrows) so that it stays in view.

// Whether the key goes to a form field (or other editable text) and is no shortcut.
export function typing(target) {
  return target.closest?.("input, textarea, select, [contenteditable]") !== null;
}

// Whether Ctrl, Meta (Cmd) or Alt is held: such keys belong to the browser.
export function modified(event) {
  return event.ctrlKey || event.metaKey || event.altKey;
}

// The element matching selector that holds the focus, if any.
export function focusedIn(selector) {
  return document.activeElement?.closest?.(selector);
}

// The annotation card the keys act on: the focused one, else the one marked focused.
export function focusedCard() {
  return focusedIn("li.card[data-id]") ?? document.querySelector(".card.focused");
}

// Focus element and scroll it just into view.
export function focusVisible(element) {
  if (!element) return;
  element.focus();
  element.scrollIntoView({ block: "nearest" });
}

// The item step places after current in list: at the ends it stops (or, with wrap, goes
// round); from outside the list it starts at the first item (with wrap, backwards at the last).
export function neighbour(list, current, step, { wrap = false } = {}) {
  const index = list.indexOf(current);
  if (index === -1) return wrap && step < 0 ? list[list.length - 1] : list[0];
  if (wrap) return list[(index + step + list.length) % list.length];
  return list[Math.min(Math.max(index + step, 0), list.length - 1)];
}

// j/k: focus the item step places from current in list and keep it in view.
export function moveFocus(list, current, step) {
  focusVisible(neighbour(list, current, step));
}
