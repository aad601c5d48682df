// Progressive enhancement only: every page works without JavaScript. Marks the body as GOV.UK Frontend expects,
// then starts its components. Served from /assets/ so the console's Content-Security-Policy allows no inline script.
import { initAll } from "./govuk-frontend.min.js";

document.body.classList.add("js-enabled");
if ("noModule" in HTMLScriptElement.prototype) {
  document.body.classList.add("govuk-frontend-supported");
  initAll();
}
