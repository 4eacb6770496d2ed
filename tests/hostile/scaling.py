#!/usr/bin/env python3
"""Is each stage's work linear in its input? Codes hostile inputs of one family at growing sizes
and fits the exponent of time against size.

usage: python3 tests/hostile/scaling.py DYAD [--only NAME[,NAME...]]

Each family aims at one stage (the splitter and the sentence cap, the tagger and parser, the
coder's patterns, the quote scanner, the place and actor matchers, the time scanner, the HTML
reader) with an input that grows by a knob `n` (sentences, names, quotes, elements...). Each
size is coded alone (`dyad code --doc-budget 0 --max-doc-bytes 40000000`). The input doubles
until its work (time past start-up) is at least half a second, then is made 4 times larger; the
exponent is the slope of log(time - start-up) against log(bytes) between those two.
A cost linear in the input has an exponent near 1; a quadratic one near 2. Exit 1 if any
family's exponent is over 1.3.
"""

import argparse
import math
import os
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cases import S, S2, u, words  # noqa: E402

LIMIT = 1.3
# seconds of work (past start-up) the smaller of the two sizes compared must take, so that noise
# does not decide the exponent; inputs grow no larger than MAX_BYTES trying
MIN_WORK = 0.5
MAX_BYTES = 8_000_000

NAMES = ["the United States", "Russia", "China", "France", "Germany", "the United Nations",
         "NATO", "Ukraine", "Syria", "Iraq"]
