//! robots.txt parsing and matching for dyad, following RFC 9309.
//!
//! Design choices:
//!
//! * **Only the rules for our agent are kept.** [`Robots::parse`] picks the
//!   group(s) whose `user-agent` product token equals ours (case-insensitive),
//!   merging all of them; otherwise the `*` group(s); otherwise nothing, which
//!   means everything is allowed (RFC 9309 section 2.2.1).
//! * **Longest match wins, ties go to allow.** RFC 9309 section 2.2.2 says the
//!   most specific rule (the one matching the most octets) wins. That lets a site
//!   say `Disallow: /` plus `Allow: /news/` and get what it means, regardless of
//!   the order in which rules are written. On equal length `allow` wins, as the
//!   RFC recommends ("SHOULD use the least restrictive rule").
//! * **Unreachable means disallow all.** If robots.txt can't be fetched because
//!   of a server error (5xx) or a network error, the crawler can't know what
//!   the site permits. RFC 9309 section 2.3.1.4 says to assume complete disallow,
//!   so an overloaded or broken site doesn't get hammered.
//!   A 4xx means "no robots.txt" and everything is allowed (section 2.3.1.3).
//!   The caller chooses between [`Robots::allow_all`] and [`Robots::disallow_all`].
//! * **Hostile input is bounded.** At most 500 KiB of the body is parsed (cut at
//!   the last complete line). At most 5,000 rules are kept. Patterns longer than
//!   2,000 bytes are dropped. Matching splits a pattern at `*` and looks for
//!   each literal segment leftmost-first with `str::find`. For `*`-only globs
//!   this greedy approach is exact, and it is linear-ish, well within
//!   O(len(path) * len(pattern)). So there is never exponential backtracking.
//! * **Normalisation.** Both patterns and paths are normalised before
//!   comparison. Percent-encoded unreserved characters (`%7E` -> `~`) are
//!   decoded. Other escapes get uppercase hex (`%2f` -> `%2F`). Non-ASCII bytes
//!   are percent-encoded. So `%2F` stays distinct from `/` (as in the RFC), and
//!   a UTF-8 pattern matches its percent-encoded form in a URL. Matching is
//!   case-sensitive.
//! * `/robots.txt` itself is always allowed (section 2.2.2).
//! * `crawl-delay` is non-standard. The largest valid value in the chosen
//!   group(s) is used, capped at 60 seconds. Invalid or negative values are
//!   ignored.

use std::time::Duration;

/// Maximum number of body bytes parsed (RFC 9309 2.5 requires at least 500 KiB).
const MAX_BODY_BYTES: usize = 500 * 1024;
/// Maximum number of rules kept per candidate group set.
const MAX_RULES: usize = 5_000;
/// Maximum (normalised) pattern length in bytes; longer rules are ignored.
const MAX_PATTERN_BYTES: usize = 2_000;
/// Upper bound for crawl-delay.
const MAX_CRAWL_DELAY_SECS: f64 = 60.0;

/// One `allow` / `disallow` rule, pre-processed for matching.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Rule {
    allow: bool,
    /// Pattern split at `*` (normalised, ASCII only). Always at least one element.
    segments: Vec<String>,
    /// Pattern ended with `$`.
    anchored: bool,
    /// Priority: length in bytes of the normalised pattern including `*` and `$`.
    len: usize,
}

impl Rule {
    fn new(allow: bool, raw: &str) -> Option<Rule> {
        if raw.is_empty() {
            return None;
        }
        let (body, anchored) = match raw.strip_suffix('$') {
            Some(b) => (b, true),
            None => (raw, false),
        };
        let norm = normalize(body);
        let len = norm.len() + usize::from(anchored);
        if len > MAX_PATTERN_BYTES {
            return None;
        }
        // Empty segments (from `**`) are skipped when matching.
        let segments: Vec<String> = norm.split('*').map(str::to_owned).collect();
        Some(Rule {
            allow,
            segments,
            anchored,
            len,
        })
    }

