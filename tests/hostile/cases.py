"""Hostile inputs for `dyad code`: a table of cases, each generated at run time.

Each case is a `Case`:
  name     unique name (also the stem of the file written for it)
  ext      .txt, .jsonl, .html or .rss
  make     a function returning the file's bytes
  expect   'coded'            exit 0 and no `error:` line (events may be 0 or more; warnings allowed)
           'error'            an `error:` line that names the file (`FILE:` or, for JSONL with
                              `line` set, `FILE:LINE:`) and contains `sub`; exit 1 or 2
           'coded-or-warning' either of the above is acceptable (exit 0 or 2), as long as every
                              `error:`/`warning:` line names the file: used where a careful user could
                              reasonably want either, and the note says which we would prefer
  sub      the substring the error line must contain (case-insensitive); for 'coded-or-warning',
           what the error must contain if dyad chooses the error
  silent_ok a non-empty file may yield 0 documents with no message (otherwise that is a failure:
           the file was silently ignored)
  line     for JSONL errors: the line the error must name
  docs     optional (read, coded, skipped) the summary line must report
  forbid   strings that must not appear in stdout or stderr (e.g. /etc/passwd contents)
  max_out  largest acceptable stdout in bytes (catches entity expansion)
  twice    run it twice: the two stdouts must be identical (stable doc and event ids)
  args     extra arguments to `dyad code` (such cases are left out of the folder run)
  slow     skipped unless run.py --all
  note     why the case exists, and what outcome a careful user would want
"""

import random
from dataclasses import dataclass, field
from typing import Callable, Optional, Tuple

PASSWD_MARKERS = ("root:x:0:0", "/bin/bash", "daemon:x:", "nologin")


@dataclass
class Case:
    name: str
    ext: str
    make: Callable[[], bytes]
    expect: str = "coded"
    sub: Optional[str] = None
    silent_ok: bool = False
    twice: bool = False
    line: Optional[int] = None
    docs: Optional[Tuple[int, int, int]] = None
    forbid: Tuple[str, ...] = ()
    max_out: Optional[int] = None
    args: Tuple[str, ...] = ()
    slow: bool = False
    note: str = ""


S = "Russia attacked Ukraine."
S2 = "China condemned Japan."
GOOD = (S + " " + S2 + "\n").encode()


def u(s):
    return s.encode("utf-8")


def rnd(seed):
    return random.Random(seed)


def words(n, seed=1):
    r = rnd(seed)
    vocab = ["the", "minister", "said", "talks", "would", "continue", "in", "capital", "after",
             "officials", "met", "troops", "border", "week", "government", "people", "on", "of",
             "and", "a", "to", "city", "army", "report", "statement", "Russia", "Ukraine", "China"]
    return " ".join(r.choice(vocab) for _ in range(n))


