// Keyboard shortcuts: Space plays and pauses, ← and → step, R resets, ? opens the help.

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
    const tag = e.target.tagName;
    if (e.ctrlKey || e.metaKey || e.altKey || help.open) return;
    if ((tag === "INPUT" && e.target.type !== "range" && e.target.type !== "checkbox") || tag === "SELECT" || tag === "TEXTAREA") return;
    if (tag === "INPUT" && (e.key === "ArrowLeft" || e.key === "ArrowRight")) return; // sliders use arrows
    if (tag === "BUTTON" && e.key === " ") return; // the focused button gets its own click
    const fn = keys[e.key];
    if (fn) {
      e.preventDefault();
      fn();
    }
  });
};
