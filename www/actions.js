// What the buttons and keys do: play, step, reset, scrub, restore, open a link or a file, export —
// each changes the one app state (and the Lab) and marks it dirty; the render loop draws. Every
// error state says why and offers a way forward.

import { installLab } from "./state.js";
import { remeasure } from "./check-view.js";
import { openHash, writeHash, exportModel, exportTrace, exportCsv, exportPng, importModel } from "./sharing.js";
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

/** The Play button shows what pressing it does next. */
const showPlaying = (ui, on) => {
  ui.play.setAttribute("aria-label", on ? "Pause" : "Play");
  ui.play.querySelector(".label").textContent = on ? "Pause" : "Play";
  ui.play.querySelector("[aria-hidden]").textContent = on ? "❚❚" : "▶";
};

/** Builds the actions; `hooks.sync` puts the controls in line with the Lab after a change. */
export const createActions = (state, ui, hooks) => {
  const notice = noticeBar(ui);
  ui.noticeClose.addEventListener("click", () => notice(null));
  const setPlaying = (on) => {
    state.dirty ||= state.playing !== on; // the next frame shows the new state (phase line, timeline)
    state.playing = on;
    showPlaying(ui, on);
  };
  const moved = () => {
    // Training or stepping from a scrubbed-back epoch resumes the run from there.
    state.scrubEpoch = null;
    if (state.lab.phasePattern >= 0) state.mu = state.lab.phasePattern;
    state.dirty = true;
  };
  /**
   * A new or reset network: paused, controls and address in line; true (with a notice that starts
   * with `before`) when it cannot train.
   */
  const afterRebuild = (before) => {
    setPlaying(false);
    notice(null);
    state.scrubEpoch = null;
    state.dirty = true;
    hooks.sync();
    writeHash(state);
    return cannotStart(before);
  };
  const notUsed = (notes) => {
    if (notes.length) notice(`Some of this link's settings were not used: ${notes.join("; ")}.`);
  };
  /** E is already ∞ or NaN before any training: say why and offer a network that works. */
  const cannotStart = (before) => {
    if (!state.lab.diverged || state.lab.epoch > 0) return false;
    notice(
      `${before ?? ""}E = ${fmt(state.lab.error)} before any training: this data set's numbers (or the starting weights) are too large, so E overflows. Training cannot start from here.`,
      { label: "Open XOR (the lecture)", run: actions.openDefault },
    );
    return true;
  };
  const actions = {
    notice,
    setPlaying,
    afterRebuild,
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
    /** Back to this network's starting weights (the seed's, or an imported model's own). */
    reset: () => {
      state.lab.reset();
      afterRebuild();
    },
    /** The lecture's network, when the current one cannot train. */
    openDefault: () => {
      installLab(state, state.wasm.Lab.fromSetup("{}"));
      afterRebuild();
    },
    /** The address changed (edited by hand): open what it asks for, as at start. */
    openLink: (hash) => {
      const notes = openHash(state, hash);
      if (!afterRebuild()) notUsed(notes);
    },
    /** At start, after the page's own link opened: say what it could not use, or why it cannot train. */
    opened: (notes) => {
      if (!cannotStart()) notUsed(notes);
    },
    settingsChanged: () => writeHash(state),
    /** Puts every control (η, mode, data set, seed, architecture) in line with the Lab. */
    syncControls: () => hooks.sync(),
    remeasure: () => remeasure(state),
    /** Training blew up: pause, say when and with which η, offer the last good state. */
    diverged: () => {
      setPlaying(false);
      if (cannotStart()) return;
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
        notice(`Nothing to restore: ${e.message}. Reset starts again from this network's starting weights.`, { label: "Reset", run: actions.reset });
      }
      state.dirty = true;
    },
    /**
     * A file or link the core refused to write, with the way out: the last good state after a
     * divergence (weights that are no longer numbers), else a model file (data too big for a link).
     */
    refused: (what, reason) => notice(
      `No ${what}: ${reason.replace(/\.$/, "")}.`,
      state.lab.diverged && state.lab.epoch > 0
        ? { label: "Restore last good state", run: actions.restore }
        : { label: "Export model", run: actions.exportModel },
    ),
    copyLink: async () => {
      const { url, reason } = writeHash(state, true);
      if (!url) return actions.refused("link", reason);
      try {
        await navigator.clipboard.writeText(url);
        notice("Link copied: it opens this setup with the current weights.");
      } catch {
        notice("The link (with the current weights) is now in the address bar.");
      }
    },
    closeMenu: () => ui.filesMenu.removeAttribute("open"),
    exportModel: () => {
      const why = exportModel(state);
      if (why) actions.refused("model file", why);
    },
    exportTrace: () => exportTrace(state),
    exportCsv: () => exportCsv(state),
    exportPng: () => exportPng(ui),
    importFile: async (file) => {
      if (!file) return;
      setPlaying(false);
      const err = await importModel(state, file);
      if (err) return notice(err);
      if (!afterRebuild(`Opened ${file.name}, but `)) notice(`Opened ${file.name}.`);
    },
  };
  return actions;
};
