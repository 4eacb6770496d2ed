// Network: who acts on whom among the matching events: edge width = number of events,
// colour = their mean Goldstein score (red conflict, blue cooperation). The layout is a d3
// force simulation run to rest before drawing, so the picture is stable.

import { get } from "../api.js";
import { h, note, table } from "../dom.js";
import { filterValues, go, update } from "../filters.js";

const SVG = "http://www.w3.org/2000/svg";
const svg = (tag, attrs = {}) => {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) el.setAttribute(k, String(v));
  return el;
};

function draw(edges, level, width) {
  const height = Math.max(360, Math.min(640, Math.round(width * 0.6)));
  const degree = new Map();
  for (const e of edges) for (const k of [e.source, e.target]) degree.set(k, (degree.get(k) || 0) + e.count);
  const nodes = [...degree].map(([id, n]) => ({ id, n }));
  const links = edges.filter((e) => e.source !== e.target).map((e) => ({ ...e }));
  const sim = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id((d) => d.id).distance(90))
    .force("charge", d3.forceManyBody().strength(-260))
    .force("center", d3.forceCenter(width / 2, height / 2))
    .force("collide", d3.forceCollide(22))
    .stop();
  for (let i = 0; i < 300; i++) sim.tick();
  const pad = 30;
  for (const n of nodes) {
    n.x = Math.max(pad, Math.min(width - pad, n.x));
    n.y = Math.max(pad, Math.min(height - pad, n.y));
  }
  const colour = d3.scaleDiverging([-10, 0, 10], d3.interpolateRdBu);
  const widthOf = d3.scaleSqrt().domain([1, d3.max(links, (l) => l.count) || 1]).range([1, 9]);
  const radius = d3.scaleSqrt().domain([1, d3.max(nodes, (n) => n.n) || 1]).range([4, 16]);
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": "actor network", class: "network" });
  const defs = svg("defs");
  // in user units: an arrowhead keeps its size whatever the edge's width
  const marker = svg("marker", { id: "arrow", viewBox: "0 -4 8 8", refX: 8, refY: 0, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" });
  marker.append(svg("path", { d: "M0,-4L8,0L0,4", fill: "#777" }));
  defs.append(marker);
  root.append(defs);
  for (const l of links) {
    const [dx, dy] = [l.target.x - l.source.x, l.target.y - l.source.y];
    const len = Math.hypot(dx, dy) || 1;
    const r = radius(l.target.n) + 3;
    const line = svg("line", {
      x1: l.source.x, y1: l.source.y, x2: l.target.x - (dx / len) * r, y2: l.target.y - (dy / len) * r,
      stroke: colour(l.goldstein), "stroke-width": widthOf(l.count), "marker-end": "url(#arrow)", class: "edge",
    });
    const title = svg("title");
    title.textContent = `${l.source.id} → ${l.target.id}: ${l.count} events, mean Goldstein ${l.goldstein}`;
    line.append(title);
    root.append(line);
  }
  for (const n of nodes) {
    const g = svg("g", { transform: `translate(${n.x},${n.y})`, class: "node" });
    const c = svg("circle", { r: radius(n.n) });
    const title = svg("title");
    title.textContent = `${n.id}: ${n.n} events as actor or recipient`;
    c.append(title);
    const label = svg("text", { x: radius(n.n) + 3, y: 4 });
    label.textContent = n.id;
    g.append(c, label);
    g.addEventListener("click", () => go("events", { [level === "country" ? "country" : "actor"]: n.id }));
    root.append(g);
  }
  return root;
}

export async function render(params, signal) {
  const level = params.get("level") || "country";
  const limit = Number(params.get("limit")) || 80;
  const { edges } = await get("/api/network", { ...filterValues(params), level, limit }, { signal });
  const width = Math.max(320, Math.min(1200, document.getElementById("view").clientWidth - 16));
  return [
    h("h1", {}, "Network"),
    h("p", { class: "lede" }, "Who acts on whom: arrows run from actor to recipient; width is the number of events, colour their mean Goldstein score (red conflict, blue cooperation). Click a node for its events."),
    h("div", { class: "controls" },
      h("label", {}, "Nodes ", h("select", { onchange: (ev) => update({ level: ev.target.value }) },
        h("option", { value: "country", selected: level === "country" }, "countries"),
        h("option", { value: "actor", selected: level === "actor" }, "actor codes"))),
      h("label", {}, "Edges ", h("select", { onchange: (ev) => update({ limit: ev.target.value }) },
        [40, 80, 200, 500].map((n) => h("option", { value: n, selected: n === limit }, `top ${n}`))))),
    edges.length
      ? h("figure", { class: "chart", "data-testid": "network-chart" }, draw(edges, level, width))
      : note("No event with both an actor and a recipient matches these filters."),
    edges.length ? table([
      { label: "Actor", cell: (e) => e.source, cls: "code" },
      { label: "Recipient", cell: (e) => e.target, cls: "code" },
      { label: "Events", cell: (e) => e.count, cls: "num" },
      { label: "Mean Goldstein", cell: (e) => e.goldstein, cls: "num" },
    ], edges, {
      testid: "network-table",
      onRow: (e) => go("events", level === "country" ? { country: e.source } : { actor: e.source, recipient: e.target }),
    }) : null,
  ];
}
