// The workbench driven in headless Chromium: every view renders rows from a store made by
// `dyad ingest`, a document carrying <script> and <img onerror> shows them as text and runs
// nothing, the filter bar's state is in the URL, and the page fits a phone's width.
// Screenshots go to tests/e2e/screenshots/.
//
// usage: node tests/e2e/ui.mjs path/to/dyad   (Chromium at /usr/bin/chromium or $CHROMIUM)

import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PAYLOAD_IMG, PAYLOAD_SCRIPT, checker, here, hostile, serveStore } from "./fixture.mjs";

const browserPath = process.env.CHROMIUM || "/usr/bin/chromium";
const shots = join(here, "screenshots");
mkdirSync(shots, { recursive: true });
const { check, failures } = checker();
const { base, haveShared, stop } = await serveStore(process.argv[2]);

const browser = await chromium.launch({
  executablePath: browserPath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  // nothing is fetched from anywhere but the server
  page.on("request", (r) => { if (!r.url().startsWith(base)) problems.push(`outside request: ${r.url()}`); });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });

  const open = async (hash, view, shot) => {
    await page.goto(`${base}/${hash}`);
    await page.waitForSelector(`main[data-ready="${view}"]`, { timeout: 20000 });
    const error = await page.$("main .error");
    check(!error, `${hash}: no error${error ? `: ${await error.textContent()}` : ""}`);
    if (shot) await page.screenshot({ path: join(shots, `${shot}.png`), fullPage: false });
  };
  const rows = (testid) => page.$$eval(`[data-testid="${testid}"] tbody tr`, (r) => r.length);

  await open("#events", "events", "events");
  check(await rows("events-table") > 0, "Events: rows from the store");
  check(await page.$$eval("[data-testid=events-table] mark.trg", (m) => m.length) > 0, "Events: triggers marked");
  // the filter bar writes the URL and the view follows it
  await page.fill("input[name=country]", "UKR");
  await page.click("#filters button[type=submit]");
  await page.waitForFunction(() => location.hash.includes("country=UKR") && document.querySelector('main[data-ready="events"]'));
  const countries = await page.$$eval("[data-testid=events-table] tbody tr", (r) => r.map((tr) => tr.textContent));
  check(countries.length > 0 && countries.every((t) => t.includes("UKR")), `Events: country=UKR filter in the URL narrows the rows (${countries.length})`);
  const exported = await page.evaluate(async () => {
    const a = document.querySelector("[data-testid=downloads] a");
    const r = await fetch(a.href);
    return { status: r.status, rows: (await r.text()).trim().split("\n").length, href: a.getAttribute("href") };
  });
  check(exported.status === 200 && exported.rows > 1 && exported.href.includes("country=UKR"),
    `Events: the CSV download carries the filters (${exported.href}, ${exported.rows} lines)`);
  await page.click("[data-testid=events-table] tbody tr");
  await page.waitForSelector('main[data-ready="event"]');
  check(await page.$("[data-testid=event-sentence] mark") !== null, "Event: the evidence sentence with its spans");
  await page.screenshot({ path: join(shots, "event.png") });

  await open("#story", "story", null);
  check(await rows("documents-table") > 0, "Story: the stored documents listed");
  await open(`#story?doc=${hostile.id}`, "story", "story-hostile");
  const text = await page.textContent("[data-testid=story-text]");
  check(text.includes(PAYLOAD_SCRIPT) && text.includes(PAYLOAD_IMG), "Story: <script> and <img onerror> shown as text");
  check(await page.$$eval("main script, main img", (e) => e.length) === 0, "Story: no script or img element made from the text");
  check(await page.$$eval("[data-testid=story-events] li", (e) => e.length) > 0, "Story: events listed beside the text");
  check(await page.$$eval("[data-testid=story-text] mark", (e) => e.length) > 0, "Story: events marked inline");
  await open("#events?q=shelled", "events", null);
  await open("#story?doc=hostile-1", "story", null);
  const pwned = await page.evaluate(() => window.__pwned);
  check(pwned === undefined, `no payload ran (window.__pwned = ${pwned})`);

  await open("#timeline", "timeline", "timeline");
  check(await rows("series-table") > 0, "Timeline: series rows");
  check(await page.$$eval("[data-testid=timeline-chart] svg", (e) => e.length) > 0, "Timeline: a chart");
  await open("#timeline?by=dyad&measure=goldstein&bucket=week", "timeline", null);
  check(await rows("series-table") > 0, "Timeline per dyad, Goldstein, weekly");

  await open("#network", "network", "network");
  check(await rows("network-table") > 0, "Network: edges");
  check(await page.$$eval("[data-testid=network-chart] circle", (e) => e.length) > 1, "Network: nodes drawn");
  await open("#network?level=actor", "network", null);
  check(await rows("network-table") > 0, "Network by actor code");

  await open("#map", "map", "map");
  check(await page.$$eval("[data-testid=map-chart] path.country", (e) => e.length) > 100, "Map: country shapes");
  check(await page.$$eval("[data-testid=map-chart] path.country.has", (e) => e.length) > 0, "Map: choropleth");
  check(await page.$$eval("[data-testid=map-chart] circle.point", (e) => e.length) > 0, "Map: points");
  check(await rows("places-table") > 0, "Map: places table");

  await open("#compare?a=AZE&b=UKR", "compare", "compare");
  const actors = await page.$$eval("[data-testid=compare-actor] h2", (e) => e.map((x) => x.textContent));
  check(actors.length > 0 && await rows("compare-peace") > 0 && await rows("compare-arms") > 0,
    `Compare AZE vs UKR: actors with evidence on both sides (${actors.join(", ")})`);
  if (haveShared) {
    check(actors.includes("IGOEUREEC") && actors.includes("USA"), "Compare: the founding story's EU and US");
  }

  // a phone's width: one column, nothing wider than the screen but scrolling tables
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [hash, view] of [["#events", "events"], [`#story?doc=${hostile.id}`, "story"], ["#map", "map"], ["#compare?a=AZE&b=UKR", "compare"]]) {
    await open(hash, view, `phone-${view}`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(wide <= 1, `${hash} at 390 px: no sideways scrolling of the page (${wide} px over)`);
  }
  const csp = await page.evaluate(() => window.__csp);
  check(problems.length === 0, `no page errors, console errors or outside requests${problems.length ? `: ${problems.join("; ")}` : ""}`);
  check(csp.length === 0, `no Content-Security-Policy violation${csp.length ? `: ${csp.join("; ")}` : ""}`);
} finally {
  await browser.close();
  stop();
}
console.log(failures() ? `${failures()} checks failed` : `all checks passed; screenshots in ${shots}`);
process.exit(failures() ? 1 : 0);
