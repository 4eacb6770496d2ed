// The workbench in headless Firefox (Debian's firefox-esr, driven over WebDriver BiDi by
// puppeteer-core): every view renders rows from the store and nothing errors or runs from a
// document's text. The Chromium test (ui.mjs) checks the rest in more detail.
//
// usage: node tests/e2e/firefox.mjs path/to/dyad   (Firefox at /usr/bin/firefox-esr or $FIREFOX)

import puppeteer from "puppeteer-core";
import { PAYLOAD_SCRIPT, checker, hostile, serveStore } from "./fixture.mjs";

const { check, failures } = checker();
const { base, haveShared, stop } = await serveStore(process.argv[2]);
const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: process.env.FIREFOX || "/usr/bin/firefox-esr",
  headless: true,
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  const views = [
    ["#events", "events", "[data-testid=events-table] tbody tr"],
    [`#story?doc=${hostile.id}`, "story", "[data-testid=story-text] mark"],
    ["#timeline", "timeline", "[data-testid=series-table] tbody tr"],
    ["#network", "network", "[data-testid=network-chart] circle"],
    ["#map", "map", "[data-testid=map-chart] path.country.has"],
    ["#compare?a=AZE&b=UKR", "compare", "[data-testid=compare-actor]"],
  ];
  for (const [hash, view, selector] of views) {
    await page.goto(`${base}/${hash}`);
    await page.waitForSelector(`main[data-ready="${view}"]`, { timeout: 20000 });
    const n = await page.$$eval(selector, (e) => e.length);
    check(n > 0, `Firefox ${hash}: ${n} × ${selector}`);
  }
  await page.goto(`${base}/#story?doc=${hostile.id}`);
  await page.waitForSelector('main[data-ready="story"]');
  const text = await page.$eval("[data-testid=story-text]", (e) => e.textContent);
  check(text.includes(PAYLOAD_SCRIPT), "Firefox: the <script> payload shown as text");
  check(await page.evaluate(() => window.__pwned) === undefined, "Firefox: no payload ran");
  check(problems.length === 0, `Firefox: no page or console errors${problems.length ? `: ${problems.join("; ")}` : ""}`);
  if (!haveShared) console.log("NOTE: founding story absent; Compare checked on the test story");
} finally {
  await browser.close();
  stop();
}
console.log(failures() ? `${failures()} Firefox checks failed` : "all Firefox checks passed");
process.exit(failures() ? 1 : 0);
