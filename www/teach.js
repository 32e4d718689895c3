// Blackboards 2.2a–c. "Derive a weight": Steps 1–3 for w_ij^(n) and pattern μ with the
// core's numbers (lab.derive), δ = Σ over every path from a_i^(n) to E of Π (g′, w, ŷ − t).
// "Quiz me": Next step first asks for the number it computes (lab.quizQuestion), Check
// (Lab.quizCheck) steps, a wrong answer shows the hint. Play skips the quiz.

import { sym, eq, title, terms, typesetter } from "./formulas.js";
import { weightAt } from "./state.js";
import { el, fmt } from "./util.js";
import { sub, sup, wIndex } from "./network-layout.js";

const $ = (id) => document.getElementById(id);

/** w_ij^(n) (j = −1: the bias b_i^(n)) as text, and typeset. */
const text = ({ n, i, j }) => `${j < 0 ? "b" : "w"}${sub(j < 0 ? i + 1 : wIndex(i, j))}${sup(n)}`;
const wSym = ({ n, i, j }) => sym(j < 0 ? "b" : "w", j < 0 ? i + 1 : wIndex(i, j), `(${n})`);

/** Where the stepper stands: a question asked here is dropped once this changes (Play, Previous step, Reset, an edit). */
const where = ({ lab, labId, dataVersion }) => `${labId}|${dataVersion}|${lab.epoch}|${lab.undoDepth}|${lab.phaseKind}|${lab.learningRate}|${lab.mode}`;

/** Step 1: ŷ = g^(L)[Σ_k w_ok^(L) g^(L−1)[… w_ij^(n) x_j^(n−1) + …]], the weight's term underlined. */
const nested = (s, w) => {
  // The output: ŷ_o, any of several (the weight's own i when it is in the output layer), or ŷ.
  const o = w.n === s.L ? w.i + 1 : "o";
  const out = [s.sizes[s.L] > 1 ? sym("ŷ", o) : "ŷ", " = "];
  const ends = [];
  let up = s.sizes[s.L] > 1 ? o : "1";
  for (let l = s.L; l > w.n; l--) {
    const last = l - 1 === w.n; // the sum over layer n has one term on the paths: neuron i's
    const k = last ? w.i + 1 : "klmp"[s.L - l];
    out.push("g", el("sup", {}, `(${l})`), "[", last ? "" : ["Σ", el("sub", {}, k), " "], sym("w", up + k, `(${l})`), " ");
    ends.unshift(last ? " + …]" : "]");
    up = k;
  }
  const x = w.j < 0 ? "" : [" ", sym("x", w.j + 1, `(${w.n - 1})`)];
  return [...out, "g", el("sup", {}, `(${w.n})`), "[", el("span", { class: "path" }, wSym(w), x), " + …]", ...ends];
};

/** Steps 1–3 for derivation `d` of weight `w` (∂E/∂w = `grad`). */
const steps = (s, d, w, grad) => {
  const { num, res } = typesetter();
  const { p } = d;
  const I = w.i + 1;
  const a = () => sym("a", I, `(${w.n})`);
  const delta = () => el("span", { class: "d" }, sym("δ", I, `(${w.n})`));
  const x = () => sym("x", w.j + 1, `(${w.n - 1})`);
  const batch = s.mode === "batch";
  return [
    title(`Step 1 · intermediate variables a, x, δ (pattern μ = ${s.mu + 1})`),
    eq(...nested(s, w)),
    eq(a(), " = ", num(p.a), ",  ", x(), " = ", num(p.x), ",  ", delta(), " = ∂Ẽ(μ)/∂", a()),
    title("Step 2 · the update in these variables"),
    eq("∂Ẽ(μ)/∂", wSym(w), " = ∂Ẽ/∂", a(), " · ∂", a(), "/∂", wSym(w), " = ", delta(), " ", x(), " = ", num(p.delta), " · ", num(p.x), " = ", res(p.grad)),
    batch ? eq("∂E/∂", wSym(w), " = Σ", el("sub", {}, "μ"), " ", delta(), " ", x(), " = ", d.mu < 0 ? [...terms(d.patterns.map((q) => [num(q.grad)])), " = "] : "", res(grad)) : "",
    eq("Δ", wSym(w), " = −η ∂E/∂", wSym(w), " = −", num(d.eta), " · ", num(grad), " = ", res(-d.eta * grad), batch ? "" : "  (online: this pattern's)"),
    title(`Step 3 · chain rule: ${p.pathCount > 1 ? `all ${p.pathCount} paths` : "the one path"} from a${sub(I)}${sup(w.n)} to E, lit on the diagram`),
    eq(delta(), w.n < s.L ? [" = g′(", a(), ") Σ", el("sub", {}, "k"), " ", sym("w", `k${I}`, `(${w.n + 1})`), " ", sym("δ", "k", `(${w.n + 1})`)] : "",
      " = Σ", el("sub", {}, "paths"), " g′ · w · … · (ŷ − t)"),
    // The result first, so a projector shows it whatever the number of paths; then the largest paths.
    el("div", { class: "eq sum" }, "Σ", el("sub", {}, "paths"), " = ", res(p.pathSum), " = ", delta(), " by backprop = ", res(p.delta),
      Number.isFinite(p.delta) && fmt(p.pathSum, 4) === fmt(p.delta, 4) ? "  ✓" : ""),
    ...p.paths.slice(0, 3).map((path) => eq(
      el("span", { class: "title" }, `${path.nodes.map(([n, i]) => `a${sub(i + 1)}${sup(n)}`).join(" → ")} → E: `),
      path.factors.flatMap((f, k) => [k ? " · " : "", num(f.value)]), " = ", num(path.product),
    )),
    p.pathCount > 3 ? title(`+ ${p.pathCount - 3} more paths (the largest shown)`) : "",
  ];
};