    /// Whether this rule matches the normalised `path`.
    fn matches(&self, path: &str) -> bool {
        let Some((first, rest)) = self.segments.split_first() else {
            return true;
        };
        if !path.starts_with(first.as_str()) {
            return false;
        }
        let mut pos = first.len();
        let Some((last, middle)) = rest.split_last() else {
            // No '*' at all: prefix match, or exact match when anchored.
            return !self.anchored || path.len() == pos;
        };
        for seg in middle {
            if seg.is_empty() {
                continue;
            }
            let Some(hay) = path.get(pos..) else {
                return false;
            };
            match hay.find(seg.as_str()) {
                Some(i) => pos = pos.saturating_add(i).saturating_add(seg.len()),
                None => return false,
            }
        }
        if self.anchored {
            path.len() >= pos.saturating_add(last.len()) && path.ends_with(last.as_str())
        } else {
            last.is_empty() || path.get(pos..).is_some_and(|h| h.contains(last.as_str()))
        }
    }
}

/// The rules of one site's robots.txt that apply to one user agent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Robots {
    rules: Vec<Rule>,
    crawl_delay: Option<Duration>,
}

/// Rules accumulated for one candidate set of groups (ours, or `*`).
#[derive(Default)]
struct Acc {
    found: bool,
    rules: Vec<Rule>,
    delay: Option<Duration>,
}

impl Acc {
    fn push(&mut self, rule: &Option<Rule>) {
        if let Some(r) = rule {
            if self.rules.len() < MAX_RULES {
                self.rules.push(r.clone());
            }
        }
    }

    fn delay(&mut self, d: Option<Duration>) {
        if let Some(d) = d {
            self.delay = Some(self.delay.map_or(d, |old| old.max(d)));
        }
    }

    fn into_robots(self) -> Robots {
        Robots {
            rules: self.rules,
            crawl_delay: self.delay,
        }
    }
}

impl Robots {
    /// Everything allowed (robots.txt absent: 4xx).
    pub(crate) fn allow_all() -> Robots {
        Robots {
            rules: Vec::new(),
            crawl_delay: None,
        }
    }

    /// Nothing allowed (robots.txt unreachable: 5xx or network error, RFC 9309 2.3.1.4).
    pub(crate) fn disallow_all() -> Robots {
        Robots {
            rules: Rule::new(false, "/").into_iter().collect(),
            crawl_delay: None,
        }
    }

    /// Parses a robots.txt body for the product token `agent` (e.g. "dyad").
    pub(crate) fn parse(body: &str, agent: &str) -> Robots {
        let agent = product_token(agent);
        let body = truncate_body(body);
        let body = body.strip_prefix('\u{feff}').unwrap_or(body);

        let mut ours = Acc::default();
        let mut star = Acc::default();
        // Whether the current group applies to us / to '*'.
        let mut cur_ours = false;
        let mut cur_star = false;
        // Whether a user-agent line has been seen yet (rules before it are ignored).
        let mut in_group = false;
        // Whether the previous group-relevant line was a rule (so the next
        // user-agent line starts a new group).
        let mut after_rule = false;

        for line in body.split(['\r', '\n']) {
            let line = match line.find('#') {
                Some(i) => line.get(..i).unwrap_or(""),
                None => line,
            };
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            let value = value.trim();
            match key.as_str() {
                "user-agent" => {
                    if after_rule || !in_group {
                        cur_ours = false;
                        cur_star = false;
                    }
                    in_group = true;
                    after_rule = false;
                    let token = product_token(value);
                    if token == "*" {
                        cur_star = true;
                        star.found = true;
                    } else if !token.is_empty()
                        && !agent.is_empty()
                        && token.eq_ignore_ascii_case(agent)
                    {
                        cur_ours = true;
                        ours.found = true;
                    }
                }
                "allow" | "disallow" => {
                    if !in_group {
                        continue;
                    }
                    after_rule = true;
                    if !(cur_ours || cur_star) {
                        continue;
                    }
                    let rule = Rule::new(key == "allow", value);
                    if cur_ours {
                        ours.push(&rule);
                    }
                    if cur_star {
                        star.push(&rule);
                    }
                }
                "crawl-delay" => {
                    if !in_group {
                        continue;
                    }
                    after_rule = true;
                    let d = parse_delay(value);
                    if cur_ours {
                        ours.delay(d);
                    }
                    if cur_star {
                        star.delay(d);
                    }
                }
                _ => {}
            }
        }

        if ours.found {
            ours.into_robots()
        } else if star.found {
            star.into_robots()
        } else {
            Robots::allow_all()
        }
    }

