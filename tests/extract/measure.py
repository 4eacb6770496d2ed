#!/usr/bin/env python3
"""Measure dyad's main-text extraction on the saved article pages of tests/extract/pages/.

Usage: python3 tests/extract/measure.py path/to/dyad [--verbose]

For each pages/NAME.html, runs `dyad read NAME.html`, takes the "text" field of the
document(s) printed (several documents: their texts joined), with the wire dateline dyad
moved out of it ("dateline": {"raw": ...}), and compares its words with
those of pages/NAME.body.txt, the article's body as written for the test:

    recall    = |extracted words & body words| / |body words|
    precision = |extracted words & body words| / |extracted words|

Words are lowercase \\w+ tokens (Unicode letters, digits, underscore) counted as
multisets (collections.Counter). A page that dyad fails to read (error, timeout, no JSON)
counts as recall 0 and precision 0; a page read with empty text has precision 0.

Prints one line per page and a summary (micro averages over all words, macro averages over
pages, pages reaching 0.95). --verbose also lists the first 30 missing and extra words of
each page under 0.95 on either measure. Always exits 0: this is a measurement, not a test.
Standard library only.
"""
import collections
import json
import os
import re
import subprocess
import sys

PAGES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pages")
TIMEOUT = 30
THRESHOLD = 0.95
SHOW = 30


def words(s):
    return re.findall(r"\w+", s.lower())


def extract(dyad, page):
    """The text dyad reads from a page, or (None, reason) on failure."""
    try:
        proc = subprocess.run([dyad, "read", page], capture_output=True, timeout=TIMEOUT)
    except FileNotFoundError:
        return None, "dyad binary not found: " + dyad
    except PermissionError:
        return None, "dyad binary not executable: " + dyad
    except subprocess.TimeoutExpired:
        return None, "timeout after %d s" % TIMEOUT
    except OSError as e:
        return None, "cannot run dyad: %s" % e
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, "exit %d: %s" % (proc.returncode, err[0] if err else "(no message)")
    texts = []
    for line in proc.stdout.decode("utf-8", "replace").splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            doc = json.loads(line)
        except ValueError:
            return None, "output line is not JSON: %s" % line[:60]
        if isinstance(doc, dict) and isinstance(doc.get("text"), str):
            # dyad moves the wire dateline that opens the body out of "text" into its own
            # field ("dateline": {"raw": ...}); it was read from the body, so it counts
            dateline = doc.get("dateline")
            if isinstance(dateline, dict) and isinstance(dateline.get("raw"), str):
                texts.append(dateline["raw"])
            texts.append(doc["text"])
    if not texts:
        return None, "no document with a text field in the output"
    return "\n\n".join(texts), None


def first(tokens, counts, n):
    """The first n tokens (in text order) that the multiset counts still holds."""
    left = collections.Counter(counts)
    out = []
    for t in tokens:
        if left[t] > 0:
            out.append(t)
            left[t] -= 1
            if len(out) == n:
                break
    return out


def main(argv):
    args = [a for a in argv if a != "--verbose"]
    verbose = len(args) != len(argv)
    if len(args) != 1 or args[0] in ("-h", "--help"):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    dyad = args[0]
    if os.sep in dyad or os.path.exists(dyad):
        dyad = os.path.abspath(dyad)

    names = sorted(f[:-5] for f in os.listdir(PAGES) if f.endswith(".html"))
    width = max([len(n) for n in names] + [4])
    print("%-*s  %6s  %9s  %5s  %9s" % (width, "page", "recall", "precision", "body", "extracted"))
    rows = []
    tot_body = tot_extr = tot_common = 0
    for name in names:
        page = os.path.join(PAGES, name + ".html")
        gold_path = os.path.join(PAGES, name + ".body.txt")
        try:
            with open(gold_path, encoding="utf-8") as f:
                gold = words(f.read())
        except OSError as e:
            print("%-*s  skipped: cannot read %s (%s)" % (width, name, os.path.basename(gold_path), e.strerror))
            continue
        text, error = extract(dyad, page)
        got = words(text) if text is not None else []
        g, x = collections.Counter(gold), collections.Counter(got)
        common = sum((g & x).values())
        recall = common / len(gold) if gold else 0.0
        precision = common / len(got) if got else 0.0
        rows.append((recall, precision))
        tot_body += len(gold)
        tot_extr += len(got)
        tot_common += common
        line = "%-*s  %6.3f  %9.3f  %5d  %9d" % (width, name, recall, precision, len(gold), len(got))
        if error:
            line += "  FAILED: " + error
        print(line)
        if verbose and not error and (recall < THRESHOLD or precision < THRESHOLD):
            missing = first(gold, g - x, SHOW)
            extra = first(got, x - g, SHOW)
            print("    missing (%d): %s" % (sum((g - x).values()), " ".join(missing)))
            print("    extra   (%d): %s" % (sum((x - g).values()), " ".join(extra)))

    n = len(rows)
    if not n:
        print("no pages measured")
        return 0
    micro_r = tot_common / tot_body if tot_body else 0.0
    micro_p = tot_common / tot_extr if tot_extr else 0.0
    macro_r = sum(r for r, _ in rows) / n
    macro_p = sum(p for _, p in rows) / n
    ok_r = sum(1 for r, _ in rows if r >= THRESHOLD)
    ok_p = sum(1 for _, p in rows if p >= THRESHOLD)
    ok_both = sum(1 for r, p in rows if r >= THRESHOLD and p >= THRESHOLD)
    print()
    print("pages %d | micro recall %.3f precision %.3f (%d body words, %d extracted) | "
          "macro recall %.3f precision %.3f | recall >= %.2f: %d/%d, precision >= %.2f: %d/%d, both: %d/%d"
          % (n, micro_r, micro_p, tot_body, tot_extr, macro_r, macro_p,
             THRESHOLD, ok_r, n, THRESHOLD, ok_p, n, ok_both, n))
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1:])
    sys.exit(code if code == 2 else 0)
