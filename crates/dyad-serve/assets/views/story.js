// Story: a stored document's text with its events marked inline (actor, trigger, recipient),
// beside the list of those events; without a document, the stored documents, newest first.

import { get } from "../api.js";
import { codes, dateText, eventSpans, h, marked, modalityText, note, placeText, table, typeChip } from "../dom.js";
import { go, update } from "../filters.js";

async function documents(params, signal) {
  const page = await get("/api/documents", { limit: 50, cursor: params.get("cursor") }, { signal });
  return [
    h("h1", {}, "Stories"),
    h("p", { class: "lede" }, "The stored documents. Open one to read it with its coded events marked in the text."),
    page.documents.length
      ? table([
        { label: "Date", cell: (d) => d.date || "", cls: "nowrap" },
        { label: "Title", cell: (d) => h("a", { href: `#story?doc=${encodeURIComponent(d.id)}` }, d.title || d.id) },
        { label: "Outlet", cell: (d) => d.source || "" },
        { label: "Events", cell: (d) => d.events, cls: "num" },
      ], page.documents, { testid: "documents-table", onRow: (d) => go("story", { doc: d.id }) })
      : note("The store holds no documents yet: `dyad ingest --store FILE stories.jsonl`."),
    h("nav", { class: "pager" },
      h("button", { type: "button", disabled: !params.get("cursor"), onclick: () => update({ cursor: null }) }, "◀ First"),
      h("button", { type: "button", disabled: !page.next, onclick: () => update({ cursor: page.next }) }, "Next ▶")),
  ];
}

export async function render(params, signal) {
  const id = params.get("doc");
  if (!id) return documents(params, signal);
  const d = await get(`/api/documents/${encodeURIComponent(id)}`, {}, { signal });
  const chosen = params.get("event");
  const spans = [];
  const unplaced = [];
  d.events.forEach(({ event: e, sentence_offset: at }, i) => {
    if (at == null) { unplaced.push(e); return; }
    spans.push(...eventSpans(e, at, { event: String(i) }));
  });
  const text = h("div", { class: "story-text", "data-testid": "story-text" }, marked(d.text, spans));
  // a mark and its event's card point at each other
  const cards = d.events.map(({ event: e, sentence_offset: at }, i) => h("li", {
    class: `event-card${e.event_id === chosen ? " chosen" : ""}`, id: `ev-${i}`, "data-event": String(i),
  },
  h("div", {}, typeChip(e), " ", h("strong", { class: "code" }, codes(e.source) || "?"), " → ", h("strong", { class: "code" }, codes(e.target) || "–")),
  h("div", { class: "meta" }, [dateText(e), placeText(e.location), modalityText(e), `confidence ${(e.confidence ?? 0).toFixed(2)}`].filter(Boolean).join(" · ")),
  h("div", { class: "meta" }, h("a", { href: `#event?id=${encodeURIComponent(e.event_id)}` }, "evidence"), at == null ? " (sentence not found in the text)" : "")));
  const list = h("ol", { class: "event-cards", "data-testid": "story-events" }, cards);
  const focus = (i) => {
    for (const el of text.querySelectorAll("mark.on")) el.classList.remove("on");
    for (const el of list.querySelectorAll("li.on")) el.classList.remove("on");
    for (const el of text.querySelectorAll(`mark[data-event="${i}"]`)) el.classList.add("on");
    list.querySelector(`#ev-${i}`)?.classList.add("on");
  };
  text.addEventListener("click", (ev) => {
    const m = ev.target.closest("mark[data-event]");
    if (m) { focus(m.dataset.event); list.querySelector(`#ev-${m.dataset.event}`)?.scrollIntoView({ block: "nearest" }); }
  });
  list.addEventListener("mouseover", (ev) => {
    const li = ev.target.closest("li[data-event]");
    if (li) focus(li.dataset.event);
  });
  const i = d.events.findIndex(({ event: e }) => e.event_id === chosen);
  if (i >= 0) setTimeout(() => { focus(String(i)); text.querySelector(`mark[data-event="${i}"]`)?.scrollIntoView({ block: "center" }); }, 0);
  return [
    h("p", {}, h("a", { href: "#story" }, "◀ All stories")),
    h("h1", {}, d.title || d.id),
    h("p", { class: "meta" }, [d.source, d.date, `version ${d.version}`].filter(Boolean).join(" · "), " ",
      d.url ? h("a", { href: d.url, rel: "noopener noreferrer", target: "_blank" }, "original") : null),
    h("p", { class: "legend" }, h("mark", { class: "src" }, "source"), " ", h("mark", { class: "trg" }, "trigger"), " ", h("mark", { class: "tgt" }, "target"),
      ` · ${d.events.length} events`),
    h("div", { class: "story" }, text, h("aside", {}, d.events.length ? list : note("No events were coded in this document."))),
  ];
}