    /// Whether `path` (the URL's path plus `?query`, starting with '/') may be fetched.
    pub(crate) fn allows(&self, path: &str) -> bool {
        let path = if path.is_empty() { "/" } else { path };
        let path_only = path.split('?').next().unwrap_or(path);
        if path_only == "/robots.txt" {
            return true;
        }
        if self.rules.is_empty() {
            return true;
        }
        let path = normalize(path);
        // (length, allow) of the best match so far; allow wins ties.
        let mut best: Option<(usize, bool)> = None;
        for rule in &self.rules {
            if let Some((len, allow)) = best {
                if rule.len < len || (rule.len == len && (allow || !rule.allow)) {
                    continue; // cannot improve on the current best
                }
            }
            if rule.matches(&path) {
                best = Some((rule.len, rule.allow));
            }
        }
        best.is_none_or(|(_, allow)| allow)
    }

    /// Crawl-delay of the chosen group in seconds, if given (non-standard but common), capped at 60.
    pub(crate) fn crawl_delay(&self) -> Option<Duration> {
        self.crawl_delay
    }
}

/// The product token of a user-agent string: up to the first '/' or whitespace.
fn product_token(s: &str) -> &str {
    let s = s.trim();
    let end = s
        .find(|c: char| c == '/' || c.is_whitespace())
        .unwrap_or(s.len());
    s.get(..end).unwrap_or("")
}

/// Cuts `body` to at most `MAX_BODY_BYTES`, dropping a trailing partial line
/// if the body had to be cut (so a truncated rule can't broaden its meaning).
fn truncate_body(body: &str) -> &str {
    if body.len() <= MAX_BODY_BYTES {
        return body;
    }
    let mut end = MAX_BODY_BYTES;
    while end > 0 && !body.is_char_boundary(end) {
        end -= 1;
    }
    let cut = body.get(..end).unwrap_or("");
    match cut.rfind(['\r', '\n']) {
        Some(i) => cut.get(..i).unwrap_or(""),
        None => "",
    }
}

fn parse_delay(value: &str) -> Option<Duration> {
    let v: f64 = value.trim().parse().ok()?;
    if v.is_nan() || v < 0.0 {
        return None;
    }
    Duration::try_from_secs_f64(v.min(MAX_CRAWL_DELAY_SECS)).ok()
}

