// The engine: the WASM core (../pkg/fineprint.js), loaded once and shared by the checker's modules.
import init, * as engine from '../pkg/fineprint.js';
import { ui } from './page.js';

export { engine };

let ready = null;
/** Load the engine once; later calls get the same promise. Shows the engine's version in the footer. */
export function loadEngine() {
  ready ??= init().then(() => {
    try { ui.version.textContent = globalThis.FinePrintI18n.t('checker_engine_version', engine.version()); } catch { /* optional */ }
  });
  return ready;
}
