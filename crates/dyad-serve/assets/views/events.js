// Events: a page of event mentions with the sentence's actor, trigger and recipient marked;
// newest first by default, paged by the API's cursor; a row opens the event.

import { get } from "../api.js";
import { codes, dateText, eventSpans, h, marked, modalityText, note, placeText, table, typeChip } from "../dom.js";
import { filterValues, go, update } from "../filters.js";

// cursors of the pages before this one, per query, so that "Previous" works without the server
const history = new Map();

const COLUMNS = [
  { key: "date", label: "Date", cell: (e) => dateText(e), sort: (e) => e.date || "", cls: "nowrap" },
  { key: "type", label: "Type", cell: typeChip, sort: (e) => e.plover?.event || "" },
  { key: "source", label: "Source", cell: (e) => codes(e.source), sort: (e) => codes(e.source), cls: "code" },
  {
    key: "sentence", label: "Sentence (source, trigger, target marked)", cls: "sentence",
    cell: (e) => h("span", {}, marked(e.sentence, eventSpans(e))),
  },
  { key: "target", label: "Target", cell: (e) => codes(e.target), sort: (e) => codes(e.target), cls: "code" },
  { key: "place", label: "Place", cell: (e) => placeText(e.location), sort: (e) => e.location?.name || "" },
  { key: "modality", label: "Modality", cell: modalityText, sort: modalityText },
  { key: "confidence", label: "Conf.", cell: (e) => (e.confidence ?? 0).toFixed(2), sort: (e) => e.confidence ?? 0, cls: "num" },
  {
    key: "doc", label: "Story", cls: "nowrap",
    cell: (e) => h("a", { href: `#story?doc=${encodeURIComponent(e.doc_id)}&event=${encodeURIComponent(e.event_id)}` }, e.doc_id),
    sort: (e) => e.doc_id,
  },
];

export async function render(params, signal) {
  const order = params.get("order") || "newest";
  const cursor = params.get("cursor") || "";
  const sort = params.get("sort");
  const dir = params.get("dir") === "desc" ? -1 : 1;
  const query = { ...filterValues(params), order, limit: 100, cursor };
  const page = await get("/api/events", query, { signal });
  const key = JSON.stringify({ ...filterValues(params), order });
  const before = history.get(key) || [];
  let rows = page.events;
  if (sort && sort !== "date") {
    const col = COLUMNS.find((c) => c.key === sort);
    if (col?.sort) rows = [...rows].sort((a, b) => (col.sort(a) > col.sort(b) ? dir : col.sort(a) < col.sort(b) ? -dir : 0));
  }
  const columns = COLUMNS.map((c) => ({
    ...c,
    label: c.sort ? h("button", {
      type: "button", class: "sort",
      title: c.key === "date" ? "newest or oldest first (whole store)" : "sort this page",
      onclick: () => {
        if (c.key === "date") update({ order: order === "newest" ? "oldest" : "newest", cursor: null, sort: null, dir: null });
        else update({ sort: c.key, dir: sort === c.key && dir === 1 ? "desc" : "asc" });
      },
    }, c.label, c.key === "date" ? (order === "newest" ? " ↓" : " ↑") : sort === c.key ? (dir === 1 ? " ↑" : " ↓") : "") : c.label,
  }));
  const pager = h("nav", { class: "pager", "aria-label": "Pages" },
    h("button", {
      type: "button", disabled: !cursor,
      onclick: () => {
        const prev = before.pop();
        history.set(key, before);
        update({ cursor: prev || null });
      },
    }, "◀ Previous"),
    h("span", {}, `${page.events.length} events on this page${cursor ? "" : " (first page)"}`),
    h("button", {
      type: "button", disabled: !page.next,
      onclick: () => {
        before.push(cursor);
        history.set(key, before);
        update({ cursor: page.next });
      },
    }, "Next ▶"),
  );
  // the same filters, exported by the store (streamed): every matching row, not this page
  const exportQuery = new URLSearchParams(filterValues(params));
  const download = (format, label) => {
    const q = new URLSearchParams(exportQuery);
    q.set("format", format);
    return h("a", { href: `/api/export?${q}`, download: "" }, label);
  };
  return [
    h("h1", {}, "Events"),
    h("p", { class: "lede" }, "Each row is one event mention: who did what to whom, in the sentence that says so. Click a row for its evidence, merged reports and outlets."),
    page.events.length
      ? table(columns, rows, { testid: "events-table", onRow: (e) => go("event", { id: e.event_id }) })
      : note("No event matches these filters."),
    pager,
    h("p", { class: "downloads", "data-testid": "downloads" }, "Download every matching event: ",
      download("csv", "CSV"), " · ", download("jsonl", "JSON lines"), " · ", download("plover", "PLOVER JSON"), " · ",
      download("parquet", "Parquet"), " · ", download("gdelt", "GDELT events"), " · ", download("acled", "ACLED-style")),
  ];
}

