// Map: where the matching events happened: a choropleth of events per country of location and
// a point per place, drawn so that precision shows (a city is a dot, a region a dashed ring,
// a country an open ring at its capital or centre). Offline: Natural Earth shapes embedded.

import { get, worldAtlas } from "../api.js";
import { h, note, table } from "../dom.js";
import { filterValues, go } from "../filters.js";

const SVG = "http://www.w3.org/2000/svg";
const svg = (tag, attrs = {}, text = null) => {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) el.setAttribute(k, String(v));
  if (text != null) { const t = document.createElementNS(SVG, "title"); t.textContent = text; el.append(t); }
  return el;
};

function draw(world, places, width) {
  const height = Math.round(width * 0.52);
  const land = topojson.feature(world, world.objects.countries);
  const projection = d3.geoNaturalEarth1().fitSize([width, height], { type: "Sphere" });
  const path = d3.geoPath(projection);
  const byNumeric = new Map(places.countries.filter((c) => c.numeric).map((c) => [c.numeric, c]));
  const max = d3.max(places.countries, (c) => c.count) || 1;
  // from a visible tint at one event to the darkest at the most
  const fill = d3.scaleSequentialLog([1, Math.max(2, max)], (t) => d3.interpolateOrRd(0.2 + 0.8 * t));
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": "map of events", class: "map" });
  root.append(svg("path", { d: path({ type: "Sphere" }), class: "sphere" }));
  for (const f of land.features) {
    const c = byNumeric.get(String(f.id));
    const shape = svg("path", { d: path(f), class: c ? "country has" : "country" },
      c ? `${c.name || c.country}: ${c.count} events located here, mean Goldstein ${c.goldstein}` : f.properties?.name);
    // a style property (not an attribute, which the stylesheet's fill would override)
    if (c) shape.style.fill = fill(c.count);
    root.append(shape);
  }
  const r = d3.scaleSqrt().domain([1, d3.max(places.points, (p) => p.count) || 1]).range([2.5, 14]);
  for (const p of [...places.points].reverse()) {
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    const dot = svg("circle", {
      cx: xy[0], cy: xy[1], r: r(p.count), class: `point ${p.precision || "unknown"}`,
    }, `${p.name}${p.country ? `, ${p.country}` : ""}: ${p.count} events (${p.precision || "precision unknown"}), mean Goldstein ${p.goldstein}`);
    dot.addEventListener("click", () => go("events", { place: p.name }));
    root.append(dot);
  }
  return root;
}

export async function render(params, signal) {
  const [places, world] = await Promise.all([
    get("/api/places", { ...filterValues(params), limit: 2000 }, { signal }),
    worldAtlas(),
  ]);
  const width = Math.max(320, Math.min(1200, document.getElementById("view").clientWidth - 16));
  return [
    h("h1", {}, "Map"),
    h("p", { class: "lede" }, "Events by where they happened (the event's own place, not the dateline's). Countries are shaded by events located in them; points mark places."),
    h("p", { class: "legend" },
      h("span", { class: "key city" }), " city or town · ", h("span", { class: "key region" }), " region · ",
      h("span", { class: "key country" }), " country only · size = events · click a point for its events · ",
      `countries shaded by events located in them (darkest: ${d3.max(places.countries, (c) => c.count) || 0})`),
    places.points.length || places.countries.length
      ? h("figure", { class: "chart", "data-testid": "map-chart" }, draw(world, places, width))
      : note("No located event matches these filters."),
    h("div", { class: "two" },
      h("section", {}, h("h2", {}, "Places"), table([
        { label: "Place", cell: (p) => p.name },
        { label: "Country", cell: (p) => p.country || "", cls: "code" },
        { label: "Precision", cell: (p) => p.precision || "" },
        { label: "Events", cell: (p) => p.count, cls: "num" },
        { label: "Mean Goldstein", cell: (p) => p.goldstein, cls: "num" },
      ], places.points.slice(0, 100), { testid: "places-table", onRow: (p) => go("events", { place: p.name }) })),
      h("section", {}, h("h2", {}, "Countries"), table([
        { label: "Country", cell: (c) => c.name || c.country },
        { label: "Code", cell: (c) => c.country, cls: "code" },
        { label: "Events", cell: (c) => c.count, cls: "num" },
        { label: "Mean Goldstein", cell: (c) => c.goldstein, cls: "num" },
      ], places.countries.slice(0, 100), { testid: "countries-table" }))),
  ];
}
