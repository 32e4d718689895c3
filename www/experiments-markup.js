// The Experiments tab's markup: its three sections, their fields with a message line each,
// the progress bar. It comes with the tab's modules when the tab first opens, so the page's first
// load does not carry it. A constant of this module, no user data: set as HTML once.

const PANEL = `
<div class="panel-head">
  <h2 id="experiments-title">Experiments: thousands of trainings in seconds</h2>
</div>
<div class="exp-progress" id="exp-progress" hidden>
  <progress id="exp-bar" max="1" value="0" aria-labelledby="exp-progress-text"></progress>
  <span id="exp-progress-text" role="status"></span>
  <button id="exp-cancel">Cancel</button>
</div>
<p id="exp-status" class="exp-status" role="status"></p>

<section class="exp-section" aria-labelledby="sweep-title">
  <h3 id="sweep-title">1. η sweep: which learning rate is best?</h3>
  <p class="explain">One copy of this network per η, all from the same starting weights (seed), trained for the same number of epochs.</p>
  <form class="exp-form" id="sweep-form">
    <div class="field exp-wide">
      <label for="sweep-etas">η values</label>
      <input id="sweep-etas" type="text" autocomplete="off" spellcheck="false" aria-describedby="sweep-etas-message">
      <span id="sweep-etas-message" class="field-message" role="alert"></span>
    </div>
    <div class="field">
      <label for="sweep-epochs">epochs</label>
      <input id="sweep-epochs" type="text" inputmode="numeric" size="7" autocomplete="off" aria-describedby="sweep-epochs-message">
      <span id="sweep-epochs-message" class="field-message" role="alert"></span>
    </div>
    <button id="sweep-run" class="primary" type="submit">Run sweep</button>
  </form>
  <div class="exp-charts" id="sweep-results" hidden>
    <figure>
      <canvas id="sweep-curves" aria-describedby="sweep-curves-said"></canvas>
      <figcaption><strong>E per epoch</strong>, one curve per η (log scales; × where a run diverged). Click a curve or a legend entry to open that η in the main view.
        <span id="sweep-curves-said" class="said"></span></figcaption>
    </figure>
    <figure>
      <canvas id="sweep-valley" aria-describedby="sweep-valley-said"></canvas>
      <figcaption><strong>Final E against η</strong> (log scales) and, where solved, the epoch it was solved at.
        <span id="sweep-valley-said" class="said"></span></figcaption>
    </figure>
  </div>
  <div class="exp-legend" id="sweep-legend" hidden role="group" aria-label="η values of the sweep (open one in the main view)"></div>
</section>

<section class="exp-section" aria-labelledby="seeds-title">
  <h3 id="seeds-title">2. Seeds: how often does this network get stuck?</h3>
  <p class="explain">The same architecture and η from S different starting weights (seeds 0 … S−1), in batch and online mode.
    Solved: every output on its target's side of ½ and E below 0.01 · P / 4 (0.01 for XOR's 4 patterns).</p>
  <form class="exp-form" id="seeds-form">
    <div class="field">
      <label for="seeds-count">seeds S</label>
      <input id="seeds-count" type="text" inputmode="numeric" size="6" autocomplete="off" aria-describedby="seeds-count-message">
      <span id="seeds-count-message" class="field-message" role="alert"></span>
    </div>
    <div class="field">
      <label for="seeds-epochs">epochs</label>
      <input id="seeds-epochs" type="text" inputmode="numeric" size="7" autocomplete="off" aria-describedby="seeds-epochs-message">
      <span id="seeds-epochs-message" class="field-message" role="alert"></span>
    </div>
    <button id="seeds-run" class="primary" type="submit">Run seeds</button>
  </form>
  <div class="seeds-grid">
    <div class="seeds-col" id="seeds-batch"></div>
    <div class="seeds-col" id="seeds-online"></div>
  </div>
</section>

<section class="exp-section" aria-labelledby="land-title">
  <h3 id="land-title">3. Loss landscape: E over two weights</h3>
  <p class="explain">E on a plane through the current weights, along two parameters (all others fixed). Pick them here, or click two edges in the diagram (dashed ones are biases). Press Play to watch the point move.</p>
  <div class="exp-form" id="land-form">
    <div class="field">
      <label for="land-p">across (p)</label>
      <select id="land-p" aria-describedby="land-p-message"></select>
      <span id="land-p-message" class="field-message" role="alert"></span>
    </div>
    <div class="field">
      <label for="land-q">up (q)</label>
      <select id="land-q" aria-describedby="land-q-message"></select>
      <span id="land-q-message" class="field-message" role="alert"></span>
    </div>
    <div class="field">
      <label for="land-span">range ±</label>
      <input id="land-span" type="text" inputmode="decimal" size="5" autocomplete="off" aria-describedby="land-span-message">
      <span id="land-span-message" class="field-message" role="alert"></span>
    </div>
    <div class="field">
      <label for="land-res">resolution</label>
      <select id="land-res"></select>
    </div>
    <button id="land-moved" type="button" title="The two parameters that moved most in the last 100 epochs">Most moved</button>
  </div>
  <p id="land-hint" class="exp-hint" role="status"></p>
  <figure class="land-figure">
    <canvas id="land-canvas" aria-describedby="land-said"></canvas>
    <figcaption><strong>E</strong> on a log colour scale (dark = low E, bright = high) with contour lines; the white line is the training path so far (square: where it started), the orange dot the current weights, the arrow −∇E (downhill).
      <span id="land-said" class="said" aria-live="off"></span></figcaption>
  </figure>
</section>
`;

/** Fills the tab's panel (empty in index.html). */
export const fillExperimentsPanel = (panel) => {
  panel.innerHTML = PANEL;
  panel.setAttribute("aria-labelledby", "experiments-title");
  panel.removeAttribute("aria-label");
};
