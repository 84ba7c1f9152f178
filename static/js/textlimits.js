// Typed text is never lost without a word: long fields count their characters instead of
// the browser cutting a paste silently at maxlength (the server refuses what is too long,
// and so does the form before it is sent), and leaving the page with text typed into a
// form that was not saved asks first.

const counted = new WeakSet();

function number(value) {
  return new Intl.NumberFormat(document.documentElement.lang || undefined).format(value);
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, key) => values[key] ?? whole);
}

// Every page counts its long fields, and so do fragments htmx swaps in (reply threads).
countCharacters(); // a module runs once the document is parsed
document.addEventListener("htmx:load", (event) => countCharacters(event.detail.elt));

// Give every textarea[maxlength] under root a counter "n / limit" in place of the cut.
export function countCharacters(root = document) {
  for (const field of root.querySelectorAll("textarea[maxlength]")) {
    if (counted.has(field)) continue;
    counted.add(field);
    const limit = Number(field.getAttribute("maxlength"));
    field.removeAttribute("maxlength");
    field.dataset.maxlength = String(limit);
    const counter = document.createElement("span");
    counter.className = "char-count";
    field.after(counter);
    const message = field.closest("[data-text-too-long]")?.dataset.textTooLong ?? "{count} / {limit}";
    const update = () => {
      const length = field.value.length;
      const over = length > limit;
      counter.textContent = `${number(length)} / ${number(limit)}`;
      counter.classList.toggle("over", over);
      field.setCustomValidity(over ? fill(message, { count: number(length), limit: number(limit) }) : "");
    };
    field.addEventListener("input", update);
    update();
  }
}

const TEXT_FIELDS = "textarea, input[type=text], input[type=search], input:not([type])";

// Whether form holds typed text that is not saved: a new annotation's form with any text,
// or an edit form whose text differs from what the server gave it.
function unsaved(form) {
  const fields = [...form.querySelectorAll(TEXT_FIELDS)];
  if (form.id === "annotation-form") return fields.some((field) => field.value.trim() !== "");
  return fields.some((field) => field.value !== field.defaultValue);
}

// Warn before leaving the page while one of the forms matching selector is unsaved.
export function warnBeforeLeaving(selector) {
  window.addEventListener("beforeunload", (event) => {
    if ([...document.querySelectorAll(selector)].some(unsaved)) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
}
