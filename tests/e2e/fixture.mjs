// What the browser tests share: a store made by `dyad ingest` from the bundled stories, a
// document carrying script payloads, the founding story when ../shared is present, and
// `dyad serve` on a free port.

import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../..");

export const PAYLOAD_SCRIPT = "<script>window.__pwned = 'script'</script>";
export const PAYLOAD_IMG = "<img src=x onerror=\"window.__pwned = 'img'\">";
/** A story whose text, title and outlet carry script payloads, with events to list. */
export const hostile = {
  id: "hostile-1",
  title: `Shelling reported ${PAYLOAD_IMG}`,
  source: `Outlet ${PAYLOAD_SCRIPT}`,
  published: "2025-03-04",
  text: `KYIV, March 4 - Russian forces shelled Kharkiv on Monday, Ukrainian officials said ${PAYLOAD_SCRIPT}. `
    + `The European Union called for a ceasefire in Nagorno-Karabakh ${PAYLOAD_IMG} on Tuesday. `
    + "The European Union continues to supply the Ukrainian army with weapons.",
};

/** A checker that counts failures. */
export function checker() {
  let failures = 0;
  const check = (ok, what) => {
    console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
    if (!ok) failures++;
  };
  return { check, failures: () => failures };
}

/** Ingests the stories into a temporary store and serves it: `{base, haveShared, stop}`. */
export async function serveStore(dyadArg) {
  const dyad = resolve(dyadArg || join(repo, "target/debug/dyad"));
  const work = mkdtempSync(join(tmpdir(), "dyad-e2e-"));
  const store = join(work, "e2e.db");
  const hostileFile = join(work, "hostile.jsonl");
  writeFileSync(hostileFile, JSON.stringify(hostile) + "\n");
  const inputs = [join(repo, "examples/voa-sample.jsonl"), join(repo, "examples/wire-story-2025-03-03.txt"), hostileFile];
  const founding = join(repo, "../shared/examples");
  const haveShared = existsSync(founding);
  if (haveShared) {
    for (const f of readdirSync(founding)) if (f.endsWith(".txt")) inputs.push(join(founding, f));
  } else {
    console.log("NOTE: ../shared is absent: the founding story's checks are skipped");
  }
  execFileSync(dyad, ["ingest", "--store", store, ...inputs], { stdio: ["ignore", "ignore", "inherit"] });
  // the server on a free port; its first line says where
  const server = spawn(dyad, ["serve", "--store", store, "--port", "0"], { stdio: ["ignore", "ignore", "pipe"] });
  const base = await new Promise((ok, fail) => {
    let err = "";
    const timer = setTimeout(() => fail(new Error(`dyad serve did not start: ${err}`)), 20000);
    server.stderr.on("data", (d) => {
      err += d;
      const m = /at (http:\/\/[^/\s]+)\//.exec(err);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
    server.on("exit", (code) => fail(new Error(`dyad serve exited (${code}): ${err}`)));
  });
  const stop = () => {
    server.kill("SIGTERM");
    rmSync(work, { recursive: true, force: true });
  };
  return { base, haveShared, stop };
}
