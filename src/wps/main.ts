/**
 * main.js of the WPS add-in: its main page (index.html) is what WPS opens when it loads the
 * add-in. It registers the PERF functions (where this WPS has AddCustomFunction) and makes the
 * ribbon callbacks globals, as WPS calls them by the names ribbon.xml gives.
 */
import { wpsGlobals } from './facade';
import { registerPerfFunctions } from './functions';
import { createRibbonCallbacks } from './ribbon';

const found = wpsGlobals();
if (found) registerPerfFunctions(found.wps);

Object.assign(
  globalThis,
  createRibbonCallbacks({
    wps: () => wpsGlobals()?.wps,
    pageUrl: () => document.location.href,
    alert: (message) => globalThis.alert?.(message),
  }),
);
