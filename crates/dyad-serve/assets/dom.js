// Building the page from data without ever parsing data as HTML: every string becomes a text
// node or an attribute value, so a stored document's `<script>` is shown, never run.

/** An element with attributes (`on*` are listeners) and children (strings become text). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "href") el.setAttribute(k, safeHref(v));
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

/** Appends children (nodes, strings, numbers, nested arrays; null skipped). */
export function append(el, children) {
  for (const c of [children].flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Links go to the app's own views or to http(s) pages: never `javascript:` or `data:`. */
export function safeHref(v) {
  const s = String(v);
  if (s.startsWith("#") || s.startsWith("/")) return s;
  try {
    const u = new URL(s);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : "#";
  } catch {
    return "#";
  }
}

/** Replaces an element's content. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/**
 * Text with spans marked: `spans` are `{start, end, cls, title}` in Unicode scalar values (as
 * dyad's offsets are), possibly overlapping; each stretch of text is one text node, wrapped in
 * a `<mark>` carrying the classes of the spans over it.
 */
export function marked(text, spans) {
  const chars = Array.from(text ?? "");
  const cuts = new Set([0, chars.length]);
  const ok = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end)
    && s.start >= 0 && s.end <= chars.length && s.start < s.end);
  for (const s of ok) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = chars.slice(a, b).join("");
    const over = ok.filter((s) => s.start <= a && s.end >= b);
    if (!over.length) { out.push(piece); continue; }
    const m = h("mark", {
      class: [...new Set(over.map((s) => s.cls))].join(" "),
      title: over.map((s) => s.title).filter(Boolean).join("\n") || null,
    }, piece);
    for (const s of over) if (s.data) for (const [k, v] of Object.entries(s.data)) m.dataset[k] = v;
    out.push(m);
  }
  return out;
}

/** The spans of an event record's actors and trigger, shifted by `offset`. */
export function eventSpans(e, offset = 0, data = null) {
  const spans = [];
  const add = (span, cls, title) => {
    if (Array.isArray(span) && span.length === 2) {
      spans.push({ start: span[0] + offset, end: span[1] + offset, cls, title, data });
    }
  };
  for (const a of e.source || []) add(a.span, "src", `source ${a.code || "?"}: ${a.text}`);
  for (const a of e.target || []) add(a.span, "tgt", `target ${a.code || "?"}: ${a.text}`);
  if (e.trigger) add(e.trigger.span, "trg", `${e.plover?.event || ""} ${e.cameo || ""}: ${e.trigger.text}`);
  return spans;
}

/** A table: `columns` are `{label, cell(row) -> node|string, sort?(row) -> value}`. */
export function table(columns, rows, { testid, onRow } = {}) {
  const head = h("tr", {}, columns.map((c) => h("th", { scope: "col", class: c.cls }, c.label)));
  const body = h("tbody", {}, rows.map((r) => {
    const tr = h("tr", { class: onRow ? "clickable" : null }, columns.map((c) => h("td", { class: c.cls }, c.cell(r))));
    if (onRow) {
      tr.tabIndex = 0;
      tr.addEventListener("click", (ev) => { if (!ev.target.closest("a")) onRow(r); });
      tr.addEventListener("keydown", (ev) => { if (ev.key === "Enter") onRow(r); });
    }
    return tr;
  }));
  return h("div", { class: "table-wrap" }, h("table", { "data-testid": testid }, h("thead", {}, head), body));
}

/** `RUSGOV, UKR` from an actor list. */
export const codes = (actors) => (actors || []).map((a) => a.code || a.text).join(", ");

/** A small label for a PLOVER type, coloured by quad class. */
export function typeChip(e) {
  return h("span", { class: `chip q${e.quad_class ?? 0}`, title: `quad class ${e.quad_class}, Goldstein ${e.goldstein}` },
    e.plover?.event || e.event || "?", e.cameo ? h("small", {}, ` ${e.cameo}`) : null);
}

/** The event's date with its precision when coarser than a day. */
export function dateText(e) {
  if (!e.date) return "undated";
  return e.date_precision && e.date_precision !== "day" ? `${e.date} (${e.date_precision})` : e.date;
}

/** The event's modality, with negation. */
export function modalityText(e) {
  return e.negated ? "denied" : (e.modality || "");
}

/** The location as text. */
export function placeText(loc) {
  if (!loc) return "";
  return [loc.name, loc.country && loc.country !== loc.name ? loc.country : null].filter(Boolean).join(", ")
    + (loc.precision ? ` (${loc.precision})` : "");
}

/** A message in place of a view's content. */
export function note(text, cls = "note") {
  return h("p", { class: cls, role: cls === "error" ? "alert" : null }, text);
}
