// One event: its sentence with the spans marked, every coded field, the merged event it
// belongs to and the reports (documents, outlets) that mention it.

import { get } from "../api.js";
import { codes, dateText, eventSpans, h, marked, modalityText, note, placeText, table, typeChip } from "../dom.js";

const field = (label, value) => [h("dt", {}, label), h("dd", {}, value ?? "")];

export async function render(params, signal) {
  const id = params.get("id");
  if (!id) return note("No event chosen: pick one in the Events view.");
  const d = await get(`/api/events/${encodeURIComponent(id)}`, {}, { signal });
  const e = d.event;
  const m = d.merged;
  const actors = [...(e.source || []).map((a) => ({ side: "source", ...a })), ...(e.target || []).map((a) => ({ side: "target", ...a }))];
  return [
    h("h1", {}, typeChip(e), " ", codes(e.source) || "?", " → ", codes(e.target) || "–"),
    h("blockquote", { class: "sentence", "data-testid": "event-sentence" }, marked(e.sentence, eventSpans(e))),
    h("dl", { class: "fields" },
      field("Date", `${dateText(e)}${e.date_text ? ` from “${e.date_text}”` : ""}`),
      field("PLOVER", [e.plover?.event, e.plover?.mode, (e.plover?.context || []).join(", ")].filter(Boolean).join(" · ")),
      field("CAMEO", e.cameo),
      field("Quad class / Goldstein", `${e.quad_class} / ${e.goldstein}`),
      field("Place", placeText(e.location)),
      field("Modality", modalityText(e)),
      field("Quote", e.quote ? `said by ${e.quote.speaker ? `${e.quote.speaker.text} (${e.quote.speaker.code || "?"})` : "an unnamed speaker"}${e.quote.cue ? `, “${e.quote.cue}”` : ""}` : "no"),
      field("Rule", e.rule),
      field("Confidence", (e.confidence ?? 0).toFixed(2)),
      field("Story", h("a", { href: `#story?doc=${encodeURIComponent(e.doc_id)}&event=${encodeURIComponent(e.event_id)}` }, d.document?.title || e.doc_id)),
    ),
    h("h2", {}, "Actors"),
    table([
      { label: "Side", cell: (a) => a.side },
      { label: "Text", cell: (a) => a.text },
      { label: "Code", cell: (a) => a.code, cls: "code" },
      { label: "Country", cell: (a) => a.country },
      { label: "Sector", cell: (a) => a.sector },
    ], actors, { testid: "event-actors" }),
    h("h2", {}, "Merged event"),
    m ? h("p", {}, `${m.event} on ${m.date || "an unknown date"}${m.last_date && m.last_date !== m.date ? ` to ${m.last_date}` : ""}: `,
      `${m.num_mentions} mentions in ${m.num_articles} articles from ${m.num_sources} outlets`,
      m.outlets?.length ? ` (${m.outlets.join(", ")})` : "", ".")
      : note("Not merged."),
    h("h2", {}, "Reports"),
    table([
      { label: "Outlet", cell: (r) => r.document?.source || "" },
      { label: "Date", cell: (r) => r.document?.date || "", cls: "nowrap" },
      { label: "Story", cell: (r) => h("a", { href: `#story?doc=${encodeURIComponent(r.document?.doc_id || "")}&event=${encodeURIComponent(r.event_id)}` }, r.document?.title || r.document?.doc_id) },
      { label: "Sentence", cell: (r) => r.sentence, cls: "sentence" },
    ], d.reports || [], { testid: "event-reports" }),
  ];
}
