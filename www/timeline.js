// The timeline scrubber: every kept epoch of the run (the last 10 000 one by one, older ones
// thinned). Dragging it shows that epoch's network; training resumes from there.

/** Puts the scrubber in line with the run (cheap enough to call a few times a second). */
export const syncTimeline = (ui, state) => {
  const epochs = state.lab.timelineEpochs();
  state.timeline = epochs;
  ui.scrub.max = String(epochs.length - 1);
  const at = state.scrubEpoch ?? state.lab.epoch;
  let k = epochs.length - 1;
  while (k > 0 && epochs[k] > at) k--;
  ui.scrub.value = String(k);
  const whole = (v) => v.toLocaleString("en-US");
  ui.scrubLabel.textContent = state.scrubEpoch == null ? `epoch ${whole(at)} (now)` : `epoch ${whole(at)} of ${whole(epochs.at(-1))}`;
  ui.resume.hidden = state.scrubEpoch == null;
};

/** Wires the scrubber: dragging pauses and shows the chosen epoch; Resume trains on from it. */
export const setupTimeline = (ui, state, actions) => {
  ui.scrub.addEventListener("input", () => {
    actions.pause();
    const epoch = state.timeline?.[Number(ui.scrub.value)];
    if (epoch == null) return;
    state.lab.scrubTo(epoch);
    state.scrubEpoch = epoch;
    state.dirty = true;
  });
  ui.resume.addEventListener("click", () => actions.play());
};
