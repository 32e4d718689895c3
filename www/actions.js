// What the buttons and keys do: play, step, reset, scrub, restore, import/export — each changes the
// one app state (and the Lab) and marks it dirty; the render loop draws.

import { rebuild } from "./state.js";
import { remeasure } from "./check-view.js";
import { writeHash, exportModel, exportTrace, exportCsv, exportPng, importModel } from "./sharing.js";
import { fmt } from "./util.js";

/** The notice bar: a message and, optionally, one action button. */
const noticeBar = (ui) => (text, action) => {
  ui.notice.hidden = !text;
  ui.noticeText.textContent = text ?? "";
  ui.noticeAction.hidden = !action;
  if (action) {
    ui.noticeAction.textContent = action.label;
    ui.noticeAction.onclick = action.run;
  }
};

/** Builds the actions; `sync` puts the controls in line with the state after a rebuild. */
export const createActions = (state, ui, hooks) => {
  const notice = noticeBar(ui);
  ui.noticeClose.addEventListener("click", () => notice(null));
  const setPlaying = (on) => {
    state.dirty ||= state.playing !== on; // the next frame shows the new state (phase line, timeline)
    state.playing = on;
    ui.play.setAttribute("aria-label", on ? "Pause" : "Play");
    ui.play.querySelector(".label").textContent = on ? "Pause" : "Play";
    ui.play.querySelector("[aria-hidden]").textContent = on ? "❚❚" : "▶";
  };
  const moved = () => {
    // Training or stepping from a scrubbed-back epoch resumes the run from there.
    state.scrubEpoch = null;
    if (state.lab.phasePattern >= 0) state.mu = state.lab.phasePattern;
    state.dirty = true;
  };
  const afterRebuild = () => {
    setPlaying(false);
    notice(null);
    state.scrubEpoch = null;
    hooks.sync();
    writeHash(state);
  };
  const actions = {
    notice,
    setPlaying,
    play: () => {
      if (state.lab.diverged) return actions.diverged();
      setPlaying(true);
      moved();
    },
    pause: () => setPlaying(false),
    togglePlay: () => (state.playing ? actions.pause() : actions.play()),
    step: () => {
      setPlaying(false);
      state.lab.step();
      moved();
    },
    stepBack: () => {
      setPlaying(false);
      if (!state.lab.stepBack()) notice("Nothing to go back to: Previous step undoes the steps taken with Next step.");
      else notice(null);
      moved();
    },
    stepEpoch: () => {
      setPlaying(false);
      const epoch = state.lab.epoch;
      for (let k = 0; k < 1e5 && state.lab.epoch === epoch; k++) state.lab.step();
      moved();
    },
    reset: () => {
      rebuild(state, state.setup);
      afterRebuild();
    },
    afterRebuild,
    settingsChanged: () => writeHash(state),
    legends: hooks.legends,
    remeasure: () => remeasure(state),
    /** Training blew up: pause, say when and with which η, offer the last good state. */
    diverged: () => {
      setPlaying(false);
      notice(
        `Training diverged at epoch ${state.lab.epoch} with η = ${fmt(state.lab.learningRate, 3)}: E or a weight is no longer a finite number. Lower η, then restore or reset.`,
        { label: "Restore last good state", run: actions.restore },
      );
      state.dirty = true;
    },
    restore: () => {
      try {
        const epoch = state.lab.restoreLastGood();
        state.scrubEpoch = epoch;
        notice(`Restored epoch ${epoch} (E = ${fmt(state.lab.error, 4)}). Lower η before you press Play again.`);
      } catch (e) {
        notice(`${e.message}. Press Reset to start again from the seed.`);
      }
      state.dirty = true;
    },
    copyLink: async () => {
      const url = writeHash(state, true);
      if (!url) return notice("This network's data set came from a file, so it cannot travel in a link: use Export model.");
      try {
        await navigator.clipboard.writeText(url);
        notice("Link copied: it opens this setup with the current weights.");
      } catch {
        notice("The link (with the current weights) is now in the address bar.");
      }
    },
    closeMenu: () => ui.filesMenu.removeAttribute("open"),
    exportModel: () => exportModel(state),
    exportTrace: () => exportTrace(state),
    exportCsv: () => exportCsv(state),
    exportPng: () => exportPng(ui),
    importFile: async (file) => {
      if (!file) return;
      setPlaying(false);
      const err = await importModel(state, file);
      if (err) return notice(err);
      afterRebuild();
      notice(`Opened ${file.name}.`);
    },
  };
  return actions;
};
