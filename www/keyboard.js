// Keyboard shortcuts: Space plays and pauses, ← and → step, R resets, ? opens the help — but never
// while a control that takes keys has the focus (a slider's arrows, a field's typing, a checkbox's
// Space), nor when the focused element already handled the key.

/** Elements whose own keys a shortcut must not steal. */
const TAKES_KEYS = new Set(["INPUT", "SELECT", "TEXTAREA"]);

/** Whether `target` is a control that uses the keyboard itself. */
const takesKeys = (target) => TAKES_KEYS.has(target.tagName) || target.isContentEditable;

/** Wires the shortcuts to `actions`; `help` is the help dialog. */
export const setupKeyboard = (actions, help) => {
  const keys = {
    " ": () => actions.togglePlay(),
    ArrowRight: () => actions.step(),
    ArrowLeft: () => actions.stepBack(),
    r: () => actions.reset(),
    R: () => actions.reset(),
    "?": () => help.showModal(),
  };
  document.addEventListener("keydown", (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || help.open || takesKeys(e.target)) return;
    const tag = e.target.tagName;
    if ((tag === "BUTTON" || tag === "SUMMARY") && e.key === " ") return; // the focused button gets its own click
    const fn = keys[e.key];
    if (fn) {
      e.preventDefault();
      fn();
    }
  });
};