/** The Derive view and the quiz: wires their controls (Next step asks first); returns what the render loop calls. */
export const setupTeach = (state, actions) => {
  const t = state.teach;
  const quiz = t.quiz;
  const [view, formula, box, line, row, msg, hint, score] =
    ["derive", "formula", "quiz", "quiz-q", "quiz-ask", "quiz-msg", "quiz-hint", "quiz-score"].map($);
  const menu = /** @type {HTMLSelectElement} */ ($("derive-weight"));
  const answer = /** @type {HTMLInputElement} */ ($("quiz-answer"));
  const say = (text) => (line.textContent = text);
  const invalid = (text = "") => {
    msg.textContent = text;
    answer.toggleAttribute("aria-invalid", !!text);
  };
  const step = actions.step;
  /**
   * Counts the question (right only at the first try); then asks its follow-up (after a: x = g(a), the same step's
   * other number) or takes the step that reveals them. A diverged truth comes as text ("NaN", "Infinity").
   */
  const finish = (right) => {
    const q = quiz.q;
    quiz.asked++;
    quiz.right += right && !q.wrong;
    const told = `${right ? "Right" : "Revealed"}: ${q.symbol} = ${fmt(Number(q.truth), 4)}.`;
    if (q.then) {
      quiz.q = { ...q, ...q.then, then: null, wrong: false };
      answer.value = hint.textContent = "";
      say(`${told} The same step computes ${quiz.q.symbol} too. What is it?`);
      state.dirty = true; // the score line
      return answer.focus();
    }
    quiz.q = null;
    step();
    say(told);
  };
  actions.step = () => {
    if (!quiz.on) return step();
    actions.setPlaying(false);
    if (!quiz.q) {
      // The selected neuron or edge [n, i, j] (n = 0: none; the core then picks neuron 1 of the phase's layer).
      const f = state.selected;
      const q = state.lab.quizQuestion(quiz.kinds, ...(f?.n > 0 ? [f.n, f.i, f.j ?? 0] : [0, 0, 0]));
      if (!q) return step();
      quiz.q = JSON.parse(q);
      quiz.key = where(state);
      if (quiz.q.mu >= 0) state.mu = quiz.q.mu;
      say(`Next step computes ${quiz.q.symbol}${quiz.q.mu >= 0 && quiz.q.quantity !== "E" ? ` for pattern μ = ${quiz.q.mu + 1}` : ""}. What is it?`);
      answer.value = "";
      hint.hidden = row.hidden = false;
      hint.textContent = "";
      state.dirty = true;
    }
    answer.focus();
  };
  const check = () => {
    let r;
    try {
      r = JSON.parse(state.wasm.Lab.quizCheck(answer.value, quiz.q.truth));
    } catch (e) {
      return invalid(e.message); // unreadable: said next to the field, nothing changes
    }
    if (r.right) return finish(true);
    quiz.q.wrong = true;
    hint.textContent = `Not ${answer.value.trim()}. Hint: ${quiz.q.hint}. Try again, or Reveal.`;
  };
  $("quiz-me").addEventListener("click", (e) => {
    quiz.on = !quiz.on;
    quiz.q = null;
    /** @type {HTMLElement} */ (e.currentTarget).setAttribute("aria-pressed", quiz.on);
    box.hidden = !quiz.on;
    say("Press Next step: first it asks for the number the step computes.");
    state.dirty = true;
  });
  $("quiz-check").addEventListener("click", () => quiz.q && check());
  answer.addEventListener("keydown", (e) => e.key === "Enter" && quiz.q && check());
  answer.addEventListener("input", () => invalid());
  $("quiz-reveal").addEventListener("click", () => quiz.q && finish(false));
  $("quiz-kinds").addEventListener("change", (e) => {
    quiz.kinds = /** @type {HTMLSelectElement} */ (e.target).value;
    if (quiz.q) say("Press Next step: it asks again, about the kind chosen."); // a waiting question of another kind goes
    quiz.q = null;
    state.dirty = true;
  });
  $("derive-toggle").addEventListener("click", (e) => {
    const on = (t.derive = !t.derive);
    /** @type {HTMLElement} */ (e.currentTarget).setAttribute("aria-pressed", String(on));
    $("derive-pick").hidden = !on;
    document.body.classList.toggle("deriving", on); // the projector widens the explanation's column
    state.dirty = true;
  });
  menu.addEventListener("change", () => {
    const [n, i, j] = menu.value.split(",").map(Number);
    state.selected = { kind: "edge", n, i, j };
    state.dirty = true;
  });
  return {
    /**
     * Before the diagram: the derivation of the selected edge (else the last, else the notes' w_23^(1)
     * or w_11^(1)) for μ, in batch mode for all (≤ 12) patterns; none while a quiz question waits.
     */
    derive: (s) => {
      if (!t.derive || state.check.active || quiz.q) {
        t.derived = null;
        return;
      }
      const e = state.selected;
      if (e?.kind === "edge") t.w = { n: e.n, i: e.i, j: e.j };
      const w = t.w;
      if (!w || w.n > s.L || w.i >= s.sizes[w.n] || w.j >= s.sizes[w.n - 1]) t.w = s.sizes[0] > 2 && s.sizes[1] > 1 ? { n: 1, i: 1, j: 2 } : { n: 1, i: 0, j: 0 };
      // While training plays, a derivation that took more than 4 ms (thousands of paths) is redone at most 4 times a
      // second, so the page keeps its frame rate; paused, every change shows at once.
      const key = `${t.w.n},${t.w.i},${t.w.j},${s.mu},${s.mode},${s.sizes}`;
      const now = performance.now();
      if (state.playing && t.derived && t.derivedKey === key && t.cost > 4 && now - t.at < 250) return;
      // JSON has no NaN or ±∞: the core writes them as null, read back as NaN (shown as such, never as a number).
      const d = JSON.parse(state.lab.derive(t.w.n, t.w.i, t.w.j, s.mode === "batch" && s.P <= 12 ? -1 : s.mu), (k, v) => (v === null ? NaN : v));
      d.p = d.patterns.find((p) => p.mu === s.mu) ?? d.patterns[0];
      Object.assign(t, { derived: d, derivedKey: key, at: now, cost: performance.now() - now });
    },
    /** After the diagram: the quiz, and the Derive view in the formula panel's place (true when shown). */
    draw: (s) => {
      if (quiz.q && (state.playing || quiz.key !== where(state))) {
        quiz.q = null;
        say(state.playing ? "Quizzing pauses while training plays." : "Press Next step: it asks again.");
        state.dirty = true;
      }
      row.hidden = hint.hidden = !quiz.q;
      score.textContent = `Score: ${quiz.right} of ${quiz.asked} right at the first try`;
      const d = t.derived;
      view.hidden = !d;
      formula.hidden = !!d;
      if (!d) return false;
      const { w } = t;
      const shape = s.sizes.join("-");
      if (menu.dataset.shape !== shape) {
        menu.dataset.shape = shape;
        const options = [];
        for (let n = 1; n <= s.L; n++)
          for (let i = 0; i < s.sizes[n]; i++)
            for (let j = -1; j < s.sizes[n - 1]; j++) options.push(el("option", { value: `${n},${i},${j}` }, text({ n, i, j })));
        menu.replaceChildren(...options);
      }
      if (menu.value !== `${w.n},${w.i},${w.j}`) menu.value = `${w.n},${w.i},${w.j}`;
      // ∂E/∂w over all patterns: the core's sum, or the gradient at the current weights.
      const grad = d.mu < 0 ? d.grad : s.mode === "batch" ? weightAt(s, { [w.n]: state.lab.gradient(w.n) }, w.n, w.i, w.j) : d.p.grad;
      view.replaceChildren(...steps(s, d, w, grad));
      return true;
    },
  };
};