def to_size(unit, size):
    return (unit * (size // len(unit) + 1))[:size]


def jl(*objs):
    import json
    return "".join(json.dumps(o) + "\n" for o in objs).encode()


def html(body, head="<title>Test</title>"):
    return u("<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + head + "</head><body>"
             + body + "</body></html>\n")


def article(inner):
    return html("<article><h1>Story</h1><p>" + S + "</p>" + inner + "<p>" + S2 + "</p></article>")


def rss(items_xml, prolog='<?xml version="1.0" encoding="UTF-8"?>\n', doctype=""):
    return u(prolog + doctype + '<rss version="2.0"><channel><title>Feed</title>'
             "<link>https://example.org/</link><description>d</description>"
             + items_xml + "</channel></rss>\n")


def item(title="Story", desc=S, extra=""):
    return ("<item><title>" + title + "</title><link>https://example.org/a</link>"
            "<pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate><description>" + desc
            + "</description>" + extra + "</item>")


# ---------------------------------------------------------------- generators used below

def binary_garbage():
    r = rnd(7)
    return bytes(r.randrange(256) for _ in range(200_000))


def punct_mb():
    r = rnd(3)
    p = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
    return u("".join(r.choice(p) for _ in range(1_000_000)))


def actors_10k():
    names = ["the United States", "Russia", "China", "France", "Germany", "Japan", "India",
             "Brazil", "Iran", "Israel", "Turkey", "Egypt", "Pakistan", "the United Nations",
             "NATO", "the European Union", "Ukraine", "Syria", "Iraq", "Saudi Arabia"]
    lst = ", ".join(names[i % len(names)] for i in range(10_000))
    return u(lst + " condemned the attack on Ukraine.\n")


def quotes_5000():
    parts = ['"Russia attacked Ukraine," the minister said.' if i % 2 == 0
             else '"We condemn it," he added, "and we will respond."' for i in range(5000)]
    return u(" ".join(parts) + "\n")


def one_long_quote():
    return u('"' + " ".join([S, S2, "The talks will continue, officials said."] * 3000) + '"\n')


def unclosed_quote():
    return u('The minister said: "' + " ".join([S, S2] * 4000) + "\n")


def zalgo():
    r = rnd(5)
    out = []
    for ch in (S + " " + S2) * 200:
        out.append(ch)
        out.extend(chr(r.randrange(0x300, 0x370)) for _ in range(30))
    return u("".join(out) + "\n")


def zalgo_one_char():
    return u("R" + "\u0301" * 500_000 + "ussia attacked Ukraine.\n")


def emoji_flood():
    r = rnd(9)
    em = ["\U0001F600", "\U0001F1FA\U0001F1F8", "\U0001F468\u200D\U0001F469\u200D\U0001F467",
          "\U0001F44D\U0001F3FD", "\u2764\uFE0F", "\U0001F525"]
    return u(S + " " + "".join(r.choice(em) for _ in range(150_000)) + " " + S2 + "\n")


def zwj_flood():
    return u("\u200d".join(S + " " + S2) * 2000 + "\n")


def zero_width_in_names():
    return u("Rus\u200bsia attacked Ukr\u200caine. Ch\u2060ina con\u00addemned Ja\ufeffpan.\n")


def bidi():
    return u("\u202eRussia attacked Ukraine.\u202c \u202dChina\u202c condemned \u2067Japan\u2069. "
             "\u200fIsrael\u200f condemned \u200eIran\u200e. " * 500 + "\n")


def bidi_unbalanced():
    return u("\u202e" * 50_000 + S + " " + "\u2066" * 50_000 + S2 + "\n")


def rtl_arabic():
    return u("قالت وزارة الخارجية إن روسيا هاجمت أوكرانيا. " + S + " الصين أدانت اليابان. " + S2 + "\n")


def control_chars():
    cc = "".join(chr(c) for c in range(1, 32) if c not in (10,)) + "\x7f" + "\u0085"
    return u((S + cc + S2 + " ") * 200 + "\n")


def numbers_flood():
    r = rnd(11)
    return u(" ".join(str(r.randrange(10 ** r.randrange(1, 15))) for _ in range(150_000)) + ".\n")


def numbers_mixed():
    r = rnd(12)
    forms = [lambda: f"{r.randrange(1, 999)},{r.randrange(100, 999)}", lambda: f"{r.random():.3f}",
             lambda: f"${r.randrange(1, 99)}bn", lambda: f"{r.randrange(1, 99)}%",
             lambda: f"1e{r.randrange(1, 400)}", lambda: "9" * 300]
    return u(S + " " + " ".join(r.choice(forms)() for _ in range(20_000)) + " " + S2 + "\n")


def urls_flood():
    r = rnd(13)
    return u(" ".join(f"https://www.example{r.randrange(1000)}.com/news/2024/05/{r.randrange(99999)}"
                      f"?q=Russia+attacked+Ukraine&id={i}#frag." for i in range(10_000)) + "\n")


def dates_flood():
    return u(("1 January 2020 " * 10_000) + S + "\n")


def weekday_flood():
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    return u(" ".join("on " + days[i % 7] for i in range(10_000)) + " Russia attacked Ukraine.\n")


def date_forms_flood():
    forms = ["2024-05-06", "05/06/2024", "6 May", "May 6th, 2024", "last week", "yesterday",
             "31 February 2021", "2024-13-45", "9999-99-99", "0000-00-00", "March 32, 1999"]
    return u(" ".join(f"On {forms[i % len(forms)]} Russia attacked Ukraine." for i in range(5000)) + "\n")


def said_chain():
    names = ["Russia", "China", "Japan", "France", "Iran"]
    return u(" ".join(f"{names[i % 5]} said that" for i in range(5000)) + " Russia attacked Ukraine.\n")


def parens_deep():
    return u("(" * 50_000 + S + ")" * 50_000 + " " + S2 + "\n")


def brackets_unbalanced():
    return u(")" * 30_000 + "]" * 30_000 + S + "(" * 30_000 + "[" * 30_000 + " " + S2 + "\n")


def abbreviations():
    return u(("U.S. U.N. E.U. Gen. Mr. Dr. St. Jan. Feb. a.m. p.m. No. etc. i.e. e.g. " * 5000) + S + "\n")


def dateline_long():
    return u("A" * 10_000 + ", May 6 (Reuters) - " + S + " " + S2 + "\n")


def dateline_long_place():
    return u(("SAINT PETERSBURG " * 600) + "(AP) — " + S + "\n")


def latin1():
    return ("Le président français a condamné l'attaque. Les élèves étaient à l'école. "
            "Russia attacked Ukraine. Münchner Bürger protestierten.\n").encode("latin-1")


def mixed_enc():
    return (u("Russia attacked Ukraine. Le président a condamné l'attaque. ")
            + "Le ministre a déclaré que c'était grave. ".encode("latin-1")
            + "\u201cChina condemned Japan,\u201d he said \u2014 ".encode("cp1252")
            + u("日本は抗議した。 ") + b"\x81\x8d\x8f\x90\x9d " + u(S2) + b"\n")


def huge_nested_html(tag, n):
    return u("<html><body>" + ("<" + tag + ">") * n + S + " " + S2 + "</body></html>\n")


def nested_table():
    return u("<html><body>" + "<table><tr><td>" * 10_000 + S + "</td></tr></table>" * 10_000
             + "</body></html>\n")


def html_1m_numeric_entities():
    return u("<html><body><p>" + "&#65;" * 1_000_000 + "</p><p>" + S + "</p></body></html>\n")


def html_invalid_codepoints():
    bad = "&#0; &#xD800; &#xDFFF; &#x110000; &#99999999999999999999; &#xFFFFFFFFFFFF; &#-1; &#x; &#; &#1114112; &#128; &#x80; &#xFFFE;"
    return article("<p>" + (bad + " ") * 2000 + "</p><p>Russia&#0;attacked&#xD800;Ukraine&#x110000;.</p>")


def html_amp_chain():
    return article("<p>" + "&" + "amp;" * 400_000 + "lt;script&gt;</p>")


def html_named_entities_flood():
    ents = ["&nbsp;", "&eacute;", "&notit;", "&amp", "&lt", "&AElig", "&CounterClockwiseContourIntegral;",
            "&zzzz;", "&#x1F600;", "&ltx", "&", "&;"]
    return article("<p>" + " ".join(ents[i % len(ents)] for i in range(200_000)) + "</p>")


def html_huge_attr():
    return html('<div data-x="' + "x" * 1_500_000 + '"><p>' + S + "</p></div>")


def html_unclosed_attr():
    return html('<div class="story><p>' + S + "</p><p>" + S2 + "</p>" + "x " * 100_000)


def html_many_attrs():
    return html("<p " + " ".join(f"a{i}=\"{i}\"" for i in range(100_000)) + ">" + S + "</p>")


def html_broken_tags():
    return html(("<<<<>>>> </ > <!> <? ?> <a <b <c =\"\" ='' " * 20_000) + "<p>" + S + "</p>")


def html_many_paragraphs():
    return html("<article>" + "".join(f"<p>{S} {S2}</p>" for _ in range(10_000)) + "</article>")


def html_data_uri():
    return html('<p>' + S + '</p><img src="data:image/png;base64,' + "QUFB" * 400_000 + '"><p>' + S2 + "</p>")


def html_jsonld_nested():
    return html("<article><p>" + S + "</p></article>",
                head='<script type="application/ld+json">{"@type":"NewsArticle","datePublished":'
                     + "[" * 100_000 + "]" * 100_000 + "}</script>")


def html_jsonld_bad():
    return html("<article><p>" + S + "</p></article>",
                head='<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"99999-99-99",'
                     '"headline":' + '"x' * 1000 + "</script>"
                     '<meta property="article:published_time" content="0000-00-00T99:99">')


def html_latin1_meta():
    return ('<html><head><meta charset="iso-8859-1"><title>Crise</title></head><body><article>'
            "<p>Le président français a condamné l'attaque. Russia attacked Ukraine.</p>"
            "</article></body></html>\n").encode("latin-1")


def html_meta_latin1_but_utf8():
    return u('<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
             "</head><body><article><p>Le président a condamné l'attaque. Russia attacked Ukraine.</p>"
             "<p>日本は抗議した。China condemned Japan.</p></article></body></html>\n")


def rss_items(n):
    return rss("".join(item(f"Story {i}", f"{S} {S2}") for i in range(n)))


LAUGHS = ('<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
          + "".join(f'<!ENTITY lol{i} "' + (f"&lol{i - 1};" if i > 1 else "&lol;") * 10 + '">\n'
                    for i in range(1, 10)) + "]>\n")


def rss_laughs():
    return rss(item("Laughs &lol9;", S + " &lol9;"), doctype=LAUGHS)


def rss_quadratic():
    big = "A" * 100_000
    return rss(item("Quad", S + " " + "&a;" * 20_000),
               doctype='<!DOCTYPE rss [<!ENTITY a "' + big + '">]>\n')


def rss_passwd():
    return rss(item("Secret &xxe;", S + " &xxe;"),
               doctype='<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n')


def rss_passwd_param():
    return rss(item("Param", S),
               doctype='<!DOCTYPE rss [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>\n')


def rss_doctype_external_dtd():
    return rss(item("Dtd", S), doctype='<!DOCTYPE rss SYSTEM "file:///etc/passwd">\n')


def atom_wrong_ns():
    return u('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://example.org/not-atom">'
             "<title>T</title><entry><title>E</title><id>urn:x</id><updated>2024-05-06T10:00:00Z</updated>"
             "<content type=\"text\">" + S + "</content></entry></feed>\n")


def atom_no_ns():
    return u('<?xml version="1.0"?>\n<feed><entry><title>E</title><updated>2024-05-06T10:00:00Z</updated>'
             "<summary>" + S + "</summary></entry></feed>\n")


def atom_prefixed():
    return u('<?xml version="1.0"?>\n<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:entry><a:title>E</a:title>'
             "<a:updated>2024-05-06T10:00:00Z</a:updated><a:content type=\"html\">&lt;p&gt;" + S
             + "&lt;/p&gt;</a:content></a:entry></a:feed>\n")


def rss_iso_but_utf8():
    return rss(item("Le président", "Le président a condamné l'attaque. 日本. " + S),
               prolog='<?xml version="1.0" encoding="ISO-8859-1"?>\n')


def rss_iso_real():
    return ('<?xml version="1.0" encoding="ISO-8859-1"?>\n<rss version="2.0"><channel><title>F</title>'
            "<item><title>Le président</title><pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate>"
            "<description>Le président a condamné l'attaque. " + S + "</description></item>"
            "</channel></rss>\n").encode("latin-1")


def rss_html_everywhere():
    h = "&lt;b&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;/b&gt;"
    return rss("".join(
        f"<item><title>{h}Story {i}</title><link>javascript:alert(1)</link><guid>{h}</guid>"
        f"<author>{h}</author><category>{h}</category><pubDate>{h}</pubDate>"
        f"<description>&lt;p&gt;{S}&lt;/p&gt;{h}&lt;div&gt;&lt;p&gt;{S2}</description>"
        f"<content:encoded xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><![CDATA[<p>{S}</p><script>x</script><div><div>]]></content:encoded>"
        "</item>" for i in range(50)))


def rss_deep():
    return rss("<item><title>Deep</title><description>" + S + "</description>"
               + "<x>" * 100_000 + "</x>" * 100_000 + "</item>")


def rss_bad_dates():
    ds = ["Mon, 31 Feb 99999 99:99:99 GMT", "yesterday", "", "2024-05-06", "0", "Mon, 06 May 2024 10:00:00 +9999",
          "-1", "1e999999"]
    return rss("".join(f"<item><title>D{i}</title><pubDate>{d}</pubDate><description>{S}</description></item>"
                       for i, d in enumerate(ds)))


def jsonl_nested(depth):
    return u('{"text":"' + S + '","extra":' + "[" * depth + "]" * depth + "}\n")


def jsonl_many_keys():
    return u("{" + ",".join(f'"k{i}":{i}' for i in range(100_000)) + ',"text":"' + S + '"}\n')


# ---------------------------------------------------------------- the table

CASES = [
    # ---------------- plain text: emptiness, bytes, encodings
    Case("empty_txt", ".txt", lambda: b"", "error", "empty",
         note="an empty file: a careful user wants it named as skipped, not silently dropped"),
    Case("whitespace_only", ".txt", lambda: b" \t\n\r\n \x0b\x0c  \n" * 5000, "error", "empty",
         note="only ASCII whitespace: no text, so reported like an empty file"),
    Case("unicode_whitespace_only", ".txt", lambda: u("\u00a0\u2003\u3000\u2028\u2029\u200b\ufeff\n" * 5000),
         "coded-or-warning",
         note="only Unicode spaces/zero-width: preferably 'empty' like ASCII whitespace; coded with 0 events is acceptable"),
    Case("binary_garbage", ".txt", binary_garbage, "error", "binary",
         note="200 KB random bytes: an error naming the file (not UTF-8 / binary), not gibberish events"),
    Case("nul_only", ".txt", lambda: b"\0" * 100_000, "error", "",
         note="100 KB of NUL: not text; an error naming the file"),
    Case("nul_inside_text", ".txt", lambda: u(S) + b"\0\0\0 " + u(S2) + b"\n", "coded-or-warning",
         note="NUL bytes between sentences: coding the text around them (perhaps with a warning) is best; a clear error is acceptable"),
    Case("nul_every_other_byte", ".txt", lambda: b"\0".join(bytes([c]) for c in GOOD * 100), "error", "",
         note="UTF-16LE without BOM (NUL every other byte): an error naming the file. SURPRISE: dyad says 'binary file ... is this a PDF, Word...'; 'UTF-16' advice (as with a BOM) would be better"),
    Case("huge_line_words", ".txt", lambda: u(words(250_000)[:1_400_000]), "coded",
         note="1.4 MB of words, no punctuation: must be cut into pieces, coded within the budget"),
    Case("huge_single_token", ".txt", lambda: b"a" * 1_400_000, "coded",
         note="one 1.4 MB token"),
    Case("huge_single_token_capital", ".txt", lambda: b"RUSSIA" * 250_000, "coded",
         note="one 1.5 MB capitalised token that starts with an actor name"),
    Case("punctuation_1mb", ".txt", punct_mb, "coded", note="1 MB of random ASCII punctuation"),
    Case("dots_1mb", ".txt", lambda: b"." * 1_000_000, "coded", note="1 MB of full stops (sentence splitter)"),
    Case("ellipsis_flood", ".txt", lambda: u(("Russia attacked\u2026 Ukraine... " * 20_000) + "\n"), "coded",
         note="20,000 ellipses"),
    Case("newlines_1m", ".txt", lambda: b"\n" * 1_000_000 + u(S) + b"\n", "coded",
         note="1M blank lines before one sentence"),
    Case("one_word_lines_100k", ".txt", lambda: u("\n".join(words(100_000).split()) + "\n"), "coded",
         note="100,000 one-word lines"),
    Case("size_at_limit", ".txt", lambda: to_size(GOOD, 2_000_000), "coded",
         note="exactly --max-doc-bytes (2,000,000 bytes) of repeated sentences: accepted"),
    Case("size_over_limit", ".txt", lambda: to_size(GOOD, 2_000_001), "error", "over the limit",
         note="one byte over the limit: an error naming the file and the limit"),
    Case("size_5mb", ".txt", lambda: to_size(GOOD, 5_000_000), "error", "over the limit",
         note="5 MB text: skipped with the limit named, promptly and without reading it all into the coder"),
    Case("utf8_bom", ".txt", lambda: b"\xef\xbb\xbf" + GOOD, "coded", note="UTF-8 BOM is stripped and the text coded"),
    Case("utf8_bom_twice", ".txt", lambda: b"\xef\xbb\xbf\xef\xbb\xbf" + GOOD, "coded",
         note="two BOMs (a concatenation mistake)"),
    Case("utf16le_bom", ".txt", lambda: "\ufeff".encode("utf-16-le") + GOOD.decode().encode("utf-16-le"),
         "error", "UTF-16", note="UTF-16LE with BOM: an error that says UTF-16 and how to convert"),
    Case("utf16be_bom", ".txt", lambda: "\ufeff".encode("utf-16-be") + GOOD.decode().encode("utf-16-be"),
         "error", "UTF-16", note="UTF-16BE with BOM"),
    Case("utf32le_bom", ".txt", lambda: "\ufeff".encode("utf-32-le") + GOOD.decode().encode("utf-32-le"),
         "error", "", note="UTF-32LE with BOM: a clear error (ideally 'UTF-32'; it starts like a UTF-16LE BOM)"),
    Case("latin1_text", ".txt", latin1, "coded-or-warning",
         note="ISO-8859-1 text: best is decoding as Latin-1 with a warning; an error naming the file and the encoding is acceptable"),
    Case("cp1252_quotes", ".txt", lambda: "\u201cRussia attacked Ukraine,\u201d he said \u2014 \u2018China condemned Japan.\u2019\n".encode("cp1252"),
         "coded-or-warning", note="Windows-1252 smart quotes (0x93 0x94 0x97): a common real-world case"),
    Case("mixed_encodings", ".txt", mixed_enc, "coded-or-warning",
         note="UTF-8, Latin-1, CP1252 and C1 bytes in one file: the UTF-8 parts coded, or an error naming the file"),
    Case("invalid_utf8_start", ".txt", lambda: b"\xff\xfe\xfd" + GOOD * 10, "coded-or-warning",
         note="invalid bytes at the start (0xFF 0xFE looks like a UTF-16 BOM: here the rest is UTF-8)"),
    Case("invalid_utf8_middle", ".txt", lambda: GOOD * 10 + b"\xc3\x28\xa0\xa1" + GOOD * 10, "coded-or-warning",
         note="invalid bytes in the middle"),
    Case("invalid_utf8_end", ".txt", lambda: GOOD * 10 + b"Kyiv \xe2\x82", "coded-or-warning",
         note="a multibyte sequence truncated at end of file"),
    Case("overlong_utf8", ".txt", lambda: u(S) + b" \xc0\xaf\xe0\x80\xaf\xf0\x80\x80\xaf " + u(S2), "coded-or-warning",
         note="overlong encodings of '/': must never be decoded as '/'"),
    Case("cesu_surrogates", ".txt", lambda: u(S) + b" \xed\xa0\x80\xed\xb0\x80 " + u(S2), "coded-or-warning",
         note="UTF-8-encoded surrogates (CESU-8)"),
    Case("noncharacters", ".txt", lambda: u(S + " \ufffe\uffff\U0010ffff\U0001fffe " + S2 + "\n"), "coded",
         note="valid UTF-8 noncharacters"),
    Case("cr_only_lines", ".txt", lambda: (GOOD.replace(b"\n", b"\r")) * 1000, "coded",
         note="old Mac line ends (CR only)"),
    Case("crlf_lines", ".txt", lambda: GOOD.replace(b"\n", b"\r\n") * 1000, "coded", note="CRLF line ends"),
    Case("unicode_line_separators", ".txt", lambda: u((S + "\u2028" + S2 + "\u2029\u0085") * 1000), "coded",
         note="U+2028, U+2029 and NEL as line ends"),
    Case("control_chars", ".txt", control_chars, "coded-or-warning",
         note="every C0 control (except LF), DEL and NEL between sentences"),
    Case("form_feed_vtab", ".txt", lambda: (u(S) + b"\x0c\x0b" + u(S2) + b"\x0c") * 2000, "coded",
         note="form feeds and vertical tabs as separators"),
    Case("bidi_overrides", ".txt", bidi, "coded", note="RLO/LRO/RLI/PDI/RLM/LRM around actor names"),
    Case("bidi_unbalanced_flood", ".txt", bidi_unbalanced, "coded", note="100,000 unbalanced bidi controls"),
    Case("rtl_arabic_mixed", ".txt", rtl_arabic, "coded", note="Arabic mixed with English sentences"),
    Case("zwj_flood", ".txt", zwj_flood, "coded", note="a zero-width joiner between every character"),
    Case("zero_width_in_names", ".txt", zero_width_in_names, "coded",
         note="ZWSP/ZWNJ/WJ/soft hyphen/BOM inside actor names"),
    Case("zalgo_text", ".txt", zalgo, "coded", note="30 combining marks on every character (Zalgo)"),
    Case("zalgo_one_char", ".txt", zalgo_one_char, "coded", note="500,000 combining marks on one letter"),
    Case("emoji_flood", ".txt", emoji_flood, "coded", note="150,000 emoji incl. ZWJ sequences, flags, skin tones"),
    Case("nbsp_flood", ".txt", lambda: u(("\u00a0" * 50 + S + "\u202f" * 50 + S2) * 2000), "coded",
         note="no-break spaces and narrow no-break spaces"),
    Case("fullwidth_text", ".txt", lambda: u("Ｒｕｓｓｉａ ａｔｔａｃｋｅｄ Ｕｋｒａｉｎｅ．１２３４５ " * 2000), "coded",
         note="fullwidth Latin letters and digits"),
    Case("html_in_txt", ".txt", lambda: html("<p>" + S + "</p><script>alert(1)</script>"), "coded",
         note="HTML markup in a .txt file: coded as text (tags are words); no crash"),
    Case("actor_verb_sentence_2mb", ".txt", lambda: u("Russia attacked Ukraine and China condemned Japan, " * 38_000), "coded", slow=True,
         note="(slow: 4-7 s, twice with the folder run) a 1.9 MB sentence of actors and verbs joined by commas (cut into pieces; tens of thousands of events)"),
    Case("said_that_flood", ".txt", lambda: u("Russia, China, Japan and France said that " * 45_000 + "Iran attacked Israel."), "coded", slow=True,
         note="(slow: 5-8 s, twice with the folder run) 45,000 nested 'said that' clauses with coordinated subjects"),
    Case("doc_budget_exceeded", ".txt", lambda: u("Russia attacked Ukraine and China condemned Japan, " * 38_000), "error", "budget",
         args=("--doc-budget", "1"), note="the 2 MB sentence with --doc-budget 1: reported and skipped, naming the file"),
    Case("tabs_and_spaces_inside", ".txt", lambda: u(("Russia\t\t\tattacked" + " " * 10_000 + "Ukraine.\n") * 100),
         "coded", note="huge runs of spaces inside sentences"),
    # ---------------- plain text: pathological language
    Case("actor_names_10k", ".txt", actors_10k, "coded",
         note="one sentence listing 10,000 actor names: must not be quadratic in actors"),
    Case("quotes_5000", ".txt", quotes_5000, "coded", note="5,000 quoted segments"),
    Case("one_long_quotation", ".txt", one_long_quote, "coded", note="the whole document is one quotation"),
    Case("unclosed_quote", ".txt", unclosed_quote, "coded", note="an opening quote never closed"),
    Case("sentences_20k", ".txt", lambda: u(" ".join([S] * 20_000) + "\n"), "coded", twice=True,
         note="20,000 sentences of 'Russia attacked Ukraine.': coded within the budget"),
    Case("comma_sentence_50k", ".txt", lambda: u(", ".join(words(50_000).split()) + ".\n"), "coded",
         note="a 50,000-word sentence with commas only"),
    Case("actor_commas_sentence", ".txt", lambda: u("Russia, " * 20_000 + "attacked Ukraine.\n"), "coded",
         note="one actor repeated 20,000 times as a coordinated subject"),
    Case("weekday_flood", ".txt", weekday_flood, "coded", note="'on Monday on Tuesday ...' x 10,000"),
    Case("dates_flood", ".txt", dates_flood, "coded", note="'1 January 2020' x 10,000"),
    Case("date_forms_flood", ".txt", date_forms_flood, "coded", note="5,000 sentences with odd and impossible dates"),
    Case("numbers_flood", ".txt", numbers_flood, "coded", note="150,000 numbers in one sentence"),
    Case("numbers_mixed", ".txt", numbers_mixed, "coded", note="money, percentages, 300-digit numbers, exponents"),
    Case("urls_flood", ".txt", urls_flood, "coded", note="10,000 URLs"),
    Case("said_chain", ".txt", said_chain, "coded", note="'X said that' nested 5,000 times (reported speech depth)"),
    Case("parens_deep", ".txt", parens_deep, "coded", note="50,000 nested parentheses"),
    Case("brackets_unbalanced", ".txt", brackets_unbalanced, "coded", note="120,000 unbalanced brackets"),
    Case("abbreviations_flood", ".txt", abbreviations, "coded", note="abbreviations that look like sentence ends"),
    Case("hyphen_word", ".txt", lambda: u("-".join(["Russia", "Ukraine"] * 100_000) + " attacked.\n"), "coded",
         note="one 1.4 MB hyphenated compound"),
    Case("negation_flood", ".txt", lambda: u("Russia did not not not " + "not " * 50_000 + "attack Ukraine.\n"), "coded",
         note="50,000 negations"),
    # ---------------- datelines
    Case("dateline_empty_fields", ".txt", lambda: u("MOSCOW, , /TASS/. " + S + "\n"), "coded",
         note="'MOSCOW, , /TASS/.': an empty date in the dateline"),
    Case("dateline_10k_chars", ".txt", dateline_long, "coded", note="a 10,000-character dateline"),
    Case("dateline_long_place", ".txt", dateline_long_place, "coded", note="a 10,000-character place name"),
    Case("dateline_only", ".txt", lambda: u("WASHINGTON (AP) \u2014\n"), "coded-or-warning",
         note="a dateline with no story: coded with 0 events, or 'empty' error"),
    Case("dateline_bad_dates", ".txt",
         lambda: u("PARIS, Feb. 30, 2021 (AFP) - " + S + "\nBERLIN, 99999-01-01 (dpa) - " + S2 + "\n"), "coded",
         note="impossible dates in datelines: ignored, not a panic"),
    Case("dateline_year_zero", ".txt", lambda: u("KYIV, Jan 1, 0000 /Ukrinform/. " + S + "\n"), "coded",
         note="year 0 in the dateline"),
    Case("dateline_flood", ".txt", lambda: u(("MOSCOW, May 6 /TASS/. " + S + "\n") * 5000), "coded",
         note="5,000 datelines in one document"),
    # ---------------- HTML
    Case("html_empty", ".html", lambda: b"", "error", "empty", note="empty .html"),
    Case("html_no_text", ".html", lambda: html("<div><img src=x></div>"), "coded-or-warning",
         note="a page with no text: 'no text' error or 0 events"),
    Case("html_div_100k_unclosed", ".html", lambda: huge_nested_html("div", 100_000), "coded",
         note="100,000 unclosed <div>"),
    Case("html_b_100k_nested", ".html", lambda: huge_nested_html("b", 100_000), "coded",
         note="100,000 nested <b> (adoption-agency algorithm stress)"),
    Case("html_a_100k_nested", ".html", lambda: huge_nested_html("a", 50_000), "coded",
         note="50,000 nested <a>"),
    Case("html_p_in_table_nested", ".html", nested_table, "coded", note="10,000 nested tables"),
    Case("html_close_tags_only", ".html", lambda: u("</div></p></b>" * 100_000 + "<p>" + S + "</p>"), "coded",
         note="300,000 end tags with no start tags"),
    Case("html_unclosed_comment", ".html", lambda: html("<p>" + S + "</p><!-- " + "x " * 200_000), "coded",
         note="a comment never closed: the text before it is still coded"),
    Case("html_unclosed_script", ".html", lambda: html("<p>" + S + "</p><script>" + "var x = 1; " * 100_000),
         "coded", note="<script> never closed"),
    Case("html_unclosed_style", ".html", lambda: u("<html><head><style>" + "p{}" * 100_000 + "</head><body><p>" + S),
         "error", "no text",
         note="<style> never closed: per the HTML spec it is raw text to end of file, so there is no body text; 'no text found' is right"),
    Case("html_unclosed_cdata", ".html", lambda: html("<p>" + S + "</p><![CDATA[" + "x " * 100_000), "coded",
         note="<![CDATA[ never closed"),
    Case("html_unclosed_title", ".html", lambda: u("<html><head><title>" + S + " " * 100_000 + S2), "coded-or-warning",
         note="<title> never closed: the whole file is title text"),
    Case("html_amp_chain", ".html", html_amp_chain, "coded",
         note="&amp;amp;amp;... 400,000 deep: decoded once, not recursively"),
    Case("html_numeric_entities_1m", ".html", html_1m_numeric_entities, "coded", args=("--max-doc-bytes", "10000000"),
         note="1M numeric entities (5 MB, with --max-doc-bytes raised)"),
    Case("html_numeric_entities_1m_default", ".html", html_1m_numeric_entities, "coded",
         note="the same 5 MB file at the default limit: coded, since for HTML the limit applies to the text (1 MB); the raw page may be 4x the limit"),
    Case("html_over_raw_limit", ".html", lambda: html("<p>" + S + "</p><script>" + "x" * 9_000_000 + "</script>"), "error",
         "over the limit", note="a 9 MB page (over 4 x --max-doc-bytes): skipped with the limit named, without parsing it"),
    Case("html_svg_self_closing", ".html", lambda: html('<svg class="icon"/><p>' + S + "</p>"), "coded",
         note="a self-closing <svg/> icon before the story"),
    Case("html_svg_unclosed_in_div", ".html", lambda: html('<div class="icon"><svg><use href="#i"></div><p>' + S + "</p><p>" + S2 + "</p>"),
         "coded", note="an <svg> left open inside a <div>: </div> closes it (HTML spec), the story after it must be coded"),
    Case("html_svg_breakout_p", ".html", lambda: html('<svg><path d="M0"><p>' + S + "</p><p>" + S2 + "</p>"), "coded",
         note="an unclosed <svg> followed by <p>: <p> breaks out of foreign content (HTML spec), so the text is body text"),
    Case("html_invalid_codepoints", ".html", html_invalid_codepoints, "coded",
         note="&#0; &#xD800; &#x110000; huge and empty numeric references: replaced, not a panic"),
    Case("html_named_entities_flood", ".html", html_named_entities_flood, "coded",
         note="200,000 named entities, valid, unterminated and unknown"),
    Case("html_huge_attribute", ".html", html_huge_attr, "coded", note="a 1.5 MB attribute value"),
    Case("html_unclosed_attribute", ".html", html_unclosed_attr, "coded-or-warning",
         note="an attribute quote never closed: the rest of the file is inside the tag; 0 events are acceptable"),
    Case("html_100k_attributes", ".html", html_many_attrs, "coded", note="one tag with 100,000 attributes"),
    Case("html_broken_tags", ".html", html_broken_tags, "coded", note="'<<<<>>>>' and half tags flood"),
    Case("html_many_paragraphs", ".html", html_many_paragraphs, "coded", note="10,000 paragraphs"),
    Case("html_data_uri", ".html", html_data_uri, "coded", note="a 1.6 MB data: URI"),
    Case("html_jsonld_nested", ".html", html_jsonld_nested, "coded",
         note="JSON-LD with 100,000 nested arrays as the date: ignored, not a stack overflow"),
    Case("html_jsonld_malformed", ".html", html_jsonld_bad, "coded", note="malformed JSON-LD and impossible meta dates"),
    Case("html_latin1_meta", ".html", html_latin1_meta, "coded-or-warning",
         note="Latin-1 page that declares charset=iso-8859-1: ideally decoded"),
    Case("html_meta_latin1_but_utf8", ".html", html_meta_latin1_but_utf8, "coded-or-warning",
         note="declares ISO-8859-1 but is UTF-8"),
    Case("html_utf16_bom", ".html", lambda: "\ufeff".encode("utf-16-le") + html("<p>" + S + "</p>").decode().encode("utf-16-le"),
         "error", "UTF-16", note="UTF-16 HTML"),
    Case("html_doctype_passwd", ".html",
         lambda: u('<!DOCTYPE html SYSTEM "file:///etc/passwd" [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body><p>'
                   + S + " &x;</p></body></html>"), "coded", forbid=PASSWD_MARKERS,
         note="a DOCTYPE naming /etc/passwd: never read"),
    Case("html_plaintext_xmp", ".html", lambda: html("<p>" + S + "</p><xmp><p>x</p></xmp><plaintext><p>" + S2 + "</p>"),
         "coded", note="<xmp> and <plaintext> (raw text to end of file)"),
    Case("html_foreign_content", ".html", lambda: html("<svg>" * 10_000 + "<math>" * 10_000 + "<p>" + S + "</p>"),
         "coded", note="20,000 unclosed svg/math elements"),
    Case("html_nul_in_tags", ".html", lambda: b"<ht\0ml><bo\0dy><p\0>" + u(S) + b"\0</p></body></html>", "coded-or-warning",
         note="NUL bytes inside tag names"),
    Case("html_only_head", ".html", lambda: u("<html><head><title>" + S + "</title><meta name=description content=\""
                                              + S2 + "\"></head></html>"), "coded-or-warning",
         note="no body, text only in the title/description"),
    # ---------------- RSS / Atom
    Case("rss_empty", ".rss", lambda: b"", "error", "", note="empty feed file: an error naming it"),
    Case("rss_not_xml", ".rss", lambda: GOOD, "error", "",
         note="plain text named .rss: a clear error (not a feed), naming the file"),
    Case("rss_truncated", ".rss", lambda: rss_items(5)[:-60], "coded-or-warning",
         note="feed cut off mid-channel: items before the cut coded (warning), or an error naming the file"),
    Case("rss_10k_items", ".rss", lambda: rss_items(10_000), "coded", note="10,000 items"),
    Case("rss_billion_laughs", ".rss", rss_laughs, "coded-or-warning", max_out=1_000_000,
         note="billion-laughs internal entities: must not expand exponentially (bounded time, memory and output)"),
    Case("rss_quadratic_blowup", ".rss", rss_quadratic, "coded-or-warning", max_out=5_000_000,
         note="a 100 KB entity referenced 20,000 times (2 GB if expanded)"),
    Case("rss_external_entity_passwd", ".rss", rss_passwd, "coded-or-warning", forbid=PASSWD_MARKERS,
         note="XXE: an external entity file:///etc/passwd must not be read"),
    Case("rss_external_param_entity", ".rss", rss_passwd_param, "coded-or-warning", forbid=PASSWD_MARKERS,
         note="XXE through a parameter entity"),
    Case("rss_doctype_system_passwd", ".rss", rss_doctype_external_dtd, "coded-or-warning", forbid=PASSWD_MARKERS,
         note="DOCTYPE SYSTEM file:///etc/passwd (external DTD)"),
    Case("rss_html_named_entity", ".rss", lambda: rss(item("Crisis", S + " &nbsp; Le pr&eacute;sident a condamn&eacute;.") + item("Ok", S2)),
         "coded", note="HTML named entities (&nbsp; &eacute;), undefined in XML, in a description: a very common feed mistake; "
                       "the item should be coded (entity kept or dropped), not emptied"),
    Case("rss_item_no_guid_no_link", ".rss", lambda: rss("<item><title>Untitled</title><description>" + S + "</description></item>"),
         "coded", twice=True, note="an item with neither guid nor link: coded, and with the same doc_id/event_id on every run "
                                    "(re-ingesting a feed must not duplicate it)"),
    Case("rss_item_stable_ids", ".rss", lambda: rss_items(3), "coded", twice=True,
         note="control: items with links keep their ids between runs"),
    Case("rss_doctype_http_dtd", ".rss", lambda: rss(item(), doctype='<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil.dtd">\n'),
         "coded-or-warning", note="an external DTD over HTTP: never fetched (no hang, no connection)"),
    Case("rss_link_file_passwd", ".rss", lambda: rss(item().replace("https://example.org/a", "file:///etc/passwd")), "coded",
         forbid=PASSWD_MARKERS, note="an item link to file:///etc/passwd: not read (nothing is fetched without --fetch)"),
    Case("atom_wrong_namespace", ".rss", atom_wrong_ns, "coded-or-warning",
         note="<feed> in a foreign namespace: coded as Atom or a clear error"),
    Case("atom_no_namespace", ".rss", atom_no_ns, "coded-or-warning", note="Atom without its namespace"),
    Case("atom_prefixed", ".rss", atom_prefixed, "coded", note="Atom with a namespace prefix (a:feed)"),
    Case("rss_iso_declared_but_utf8", ".rss", rss_iso_but_utf8, "coded-or-warning",
         note="encoding=ISO-8859-1 declared, UTF-8 bytes: mojibake at worst, never a crash"),
    Case("rss_iso_real", ".rss", rss_iso_real, "coded", note="a real ISO-8859-1 feed that says so: decoded"),
    Case("rss_html_everywhere", ".rss", rss_html_everywhere, "coded",
         note="escaped HTML and scripts in every field; javascript: links are not fetched"),
    Case("rss_deep_nesting", ".rss", rss_deep, "coded-or-warning", note="100,000 nested unknown elements in an item"),
    Case("rss_bad_dates", ".rss", rss_bad_dates, "coded-or-warning", note="impossible pubDates"),
    Case("rss_unclosed_cdata", ".rss", lambda: rss(item("C", "<![CDATA[" + S)), "coded-or-warning",
         note="a CDATA section never closed"),
    Case("rss_items_no_text", ".rss", lambda: rss("<item></item>" * 1000), "coded-or-warning",
         note="1,000 empty items"),
    Case("rss_huge_item", ".rss", lambda: rss(item("Big", S + " " + "word " * 600_000) + item("Small", S2)),
         "error", "over the limit", note="a 3 MB item next to a small one: the big one skipped and named, the small one coded"),
    Case("rss_utf16", ".rss", lambda: rss_items(2).decode().replace("UTF-8", "UTF-16").encode("utf-16"), "coded-or-warning", "UTF-16",
         note="a UTF-16 feed with BOM that declares UTF-16 (legal XML): decoded, or an error naming UTF-16"),
    Case("rss_stylesheet_pi", ".rss", lambda: rss(item(), prolog='<?xml version="1.0"?>\n<?xml-stylesheet href="file:///etc/passwd"?>\n'),
         "coded", forbid=PASSWD_MARKERS, note="a processing instruction naming /etc/passwd"),
    # ---------------- JSONL
    Case("jsonl_empty", ".jsonl", lambda: b"", "coded-or-warning",
         note="an empty JSONL file: 0 documents; an 'empty' error would be kinder"),
    Case("jsonl_blank_lines", ".jsonl", lambda: b"\n\n" + jl({"id": "a", "text": S}) + b"\n   \n\t\n" + jl({"id": "b", "text": S2}) + b"\n\n",
         "coded", docs=(2, 2, 0), twice=True, note="blank lines are skipped silently and not counted"),
    Case("jsonl_only_blank_lines", ".jsonl", lambda: b"\n \n\t\n" * 1000, "coded-or-warning", silent_ok=True,
         note="only blank lines"),
    Case("jsonl_not_json_between", ".jsonl", lambda: jl({"id": "a", "text": S}) + b"this is not json\n" + jl({"id": "b", "text": S2}),
         "error", "invalid JSON", line=2, docs=(3, 2, 1), note="a bad line between good ones: neighbours coded"),
    Case("jsonl_text_number", ".jsonl", lambda: jl({"id": "a", "text": 5}, {"id": "b", "text": S}), "error", "must be a string",
         line=1, docs=(2, 1, 1), note="text as a number"),
    Case("jsonl_text_array", ".jsonl", lambda: jl({"id": "a", "text": [S]}, {"id": "b", "text": S}), "error", "must be a string",
         line=1, docs=(2, 1, 1), note="text as an array"),
    Case("jsonl_text_object", ".jsonl", lambda: jl({"id": "a", "text": {"t": S}}, {"id": "b", "text": S}), "error",
         "must be a string", line=1, docs=(2, 1, 1), note="text as an object"),
    Case("jsonl_text_null", ".jsonl", lambda: jl({"id": "a", "text": None}, {"id": "b", "text": S}), "error", "must be a string",
         line=1, docs=(2, 1, 1), note="text null"),
    Case("jsonl_text_bool", ".jsonl", lambda: jl({"id": "b", "text": S}, {"id": "a", "text": True}), "error", "must be a string",
         line=2, docs=(2, 1, 1), note="text true"),
    Case("jsonl_text_empty", ".jsonl", lambda: jl({"id": "a", "text": ""}, {"id": "b", "text": S}), "error", "empty",
         line=1, note="text \"\": reported as empty, like an empty .txt"),
    Case("jsonl_missing_text", ".jsonl", lambda: jl({"id": "a", "body": S}, {"id": "b", "text": S}), "error", "text",
         line=1, docs=(2, 1, 1), note="no text field"),
    Case("jsonl_duplicate_keys", ".jsonl", lambda: u('{"id":"a","text":"Nothing here.","text":"' + S + '"}\n'),
         "coded-or-warning",
         note="duplicate \"text\" keys: a careful user would want an error (ambiguous); last-wins coding is common"),
    Case("jsonl_duplicate_ids", ".jsonl", lambda: jl({"id": "a", "text": S}, {"id": "a", "text": S2}), "coded-or-warning",
         note="two documents with the same id: both coded, a warning would help"),
    Case("jsonl_id_types", ".jsonl", lambda: jl({"id": 5, "text": S}, {"id": None, "text": S}, {"id": [1], "text": S},
                                               {"id": {"x": 1}, "text": S}, {"id": "x" * 100_000, "text": S}),
         "coded-or-warning", note="ids of every JSON type and a 100 KB id"),
    Case("jsonl_huge_exponent", ".jsonl", lambda: u('{"id":"a","text":"' + S + '","score":1e999999}\n') + jl({"id": "b", "text": S}),
         "coded-or-warning", line=1,
         note="1e999999 in an unused field: ideally ignored (coded); an error naming the line is acceptable"),
    Case("jsonl_500_digit_int", ".jsonl", lambda: u('{"id":"a","text":"' + S + '","n":' + "9" * 500 + "}\n") + jl({"id": "b", "text": S}),
         "coded-or-warning", line=1, note="a 500-digit integer in an unused field"),
    Case("jsonl_huge_number_id", ".jsonl", lambda: u('{"id":' + "1" * 500 + ',"text":"' + S + '"}\n'), "coded-or-warning",
         line=1, note="a 500-digit integer as the id"),
    Case("jsonl_nested_100k", ".jsonl", lambda: jsonl_nested(100_000) + jl({"id": "b", "text": S}), "error", "", line=1,
         docs=(2, 1, 1), note="100,000 nested arrays in a field: an error (recursion limit) naming the line, never a stack overflow"),
    Case("jsonl_top_level_nested_100k", ".jsonl", lambda: u("[" * 100_000 + "]" * 100_000 + "\n") + jl({"id": "b", "text": S}),
         "error", "", line=1, docs=(2, 1, 1), note="a line that is 100,000 nested arrays"),
    Case("jsonl_3mb_line", ".jsonl", lambda: jl({"id": "a", "text": words(600_000)[:3_000_000]}, {"id": "b", "text": S}),
         "error", "over the limit", line=1, docs=(2, 1, 1), note="a 3 MB line: skipped with the limit named, neighbour coded"),
    Case("jsonl_truncated_last_line", ".jsonl", lambda: jl({"id": "a", "text": S}, {"id": "b", "text": S2}) + b'{"id":"c","text":"Rus',
         "error", "invalid JSON", line=3, docs=(3, 2, 1), note="a truncated last line (no newline)"),
    Case("jsonl_no_final_newline", ".jsonl", lambda: jl({"id": "a", "text": S})[:-1], "coded", docs=(1, 1, 0),
         note="a valid last line without a newline"),
    Case("jsonl_crlf", ".jsonl", lambda: jl({"id": "a", "text": S}, {"id": "b", "text": S2}).replace(b"\n", b"\r\n"), "coded",
         docs=(2, 2, 0), note="CRLF line ends"),
    Case("jsonl_cr_only", ".jsonl", lambda: jl({"id": "a", "text": S}, {"id": "b", "text": S2}).replace(b"\n", b"\r"),
         "coded-or-warning", note="CR-only line ends: one line holding two objects; an error naming line 1 is acceptable"),
    Case("jsonl_bom", ".jsonl", lambda: b"\xef\xbb\xbf" + jl({"id": "a", "text": S}), "coded", docs=(1, 1, 0),
         note="UTF-8 BOM before the first object"),
    Case("jsonl_utf16", ".jsonl", lambda: "\ufeff".encode("utf-16-le") + jl({"id": "a", "text": S}).decode().encode("utf-16-le"),
         "error", "UTF-16", note="UTF-16 JSONL"),
    Case("jsonl_invalid_utf8_in_string", ".jsonl", lambda: b'{"id":"a","text":"Russia \xff\xfe attacked Ukraine."}\n' + jl({"id": "b", "text": S}),
         "error", "", line=1, note="invalid UTF-8 inside a JSON string: the line named (or decoded lossily)"),
    Case("jsonl_lone_surrogate", ".jsonl", lambda: u('{"id":"a","text":"Russia \\ud800 attacked Ukraine. \\udc00"}\n') + jl({"id": "b", "text": S}),
         "coded-or-warning", line=1, note="escaped lone surrogates: replaced, or the line named"),
    Case("jsonl_nul_escape", ".jsonl", lambda: u('{"id":"a","text":"Russia\\u0000 attacked\\u0000Ukraine.\\u0000"}\n'),
         "coded-or-warning", note="\\u0000 in text"),
    Case("jsonl_control_escapes", ".jsonl", lambda: jl({"id": "a", "text": "".join(chr(c) for c in range(32)) + S + "\u202e\u200d"}),
         "coded", note="every C0 control escaped in text"),
    Case("jsonl_raw_control_in_string", ".jsonl", lambda: b'{"id":"a","text":"Russia\tattacked\x01Ukraine."}\n' + jl({"id": "b", "text": S}),
         "error", "", line=1, note="raw control characters inside a JSON string (invalid JSON)"),
    Case("jsonl_top_level_scalars", ".jsonl", lambda: b'"Russia attacked Ukraine."\n42\ntrue\nnull\n' + jl({"id": "b", "text": S}),
         "error", "JSON object", line=1, docs=(5, 1, 4), note="strings, numbers, booleans and null as lines"),
    Case("jsonl_comments_trailing_commas", ".jsonl", lambda: u('// a comment\n{"id":"a","text":"' + S + '",}\n') + jl({"id": "b", "text": S}),
         "error", "invalid JSON", line=1, docs=(3, 1, 2), note="JSON5-isms: comments and trailing commas"),
    Case("jsonl_two_objects_one_line", ".jsonl", lambda: jl({"id": "a", "text": S})[:-1] + jl({"id": "b", "text": S2}),
         "error", "", line=1, note="two objects on one line"),
    Case("jsonl_pretty_printed", ".jsonl", lambda: u('{\n  "id": "a",\n  "text": "' + S + '"\n}\n'), "error", "", line=1,
         note="a pretty-printed (multi-line) object: every line is an error; a hint 'one object per line' would help"),
    Case("jsonl_many_keys", ".jsonl", jsonl_many_keys, "coded", note="one object with 100,000 keys"),
    Case("jsonl_10k_lines", ".jsonl", lambda: b"".join(jl({"id": f"d{i}", "text": S}) for i in range(10_000)), "coded",
         docs=(10_000, 10_000, 0), note="10,000 documents"),
    Case("jsonl_weird_dates", ".jsonl", lambda: jl({"id": "a", "text": S, "date": "99999-01-01"}, {"id": "b", "text": S, "date": 20240506},
                                                   {"id": "c", "text": S, "date": "yesterday"}, {"id": "d", "text": S, "date": "2024-02-30"},
                                                   {"id": "e", "text": S, "date": "2024-05-06"}),
         "error", "date", line=1, note="impossible or mistyped dates: each line named; the good one coded"),
    Case("jsonl_text_huge_escapes", ".jsonl", lambda: u('{"id":"a","text":"' + "\\u00e9" * 300_000 + " " + S + '"}\n'), "coded",
         note="1.8 MB of \\u escapes decoding to 600 KB"),
]


def by_name():
    d = {}
    for c in CASES:
        assert c.name not in d, c.name
        assert c.ext in (".txt", ".jsonl", ".html", ".rss"), c.name
        assert c.expect in ("coded", "error", "coded-or-warning"), c.name
        d[c.name] = c
    return d


if __name__ == "__main__":
    print(len(by_name()), "cases")
