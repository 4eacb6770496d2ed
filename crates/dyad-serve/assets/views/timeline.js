// Timeline: conflict against cooperation (or the Goldstein sum) per period, in total or for
// the busiest countries or dyads, from the store's series (Observable Plot).

import { get } from "../api.js";
import { h, note, table } from "../dom.js";
import { filterValues, update } from "../filters.js";

const TOP = 8;
/** Periods a chart shows unless the filter bar sets dates. */
const WINDOW = { day: 120, week: 104, month: 48 };

/** `2024-05` or `2024-05-13` as a Date (UTC). */
const when = (p) => new Date(p.length === 7 ? `${p}-01T00:00:00Z` : `${p}T00:00:00Z`);

function controls(bucket, by, measure) {
  const select = (name, value, options) => h("label", {}, `${name[0].toUpperCase()}${name.slice(1)} `,
    h("select", { name, onchange: (ev) => update({ [name]: ev.target.value }) },
      options.map(([v, l]) => h("option", { value: v, selected: v === value }, l))));
  return h("div", { class: "controls" },
    select("bucket", bucket, [["day", "day"], ["week", "week"], ["month", "month"]]),
    select("by", by, [["total", "all events"], ["country", "per country"], ["dyad", "per dyad"]]),
    select("measure", measure, [["counts", "conflict vs cooperation"], ["goldstein", "Goldstein sum"]]));
}

export async function render(params, signal) {
  const bucket = params.get("bucket") || "month";
  const by = params.get("by") || "total";
  const measure = params.get("measure") || "counts";
  const { series } = await get("/api/series", { ...filterValues(params), bucket, by }, { signal });
  const head = [
    h("h1", {}, "Timeline"),
    h("p", { class: "lede" }, "Conflict (quad classes 3–4) against cooperation (1–2), or the Goldstein sum (−10 conflict to +10 cooperation), per period. Undated events are left out."),
    controls(bucket, by, measure),
  ];
  if (!series.length) return [...head, note("No dated event matches these filters.")];
  // the busiest keys, so that a chart stays readable; the table has them all
  const totals = d3.rollup(series, (v) => d3.sum(v, (d) => d.count), (d) => d.key);
  const keys = by === "total" ? [null] : [...totals].sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([k]) => k);
  // a window of recent periods, so that a few stray old dates do not squeeze the bars to
  // slivers; Since/Until in the filter bar choose another window, the table lists them all
  // (ending at the latest period that is not in the future: "by 2050" dates a plan, not a
  // happening)
  const now = new Date();
  const latest = d3.max(series, (d) => (when(d.period) <= now ? when(d.period) : null)) ?? now;
  const span = { day: d3.utcDay.offset(latest, -WINDOW.day), week: d3.utcWeek.offset(latest, -WINDOW.week), month: d3.utcMonth.offset(latest, -WINDOW.month) }[bucket];
  const windowed = params.get("since") || params.get("until") ? series
    : series.filter((d) => when(d.period) >= span && when(d.period) <= latest);
  const shown = windowed.filter((d) => keys.includes(d.key));
  const width = Math.max(320, Math.min(1200, document.getElementById("view").clientWidth - 16));
  // the API names weeks by their Monday
  const interval = { day: "day", week: "monday", month: "month" }[bucket];
  let chart;
  if (measure === "goldstein") {
    chart = Plot.plot({
      width, height: by === "total" ? 320 : 80 + 60 * keys.length, marginLeft: 60,
      x: { type: "utc", label: null }, y: { label: "Goldstein sum", grid: true },
      color: { type: "diverging", scheme: "RdBu", domain: [-50, 50], legend: true, label: "Goldstein" },
      fy: by === "total" ? undefined : { label: null },
      marks: [
        Plot.ruleY([0]),
        Plot.rectY(shown, { x: (d) => when(d.period), interval, y: "goldstein", fill: "goldstein", fy: by === "total" ? undefined : "key", tip: true }),
      ],
    });
  } else {
    // cooperation above the axis, conflict below: bars, so that empty periods stay empty
    const long = shown.flatMap((d) => [
      { period: when(d.period), key: d.key, kind: "conflict", n: -d.conflict },
      { period: when(d.period), key: d.key, kind: "cooperation", n: d.cooperation },
    ]);
    chart = Plot.plot({
      width, height: by === "total" ? 320 : 80 + 70 * keys.length, marginLeft: 50,
      x: { type: "utc", label: null }, y: { label: "↑ cooperation · conflict ↓ (events)", grid: true, tickFormat: Math.abs },
      color: { domain: ["conflict", "cooperation"], range: ["#c0392b", "#2a6fb0"], legend: true },
      fy: by === "total" ? undefined : { label: null },
      marks: [
        Plot.rectY(long, { x: "period", interval, y: "n", fill: "kind", fy: by === "total" ? undefined : "key", tip: true }),
        Plot.ruleY([0]),
      ],
    });
  }
  // Plot's <style> elements break the Content-Security-Policy; app.css carries their rules
  for (const style of chart.querySelectorAll("style")) style.remove();
  return [
    ...head,
    h("figure", { class: "chart", "data-testid": "timeline-chart" }, chart),
    windowed.length < series.length ? note(`The chart shows the ${WINDOW[bucket]} ${bucket}s up to the latest past one with events; ${series.length - windowed.length} rows outside that window are in the table (set Since and Until for another).`) : null,
    by !== "total" && totals.size > TOP ? note(`The chart shows the ${TOP} busiest of ${totals.size}; the table lists them all.`) : null,
    table([
      { label: "Period", cell: (d) => d.period, cls: "nowrap" },
      { label: by === "dyad" ? "Dyad" : by === "country" ? "Country" : "", cell: (d) => d.key ?? "all", cls: "code" },
      { label: "Events", cell: (d) => d.count, cls: "num" },
      { label: "Cooperation", cell: (d) => d.cooperation, cls: "num" },
      { label: "Conflict", cell: (d) => d.conflict, cls: "num" },
      { label: "Goldstein sum", cell: (d) => d.goldstein, cls: "num" },
    ], series.slice(-500).reverse(), { testid: "series-table" }),
  ];
}
