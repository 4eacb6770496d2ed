#!/usr/bin/env python3
"""Run the hostile-input corpus (tests/hostile/cases.py) against a dyad binary.

usage: python3 tests/hostile/run.py DYAD [--only NAME[,NAME...]] [--all] [--timeout S] [--jobs N]
                                        [--no-folder] [--keep]

Each case is written to a temporary folder and coded alone (`dyad code --date 2024-05-06 [ARGS] FILE`)
under a wall-clock timeout (default: the 60 s document budget + 30 s); the child's time and peak RSS
come from os.wait4. Then every case (except those with their own arguments) is coded in ONE
`dyad code --threads 2 FOLDER` call, which must finish and report the same read/coded/skipped/event
counts as the single runs added up, and name every file the single runs named in an error.

Exit 1 if any case fails its expectation, panics, is killed, exceeds 500 MB RSS, leaks a forbidden
string (e.g. /etc/passwd contents) or the folder run disagrees; cases over 60 s are flagged.
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cases import CASES, by_name  # noqa: E402

RSS_LIMIT_MB = 500
BUDGET_S = 60
DATE = "2024-05-06"
SUMMARY = re.compile(r"documents: (\d+) read, (\d+) coded, (\d+) skipped")
EVENTS = re.compile(r"events: (\d+)")
STOP = threading.Event()  # set on SIGTERM/Ctrl-C: every running child is killed


def run_child(cmd, out_path, err_path, timeout, cwd=None):
    """Run cmd; return (returncode or None if killed, signal, seconds, peak RSS MB)."""
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        t0 = time.monotonic()
        p = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=cwd)
        killed = False
        try:
            while True:
                pid, status, ru = os.wait4(p.pid, os.WNOHANG)
                if pid == p.pid:
                    break
                if STOP.is_set():
                    raise SystemExit(143)
                if not killed and time.monotonic() - t0 > timeout:
                    os.kill(p.pid, signal.SIGKILL)  # our own child, by its id
                    killed = True
                time.sleep(0.02)
        except BaseException:  # interrupted (Ctrl-C, SIGTERM): leave no orphan behind
            os.kill(p.pid, signal.SIGKILL)
            os.waitpid(p.pid, 0)
            p.returncode = -9
            raise
        secs = time.monotonic() - t0
    p.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4; keep Popen quiet
    rc = None if killed else (os.WEXITSTATUS(status) if os.WIFEXITED(status) else None)
    sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    return rc, sig, killed, secs, ru.ru_maxrss / 1024.0


def summary_counts(stderr):
    m = None
    for m in SUMMARY.finditer(stderr):
        pass
    if not m:
        return None
    tail = stderr[m.start():]
    e = EVENTS.search(tail)
    return (int(m.group(1)), int(m.group(2)), int(m.group(3)), int(e.group(1)) if e else None)


def check(case, fname, res):
    """Return a list of failure reasons (empty: pass)."""
    why = []
    rc, err, out_size = res["rc"], res["stderr"], res["out_size"]
    lines = err.splitlines()
    errors = [l for l in lines if l.startswith("error:")]
    warnings = [l for l in lines if l.startswith("warning:")]
    if res["killed"]:
        why.append(f"killed after {res['secs']:.0f} s (timeout)")
    elif rc is None:
        why.append(f"died on signal {res['sig']}")
    if "panicked" in err:
        why.append("panicked: " + next(l for l in lines if "panicked" in l)[:200])
    if res["rss"] > RSS_LIMIT_MB:
        why.append(f"peak RSS {res['rss']:.0f} MB > {RSS_LIMIT_MB} MB")
    for s in case.forbid:
        if s in err or s in res["out_scan"]:
            why.append(f"forbidden string {s!r} in output")
    if case.max_out is not None and out_size > case.max_out:
        why.append(f"stdout {out_size} bytes > {case.max_out}")
    counts = summary_counts(err)
    if case.docs is not None and (counts is None or counts[:3] != tuple(case.docs)):
        why.append(f"summary {counts[:3] if counts else None} != expected {tuple(case.docs)}")
    if rc is None:
        return why
    prefix = f"error: {fname}:{case.line}:" if case.line else f"error: {fname}:"
    named = [l for l in errors if l.startswith(prefix)]
    unnamed = [l for l in errors + warnings if fname not in l]
    if case.expect == "coded":
        if rc != 0 or errors:
            why.append(f"expected coded, got exit {rc}" + (f": {errors[0][:160]}" if errors else ""))
    elif case.expect == "error":
        if rc not in (1, 2):
            why.append(f"expected an error, got exit {rc}")
        sub = (case.sub or "").lower()
        if not any(sub in l.lower() for l in named):
            got = errors[0][:160] if errors else "no error line"
            why.append(f"expected error naming {prefix[7:-1]} containing {case.sub!r}; got: {got}")
    elif case.expect == "coded-or-warning":
        if rc not in (0, 2):
            why.append(f"expected exit 0 or 2, got {rc}")
        if rc == 2 and not named:
            why.append("exit 2 without an error line naming " + prefix[7:-1])
        if unnamed:
            why.append("a message that does not name the file: " + unnamed[0][:160])
        sub = (case.sub or "").lower()
        if rc == 2 and sub and named and not any(sub in l.lower() for l in named):
            why.append(f"an error without {case.sub!r}: {named[0][:160]}")
    if (res["size"] > 0 and not case.silent_ok and counts and counts[0] == 0
            and not any(fname in l for l in errors + warnings)):
        why.append("silently ignored: a non-empty file gave 0 documents and no message naming it")
    if rc == 2 and counts and counts[2] == 0 and case.expect != "error":
        why.append("exit 2 but the summary reports 0 skipped")
    return why


def run_case(case, folder, dyad, timeout):
    fname = case.name + case.ext
    cmd = [dyad, "code", "--date", DATE, *case.args, fname]  # run in the folder: messages name FILE
    # outputs go beside the inputs' folder so they are not read by the folder run
    out_p = os.path.join(folder, "..", "out", fname + ".out")
    err_p = os.path.join(folder, "..", "out", fname + ".err")
    rc, sig, killed, secs, rss = run_child(cmd, out_p, err_p, timeout, cwd=folder)
    with open(err_p, "rb") as f:
        err = f.read().decode("utf-8", "replace")
    out_size = os.path.getsize(out_p)
    size = os.path.getsize(os.path.join(folder, fname))
    with open(out_p, "rb") as f:
        scan = f.read(50_000_000).decode("utf-8", "replace") if case.forbid else ""
    differ = None
    if case.twice:
        out2 = out_p + "2"
        run_child(cmd, out2, err_p + "2", timeout, cwd=folder)
        with open(out_p, "rb") as f1, open(out2, "rb") as f2:
            a, b = f1.read().splitlines(), f2.read().splitlines()
        if a != b:
            i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            differ = (f"stdout differs between two runs at line {i + 1}: "
                      + (a[i][:90].decode("utf-8", "replace") if i < len(a) else "<end>") + " vs "
                      + (b[i][:90].decode("utf-8", "replace") if i < len(b) else "<end>"))
    res = dict(size=size, rc=rc, sig=sig, killed=killed, secs=secs, rss=rss, stderr=err, out_size=out_size,
               out_scan=scan)
    res["why"] = check(case, fname, res) + ([differ] if differ else [])
    res["counts"] = summary_counts(err)
    res["errors"] = [l for l in err.splitlines() if l.startswith("error:")]
    return res


def describe(case, res):
    rc = res["rc"]
    if res["killed"]:
        return "KILLED"
    if rc is None:
        return f"signal {res['sig']}"
    c = res["counts"]
    kinds = "error" if res["errors"] else ("warning" if "warning:" in res["stderr"] else "coded")
    s = f"{kinds} rc={rc}"
    if c:
        s += f" d={c[0]}/{c[1]}/{c[2]} ev={c[3]}"
    return s


def main():
    def stop(*_):
        STOP.set()
        sys.exit(143)
    signal.signal(signal.SIGTERM, stop)  # so run_child's cleanup kills the running children
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dyad")
    ap.add_argument("--only", action="append", default=[], help="case name(s), comma-separated; repeatable")
    ap.add_argument("--all", action="store_true", help="include cases marked slow")
    ap.add_argument("--timeout", type=float, default=BUDGET_S + 30, help="per-case wall clock (s)")
    ap.add_argument("--folder-timeout", type=float, default=300, help="folder run wall clock (s)")
    ap.add_argument("--jobs", type=int, default=1, help="single-case runs in parallel (times get noisier)")
    ap.add_argument("--no-folder", action="store_true", help="skip the all-in-one folder run")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    a = ap.parse_args()

    dyad = os.path.abspath(a.dyad)
    if not os.access(dyad, os.X_OK):
        sys.exit(f"not an executable: {a.dyad}")
    table = by_name()
    only = [n for o in a.only for n in o.split(",") if n]
    for n in only:
        if n not in table:
            sys.exit(f"no case named {n!r}")
    if only:
        cases = [c for c in CASES if c.name in only]
    else:
        cases = [c for c in CASES if a.all or not c.slow]
    if not only and not a.all:
        skipped = [c.name for c in CASES if c.slow]
        if skipped:
            print(f"skipping {len(skipped)} slow case(s) (use --all): {', '.join(skipped)}")

    tmp = tempfile.mkdtemp(prefix="dyad-hostile-")
    corpus, extra, outdir = (os.path.join(tmp, d) for d in ("corpus", "extra", "out"))
    for d in (corpus, extra, outdir):
        os.makedirs(d)
    t_start = time.monotonic()
    for c in cases:
        data = c.make()
        with open(os.path.join(extra if c.args else corpus, c.name + c.ext), "wb") as f:
            f.write(data)
    t_gen = time.monotonic() - t_start

    results = {}
    lock = threading.Lock()

    def one(c):
        r = run_case(c, extra if c.args else corpus, dyad, a.timeout)
        with lock:
            results[c.name] = r
            flag = "FAIL" if r["why"] else "ok"
            print(f"  {flag:4} {c.name:36} {r['secs']:6.2f}s {r['rss']:7.1f} MB  {describe(c, r)}", flush=True)

    print(f"{len(cases)} cases generated in {t_gen:.1f} s under {tmp}; coding each alone with {dyad}")
    try:
        if a.jobs <= 1:
            for c in cases:
                one(c)
        else:
            with ThreadPoolExecutor(max_workers=a.jobs) as ex:
                list(ex.map(one, cases))
    except BaseException:
        STOP.set()
        shutil.rmtree(tmp, ignore_errors=True)
        raise

    failures = {c.name: results[c.name]["why"] for c in cases if results[c.name]["why"]}
    over = [c.name for c in cases if results[c.name]["secs"] > BUDGET_S]

    print()
    print(f"{'case':38} {'ext':6} {'expect':17} {'outcome':36} {'seconds':>8} {'RSS MB':>8}")
    for c in cases:
        r = results[c.name]
        mark = "FAIL " if r["why"] else ("SLOW " if r["secs"] > BUDGET_S else "")
        print(f"{c.name:38} {c.ext:6} {c.expect:17} {mark + describe(c, r):36} {r['secs']:8.2f} {r['rss']:8.1f}")
    longest = max(cases, key=lambda c: results[c.name]["secs"])
    biggest = max(cases, key=lambda c: results[c.name]["rss"])
    print()
    print(f"longest case: {longest.name} {results[longest.name]['secs']:.2f} s; "
          f"peak RSS: {biggest.name} {results[biggest.name]['rss']:.1f} MB; "
          f"sum of case times {sum(r['secs'] for r in results.values()):.1f} s")
    if over:
        print(f"FLAG: over the {BUDGET_S} s budget: {', '.join(over)}")

    folder_fail = []
    if not a.no_folder:
        infolder = [c for c in cases if not c.args]
        out_p, err_p = os.path.join(outdir, "folder.out"), os.path.join(outdir, "folder.err")
        cmd = [dyad, "code", "--threads", "2", "--date", DATE, "corpus"]
        rc, sig, killed, secs, rss = run_child(cmd, out_p, err_p, a.folder_timeout, cwd=tmp)
        with open(err_p, "rb") as f:
            err = f.read().decode("utf-8", "replace")
        got = summary_counts(err)
        want = [0, 0, 0, 0]
        for c in infolder:
            cnt = results[c.name]["counts"]
            if cnt is None:
                want = None
                break
            for i in range(4):
                want[i] += cnt[i] or 0
        print(f"folder run ({len(infolder)} files, --threads 2): exit {rc}, {secs:.1f} s, {rss:.1f} MB; "
              f"read/coded/skipped/events {got} (single runs added up: {tuple(want) if want else 'unknown'})")
        if killed:
            folder_fail.append(f"folder run killed after {secs:.0f} s")
        elif rc not in (0, 2):
            folder_fail.append(f"folder run exit {rc} (signal {sig})")
        if "panicked" in err:
            folder_fail.append("folder run panicked")
        if rss > RSS_LIMIT_MB:
            folder_fail.append(f"folder run peak RSS {rss:.0f} MB")
        if got is None:
            folder_fail.append("folder run printed no summary")
        elif want is not None and got != tuple(want):
            folder_fail.append(f"folder counts {got} != single runs {tuple(want)}")
        for c in infolder:
            fname = c.name + c.ext
            if results[c.name]["errors"] and not any(l.startswith(f"error: {fname}") or f"/{fname}" in l
                                                     for l in err.splitlines() if l.startswith("error:")):
                folder_fail.append(f"folder run does not name {fname}, which its single run reported")
        for s in ("root:x:0:0", "daemon:x:"):
            with open(out_p, "rb") as f:
                if s.encode() in f.read():
                    folder_fail.append(f"folder output holds {s!r}")
        for f in folder_fail:
            print("FOLDER FAIL:", f)

    print()
    if failures:
        print(f"{len(failures)} case(s) failed:")
        for n, why in failures.items():
            for w in why:
                print(f"  {n}: {w}")
    print(f"total wall time {time.monotonic() - t_start:.1f} s")
    if a.keep:
        print("kept:", tmp)
    else:
        shutil.rmtree(tmp, ignore_errors=True)
    ok = not failures and not folder_fail
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
