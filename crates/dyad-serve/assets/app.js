// The workbench: one filter bar whose state is the URL, and a view per tab, each drawing
// from the API's aggregates (the browser never holds more than a page or an aggregate).

import { bindForm, current } from "./filters.js";
import { h, replace } from "./dom.js";
import * as events from "./views/events.js";
import * as event from "./views/event.js";
import * as story from "./views/story.js";
import * as timeline from "./views/timeline.js";
import * as network from "./views/network.js";
import * as map from "./views/map.js";
import * as compare from "./views/compare.js";

const VIEWS = { events, event, story, timeline, network, map, compare };
const main = document.getElementById("view");
let running = null;

async function render() {
  const { view, params } = current();
  const module = VIEWS[view] || events;
  for (const a of document.querySelectorAll("#tabs a")) {
    const on = a.dataset.view === view || (view === "event" && a.dataset.view === "events");
    a.classList.toggle("active", on);
    if (on) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  }
  running?.abort();
  const control = new AbortController();
  running = control;
  replace(main, h("p", { class: "note loading" }, "Loading…"));
  main.dataset.view = view;
  main.removeAttribute("data-ready");
  try {
    const content = await module.render(params, control.signal);
    if (control.signal.aborted) return;
    replace(main, content);
  } catch (e) {
    if (e.name === "AbortError") return;
    replace(main, h("p", { class: "error", role: "alert" }, e.message || String(e)));
  }
  // tests and screen readers know the view has drawn
  main.dataset.ready = view;
}

bindForm(document.getElementById("filters"));
window.addEventListener("hashchange", render);
render();