fn hex_val(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

fn push_pct(out: &mut String, b: u8) {
    use std::fmt::Write;
    // `%` and two upper-case hex digits; writing to a String cannot fail
    let _ = write!(out, "%{b:02X}");
}

/// Normalises a path or pattern to a canonical ASCII form: decodes
/// percent-encoded unreserved characters, upper-cases the hex of other escapes
/// and percent-encodes non-ASCII bytes. Malformed escapes are kept verbatim.
fn normalize(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hi = bytes.get(i + 1).copied().and_then(hex_val);
            let lo = bytes.get(i + 2).copied().and_then(hex_val);
            if let (Some(hi), Some(lo)) = (hi, lo) {
                let v = (hi << 4) | lo;
                if is_unreserved(v) {
                    out.push(char::from(v));
                } else {
                    push_pct(&mut out, v);
                }
                i += 3;
                continue;
            }
            out.push('%');
        } else if b.is_ascii() {
            out.push(char::from(b));
        } else {
            push_pct(&mut out, b);
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    fn r(body: &str) -> Robots {
        Robots::parse(body, "dyad")
    }

    #[test]
    fn allow_all_and_disallow_all() {
        let a = Robots::allow_all();
        assert!(a.allows("/"));
        assert!(a.allows("/anything?x=1"));
        assert_eq!(a.crawl_delay(), None);
        let d = Robots::disallow_all();
        assert!(!d.allows("/"));
        assert!(!d.allows("/news/today"));
        assert!(!d.allows(""));
        assert!(d.allows("/robots.txt"));
        assert_eq!(Robots::parse("", "dyad"), Robots::allow_all());
    }

    #[test]
    fn rfc_longest_match_examples() {
        // RFC 9309 5.2
        let x = r("User-agent: *\nallow: /p\ndisallow: /\n");
        assert!(x.allows("/page"));
        assert!(!x.allows("/other"));
        let x = r("User-agent: *\nallow: /folder\ndisallow: /folder\n");
        assert!(x.allows("/folder/page"), "tie goes to allow");
        let x = r("User-agent: *\nallow: /page\ndisallow: /*.html\n");
        assert!(!x.allows("/page.html"));
        assert!(x.allows("/page.php5"));
        // order independence
        let x = r("User-agent: *\ndisallow: /\nallow: /p\n");
        assert!(x.allows("/page"));
    }

    #[test]
    fn rfc_dollar_anchor() {
        let x = r("User-agent: *\nallow: /$\ndisallow: /\n");
        assert!(x.allows("/"));
        assert!(!x.allows("/page.htm"));
        // '$' not at the end is a literal
        let x = r("User-agent: *\ndisallow: /a$b\n");
        assert!(!x.allows("/a$b/c"));
        assert!(x.allows("/a"));
    }

    #[test]
    fn rfc_wildcard_php_examples() {
        let x = r("User-agent: *\ndisallow: /*.php\n");
        for p in [
            "/index.php",
            "/filename.php",
            "/folder/filename.php",
            "/folder/filename.php?parameters",
            "/folder/any.php.file.html",
            "/filename.php/",
        ] {
            assert!(!x.allows(p), "{p} should be disallowed");
        }
        for p in ["/", "/windows.PHP"] {
            assert!(x.allows(p), "{p} should be allowed");
        }

        let x = r("User-agent: *\ndisallow: /*.php$\n");
        assert!(!x.allows("/filename.php"));
        assert!(!x.allows("/folder/filename.php"));
        for p in [
            "/filename.php?parameters",
            "/filename.php/",
            "/filename.php5",
            "/windows.PHP",
        ] {
            assert!(x.allows(p), "{p} should be allowed");
        }

        let x = r("User-agent: *\ndisallow: /fish*.php\n");
        assert!(!x.allows("/fish.php"));
        assert!(!x.allows("/fishheads/catfish.php?parameters"));
        assert!(x.allows("/Fish.PHP"));
        assert!(x.allows("/fish"));
    }

    #[test]
    fn prefix_and_case_sensitive_paths() {
        let x = r("User-agent: *\ndisallow: /fish\n");
        assert!(!x.allows("/fish"));
        assert!(!x.allows("/fish.html"));
        assert!(!x.allows("/fishheads/yummy.html"));
        assert!(!x.allows("/fish?id=anything"));
        assert!(x.allows("/Fish.asp"));
        assert!(x.allows("/catfish"));
        // multiple stars and anchored wildcard
        let x = r("User-agent: *\ndisallow: /a*b*c$\n");
        assert!(!x.allows("/axxbyyc"));
        assert!(!x.allows("/abcbc"));
        assert!(x.allows("/abcd"));
        let x = r("User-agent: *\ndisallow: /*\n");
        assert!(!x.allows("/"));
        let x = r("User-agent: *\ndisallow: *\n");
        assert!(!x.allows("/x"));
    }

    #[test]
    fn group_product_token_matching() {
        let body = "User-agent: dyad/1.0\nDisallow: /private\n\nUser-agent: *\nDisallow: /\n";
        let x = r(body);
        assert!(!x.allows("/private/a"));
        assert!(x.allows("/news"));
        let x = Robots::parse(body, "DYAD");
        assert!(x.allows("/news"));
        let x = r(
            "User-agent: DyAd (+https://example.com)\nDisallow: /x\nUser-agent: *\nDisallow: /\n",
        );
        assert!(x.allows("/y"));
        assert!(!x.allows("/x"));
        // a different agent whose name merely starts with ours does not match
        let x = r("User-agent: dyadbot\nDisallow: /\nUser-agent: *\nDisallow: /only-star\n");
        assert!(x.allows("/a"));
        assert!(!x.allows("/only-star"));
    }

    #[test]
    fn merged_groups() {
        let body = "User-agent: dyad\nDisallow: /a\n\nUser-agent: other\nDisallow: /b\n\nUser-agent: dyad\nDisallow: /c\nAllow: /c/ok\n";
        let x = r(body);
        assert!(!x.allows("/a"));
        assert!(x.allows("/b"));
        assert!(!x.allows("/c"));
        assert!(x.allows("/c/ok/1"));
    }

    #[test]
    fn consecutive_user_agents_share_group() {
        let body = "User-agent: other\nUser-agent: dyad\nDisallow: /shared\nUser-agent: other2\nDisallow: /not-ours\n";
        let x = r(body);
        assert!(!x.allows("/shared"));
        assert!(x.allows("/not-ours"));
        // unknown lines between user-agent lines don't split the group
        let x = r("User-agent: dyad\nSitemap: https://e.com/s.xml\nUser-agent: x\nDisallow: /s\n");
        assert!(!x.allows("/s"));
    }

    #[test]
    fn star_fallback_and_no_group() {
        let x = r("User-agent: googlebot\nDisallow: /g\n\nUser-agent: *\nDisallow: /star\n");
        assert!(x.allows("/g"));
        assert!(!x.allows("/star"));
        let x = r("User-agent: googlebot\nDisallow: /\n");
        assert!(x.allows("/anything"));
        assert_eq!(x, Robots::allow_all());
        // our (empty) group wins over '*' even though it has no rules
        let x = r("User-agent: *\nDisallow: /\n\nUser-agent: dyad\n");
        assert!(x.allows("/anything"));
        // merged '*' groups
        let x = r("User-agent: *\nDisallow: /a\nUser-agent: b\nDisallow: /b\nUser-agent: *\nDisallow: /c\n");
        assert!(!x.allows("/a"));
        assert!(x.allows("/b"));
        assert!(!x.allows("/c"));
    }

    #[test]
    fn rules_before_user_agent_ignored() {
        let x = r("Disallow: /\nCrawl-delay: 5\nUser-agent: dyad\nDisallow: /x\n");
        assert!(x.allows("/y"));
        assert!(!x.allows("/x"));
        assert_eq!(x.crawl_delay(), None);
        let x = r("Disallow: /\nAllow: /a\n");
        assert_eq!(x, Robots::allow_all());
    }

    #[test]
    fn comments_bom_line_endings_and_case() {
        let body = "\u{feff}# leading comment\r\nUSER-AGENT:  dyad   # us\r\nDISALLOW :  /a # no a\r\n  allow:/a/b\r\n";
        let x = r(body);
        assert!(!x.allows("/a"));
        assert!(x.allows("/a/b"));
        assert!(x.allows("/z"));
        let x = r("User-agent: dyad\rDisallow: /cr\rUser-agent: *\rDisallow: /\r");
        assert!(!x.allows("/cr"));
        assert!(x.allows("/other"));
        // a comment containing '#' in a pattern position truncates the pattern
        let x = r("User-agent: dyad\nDisallow: #/everything\n");
        assert!(x.allows("/everything"));
        // lines without a colon and unknown fields are ignored
        let x =
            r("User-agent: dyad\ngarbage line\nSitemap: http://x/s.xml\nHost: x\nDisallow: /q\n");
        assert!(!x.allows("/q"));
        assert!(x.allows("/r"));
    }

    #[test]
    fn empty_disallow_means_allow() {
        let x = r("User-agent: dyad\nDisallow:\n");
        assert!(x.allows("/"));
        assert!(x.allows("/anything"));
        let x = r("User-agent: dyad\nDisallow: \nDisallow: /x\n");
        assert!(!x.allows("/x"));
        assert!(x.allows("/y"));
    }

    #[test]
    fn robots_txt_always_allowed() {
        let x = r("User-agent: *\nDisallow: /\nDisallow: /robots.txt\n");
        assert!(x.allows("/robots.txt"));
        assert!(x.allows("/robots.txt?x=1"));
        assert!(!x.allows("/robots.txt.bak"));
    }

    #[test]
    fn crawl_delay_parsing() {
        let x = r("User-agent: dyad\nCrawl-delay: 5\nDisallow: /x\n");
        assert_eq!(x.crawl_delay(), Some(Duration::from_secs(5)));
        let x = r("User-agent: dyad\ncrawl-delay: 0.5\n");
        assert_eq!(x.crawl_delay(), Some(Duration::from_millis(500)));
        let x = r("User-agent: dyad\nCrawl-Delay: 3600\n");
        assert_eq!(x.crawl_delay(), Some(Duration::from_secs(60)));
        let x = r("User-agent: dyad\nCrawl-delay: inf\n");
        assert_eq!(x.crawl_delay(), Some(Duration::from_secs(60)));
        for bad in ["-1", "NaN", "abc", "", "1e999999x", "-0.0001"] {
            let x = r(&format!("User-agent: dyad\nCrawl-delay: {bad}\n"));
            assert_eq!(x.crawl_delay(), None, "{bad}");
        }
        // from the chosen group only
        let x = r("User-agent: *\nCrawl-delay: 9\nUser-agent: dyad\nCrawl-delay: 2\n");
        assert_eq!(x.crawl_delay(), Some(Duration::from_secs(2)));
        let x = r("User-agent: *\nCrawl-delay: 9\n");
        assert_eq!(x.crawl_delay(), Some(Duration::from_secs(9)));
        // crawl-delay ends the user-agent list like a rule does
        let x = r("User-agent: dyad\nCrawl-delay: 1\nUser-agent: other\nDisallow: /\n");
        assert!(x.allows("/a"));
    }

    #[test]
    fn percent_encoding() {
        let x = r("User-agent: *\nDisallow: /a%2Fb\n");
        assert!(!x.allows("/a%2Fb"));
        assert!(!x.allows("/a%2fb"));
        assert!(x.allows("/a/b"), "%2F is not the same as /");
        let x = r("User-agent: *\nDisallow: /a/b\n");
        assert!(x.allows("/a%2Fb"));
        // unreserved characters are decoded
        let x = r("User-agent: *\nDisallow: /%7Ejoe\n");
        assert!(!x.allows("/~joe/index.html"));
        let x = r("User-agent: *\nDisallow: /~joe\n");
        assert!(!x.allows("/%7ejoe"));
        // UTF-8 pattern matches percent-encoded path
        let x = r("User-agent: *\nDisallow: /foo/bar/ツ\n");
        assert!(!x.allows("/foo/bar/%E3%83%84"));
        assert!(!x.allows("/foo/bar/ツ"));
        // malformed escapes don't crash
        let x = r("User-agent: *\nDisallow: /%\nDisallow: /%zz\nDisallow: /x%4\n");
        assert!(!x.allows("/%"));
        assert!(!x.allows("/%zz"));
        assert!(x.allows("/y"));
        assert!(!x.allows("/x%4"));
        // encoded '*' in the pattern is a literal, not a wildcard
        let x = r("User-agent: *\nDisallow: /a%2Ab\n");
        assert!(x.allows("/axxb"));
        assert!(!x.allows("/a%2ab"));
    }

    #[test]
    fn pathological_pattern_is_fast() {
        let mut pat = String::from("/");
        while pat.len() < MAX_PATTERN_BYTES - 4 {
            pat.push_str("*a");
        }
        pat.push_str("*b");
        let body = format!("User-agent: *\nDisallow: {pat}\nDisallow: {pat}$\n");
        let x = r(&body);
        assert_eq!(x.rules.len(), 2);
        let path = format!("/{}", "a".repeat(200_000));
        let start = Instant::now();
        for _ in 0..10 {
            assert!(x.allows(&path));
        }
        let path_b = format!("{path}b");
        assert!(!x.allows(&path_b));
        assert!(start.elapsed().as_secs() < 2, "took {:?}", start.elapsed());
    }

    #[test]
    fn limits_are_enforced() {
        // pattern too long: ignored
        let long = format!("/{}", "x".repeat(MAX_PATTERN_BYTES));
        let x = r(&format!("User-agent: *\nDisallow: {long}\n"));
        assert!(x.allows(&long));
        assert!(x.rules.is_empty());
        // rule cap
        let mut body = String::from("User-agent: dyad\n");
        for i in 0..(MAX_RULES + 100) {
            body.push_str(&format!("Disallow: /r{i}/\n"));
        }
        let x = r(&body);
        assert_eq!(x.rules.len(), MAX_RULES);
        assert!(!x.allows("/r0/"));
        assert!(x.allows(&format!("/r{}/", MAX_RULES + 50)));
        // body cap: a rule beyond 500 KiB is ignored
        let mut body = String::from("User-agent: dyad\n");
        while body.len() < MAX_BODY_BYTES {
            body.push_str("# padding padding padding padding\n");
        }
        body.push_str("Disallow: /late\n");
        let x = r(&body);
        assert!(x.allows("/late"));
        // a rule straddling the cut is dropped, not truncated
        let mut body = String::from("User-agent: dyad\nDisallow: /\n");
        body.push_str(&"#".repeat(MAX_BODY_BYTES - body.len() - 12));
        body.push('\n');
        // The cut falls right after "Allow: /abc"; the partial line must be dropped.
        assert_eq!(body.len() + "Allow: /abc".len(), MAX_BODY_BYTES);
        body.push_str("Allow: /abcdefghij\n");
        let x = r(&body);
        assert!(!x.allows("/abc"));
        assert!(!x.allows("/abcdefghij"));
        // multibyte chars at the cut don't panic
        let body = "ツ".repeat(MAX_BODY_BYTES / 3 + 10);
        let _ = r(&body);
    }

    /// Tiny xorshift PRNG so the test is deterministic and dependency-free.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            self.0 = x;
            x
        }
        fn bytes(&mut self, n: usize, alphabet: &[u8]) -> Vec<u8> {
            (0..n)
                .map(|_| {
                    let v = self.next();
                    if alphabet.is_empty() {
                        v as u8
                    } else {
                        alphabet[(v % alphabet.len() as u64) as usize]
                    }
                })
                .collect()
        }
    }

    #[test]
    fn garbage_input_never_panics() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let alphabet =
            b"/*$?%#:\r\n \tUuAaDdEeSsRrGgNnTtLlOoWwIi-0123456789fF\xef\xbb\xbf\xe3\x83\x84";
        for round in 0..300 {
            let n = (rng.next() % 4000) as usize;
            let raw = if round % 2 == 0 {
                rng.bytes(n, &[])
            } else {
                rng.bytes(n, alphabet)
            };
            let text = String::from_utf8_lossy(&raw);
            for agent in ["dyad", "*", "", "dyad/1.0", "ツ"] {
                let x = Robots::parse(&text, agent);
                let _ = x.crawl_delay();
                for _ in 0..5 {
                    let pn = (rng.next() % 200) as usize;
                    let p = rng.bytes(pn, alphabet);
                    let _ = x.allows(&String::from_utf8_lossy(&p));
                }
                let _ = x.allows("");
                let _ = x.allows("%");
                let _ = x.allows("no-leading-slash");
            }
            // Structured garbage: user-agent for us followed by random rules.
            let body = format!(
                "User-agent: dyad\nDisallow: {}\nAllow: {}\n",
                text.replace(['\r', '\n', '#'], ""),
                text.len()
            );
            let x = r(&body);
            let _ = x.allows(&text);
        }
    }
}
