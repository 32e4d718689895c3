// Keyboard shortcuts: Space plays and pauses, ← and → step, R resets, ? opens the help, Ctrl+Z and
// Ctrl+Shift+Z (or Ctrl+Y) undo and redo data edits — but never while a control that takes keys has
// the focus (a slider's arrows, a field's typing and its own undo, a checkbox's Space), nor when the
// focused element already handled the key.

/** Elements whose own keys a shortcut must not steal. */
const TAKES_KEYS = new Set(["INPUT", "SELECT", "TEXTAREA"]);

/**
 * Whether `target` is a control that uses the keyboard itself.
 * @param {HTMLElement} target
 */
const takesKeys = (target) => TAKES_KEYS.has(target.tagName) || target.isContentEditable;

/** Ctrl+Z undoes a data edit, Ctrl+Shift+Z and Ctrl+Y redo it (⌘ on a Mac). */
const undoKeys = (e, data) => {
  const key = e.key.toLowerCase();
  const redo = (key === "z" && e.shiftKey) || (key === "y" && !e.shiftKey);
  if (key !== "z" && !redo) return;
  e.preventDefault();
  if (redo) data.redo();
  else data.undo();
};

/** Wires the shortcuts to `actions` and `data` (undo and redo of data edits); `help` is the help dialog. */
export const setupKeyboard = (actions, data, help) => {
  const keys = {
    " ": () => actions.togglePlay(),
    ArrowRight: () => actions.step(),
    ArrowLeft: () => actions.stepBack(),
    r: () => actions.reset(),
    R: () => actions.reset(),
    "?": () => help.showModal(),
  };
  document.addEventListener("keydown", (e) => {
    const target = /** @type {HTMLElement} */ (e.target); // the focused element, else the body
    if (e.defaultPrevented || e.altKey || help.open || takesKeys(target)) return;
    if (e.ctrlKey || e.metaKey) return undoKeys(e, data);
    const tag = target.tagName;
    if ((tag === "BUTTON" || tag === "SUMMARY") && e.key === " ") return; // the focused button gets its own click
    const fn = keys[e.key];
    if (fn) {
      e.preventDefault();
      fn();
    }
  });
};
