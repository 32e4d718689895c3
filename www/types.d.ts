// Globals the page's modules declare for the type check (`npx tsc -p tsconfig.json`); the page
// never loads this file.

interface Window {
  /** The one app state, set by www/main.js once the page has started, on pages opened as `?test` only. */
  backpropLab?: import("./state.js").State;
}