PLACES = ["Kyiv", "Kharkiv", "Odesa", "Aleppo", "Gaza", "Khartoum", "Mosul", "Donetsk",
          "Beirut", "Tripoli"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def fam(name, stage, ext, base, make):
    return {"name": name, "stage": stage, "ext": ext, "base": base, "make": make}


FAMILIES = [
    fam("no_punctuation", "splitter, sentence cap", ".txt", 20_000, lambda n: u(words(n) + "\n")),
    fam("news_sentences", "tagger, parser, coder", ".txt", 2_000,
        lambda n: u("\n\n".join(f"{S} {S2}" for _ in range(n)) + "\n")),
    fam("actors_list", "actor matcher, coder patterns", ".txt", 16_000,
        lambda n: u(", ".join(NAMES[i % len(NAMES)] for i in range(n)) + " condemned the attack on Ukraine.\n")),
    fam("places_list", "gazetteer", ".txt", 16_000,
        lambda n: u("Troops shelled " + ", ".join(PLACES[i % len(PLACES)] for i in range(n)) + ".\n")),
    fam("quotes", "quote scanner", ".txt", 3_000,
        lambda n: u(" ".join('"Russia attacked Ukraine," the minister said.' if i % 2 == 0
                             else '"We condemn it," he added, "and we will respond."' for i in range(n)) + "\n")),
    fam("one_long_quote", "quote scanner", ".txt", 2_000,
        lambda n: u('"' + " ".join([S, S2] * n) + '"\n')),
    fam("unclosed_quote", "quote scanner", ".txt", 2_000,
        lambda n: u('The minister said: "' + " ".join([S, S2] * n) + "\n")),
    fam("said_chain", "coder (reported speech)", ".txt", 6_000,
        lambda n: u(" ".join(f"{NAMES[i % 5]} said that" for i in range(n)) + " Russia attacked Ukraine.\n")),
    fam("dates", "time scanner", ".txt", 2_000,
        lambda n: u(" ".join(f"On {DAYS[i % 7]}, {1 + i % 28} May 2024, Russia attacked Ukraine." for i in range(n)) + "\n")),
    fam("weekdays", "time scanner", ".txt", 16_000,
        lambda n: u(" ".join("on " + DAYS[i % 7] for i in range(n)) + " Russia attacked Ukraine.\n")),
    fam("parens_deep", "tokenizer, parser", ".txt", 80_000,
        lambda n: u("(" * n + S + ")" * n + " " + S2 + "\n")),
    fam("numbers", "tokenizer, fatalities", ".txt", 60_000,
        lambda n: u(" ".join(str((i * 7919) % 10 ** (1 + i % 9)) for i in range(n)) + ".\n")),
    fam("html_nested_divs", "HTML reader", ".html", 100_000,
        lambda n: u("<html><body>" + "<div>" * n + S + " " + S2 + "</body></html>\n")),
    fam("html_nested_tables", "HTML reader", ".html", 20_000,
        lambda n: u("<html><body>" + "<table><tr><td>" * n + S + "</td></tr></table>" * n + "</body></html>\n")),
    fam("html_paragraphs", "HTML reader, extraction", ".html", 1_500,
        lambda n: u("<html><body><article>" + "".join(f"<p>{S} {S2}</p>" for _ in range(n)) + "</article></body></html>\n")),
    fam("html_links", "HTML reader, link-heavy blocks", ".html", 20_000,
        lambda n: u("<html><body><article><p>" + S + "</p>" + "".join(f"<li><a href='/a{i}'>Story {i}</a></li>" for i in range(n)) + "<p>" + S2 + "</p></article></body></html>\n")),
]


def measure(dyad, family, k, tmp):
    """(bytes, seconds) of coding the family's input at knob base * k."""
    data = family["make"](family["base"] * k)
    path = os.path.join(tmp, family["name"] + family["ext"])
    with open(path, "wb") as out:
        out.write(data)
    return len(data), run(dyad, path)


def run(dyad, path):
    start = time.monotonic()
    proc = subprocess.run([dyad, "code", "--date", "2024-05-06", "--doc-budget", "0",
                           "--max-doc-bytes", "40000000", path],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=600)
    took = time.monotonic() - start
    if proc.returncode not in (0, 2):
        raise RuntimeError(f"{path}: exit {proc.returncode}: {proc.stderr.decode(errors='replace')[-500:]}")
    return took


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dyad")
    ap.add_argument("--only")
    args = ap.parse_args()
    only = set(args.only.split(",")) if args.only else None
    with tempfile.TemporaryDirectory() as tmp:
        empty = os.path.join(tmp, "empty.txt")
        with open(empty, "wb") as f:
            f.write(u(S + "\n"))
        startup = min(run(args.dyad, empty) for _ in range(3))
        print(f"start-up (one sentence): {startup:.2f} s")
        print(f"{'family':<20} {'stage':<32} {'largest':>9} {'time':>7}  exponent")
        worst = 0.0
        failed = []
        for f in FAMILIES:
            if only and f["name"] not in only:
                continue
            # grow until the work (time past start-up) is long enough to time, then 4x that
            k, points = 1, []
            while True:
                size, took = measure(args.dyad, f, k, tmp)
                points.append((size, took))
                if took - startup >= MIN_WORK or size * 2 > MAX_BYTES:
                    break
                k *= 2
            if took - startup < MIN_WORK:
                print(f"{f['name']:<20} {f['stage']:<32} {size / 1e6:>7.2f}MB {took:>6.2f}s  -"
                      f"      (under {MIN_WORK} s of work at the largest size: fast)", flush=True)
                continue
            points.append(measure(args.dyad, f, k * 4, tmp))
            (b1, t1), (b2, t2) = points[-2], points[-1]
            w1, w2 = t1 - startup, max(t2 - startup, 0.01)
            exponent = math.log(w2 / w1) / math.log(b2 / b1)
            worst = max(worst, exponent)
            flag = "  SUPERLINEAR" if exponent > LIMIT else ""
            if flag:
                failed.append(f["name"])
            times = " ".join(f"{t:.2f}" for _, t in points)
            print(f"{f['name']:<20} {f['stage']:<32} {b2 / 1e6:>7.2f}MB {t2:>6.2f}s  {exponent:.2f}"
                  f"   (times {times}){flag}", flush=True)
        print(f"largest exponent: {worst:.2f} (limit {LIMIT})")
        if failed:
            print("SUPERLINEAR: " + ", ".join(failed))
            return 1
        print("PASS: every family's time grows linearly with its input")
        return 0


if __name__ == "__main__":
    sys.exit(main())
