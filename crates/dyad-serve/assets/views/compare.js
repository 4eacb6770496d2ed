// Compare: the founding story's question for any two conflicts: who calls for a ceasefire or
// settlement concerning A while arming, backing or cooperating militarily with a side in B,
// with the evidence rows side by side.

import { get } from "../api.js";
import { h, note, table } from "../dom.js";
import { update } from "../filters.js";

const evidence = (rows, testid) => table([
  { label: "Date", cell: (r) => r.date || "undated", cls: "nowrap" },
  { label: "Type", cell: (r) => h("span", { class: "chip" }, r.event, h("small", {}, ` ${r.cameo || ""}`)) },
  { label: "Sentence", cell: (r) => h("a", { href: `#event?id=${encodeURIComponent(r.event_id)}`, class: "plain" }, r.sentence), cls: "sentence" },
  { label: "Story", cell: (r) => h("a", { href: `#story?doc=${encodeURIComponent(r.doc_id)}&event=${encodeURIComponent(r.event_id)}` }, r.doc_id), cls: "nowrap" },
], rows, { testid });

export async function render(params, signal) {
  const a = (params.get("a") || "AZE").toUpperCase();
  const b = (params.get("b") || "UKR").toUpperCase();
  const since = params.get("since");
  const until = params.get("until");
  const answer = await get("/api/compare", { a, b, since, until }, { signal });
  const form = h("form", {
    class: "controls", onsubmit: (ev) => {
      ev.preventDefault();
      const f = ev.target.elements;
      update({ a: f.a.value.trim(), b: f.b.value.trim() });
    },
  },
  h("label", {}, "Conflict A ", h("input", { name: "a", value: a, size: 10, pattern: "[A-Za-z0-9]{1,24}", title: "country or actor code prefix, e.g. AZE or ARM" })),
  h("label", {}, "Conflict B ", h("input", { name: "b", value: b, size: 10, pattern: "[A-Za-z0-9]{1,24}", title: "country or actor code prefix, e.g. UKR" })),
  h("button", { type: "submit" }, "Compare"),
  h("button", { type: "button", onclick: () => update({ a: b, b: a }) }, "Swap"));
  return [
    h("h1", {}, "Compare two conflicts"),
    h("p", { class: "lede" }, `Who calls for a ceasefire or settlement concerning ${a}, while supplying arms to, backing or cooperating militarily with a party in ${b}? (Dates from the filter bar apply.)`),
    form,
    answer.actors.length
      ? h("p", { class: "summary", "data-testid": "compare-summary" }, `${answer.actors.length} actor${answer.actors.length > 1 ? "s" : ""}: ${answer.actors.map((x) => x.actor).join(", ")}`)
      : note(`No actor in the store both calls for peace concerning ${a} and arms or backs a side in ${b}.`),
    answer.actors.map((x) => h("section", { class: "comparison", "data-testid": "compare-actor" },
      h("h2", { class: "code" }, x.actor),
      h("div", { class: "two" },
        h("div", {}, h("h3", {}, `Calls for peace concerning ${a} (${x.peace.length})`), evidence(x.peace, "compare-peace")),
        h("div", {}, h("h3", {}, `Arms or backs a party in ${b} (${x.arms.length})`), evidence(x.arms, "compare-arms"))))),
  ];
}
