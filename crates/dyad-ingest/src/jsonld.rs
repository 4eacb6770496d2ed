//! A page's JSON-LD article object (schema.org `NewsArticle` and kin): headline, publication
//! date and publisher, for pages whose `<meta>` tags lack them. The object may stand alone, in
//! an array or in an `@graph`; the first article object found is taken. JSON that does not
//! parse (common on real pages) gives nothing, and `html` falls back on scanning for
//! `datePublished`.

use chrono::NaiveDate;
use serde_json::Value;

use crate::date::parse_iso_date;

/// The `@type`s that are articles.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
];

/// Deepest nesting searched for the article object (serde_json itself stops at 128).
const MAX_DEPTH: usize = 8;

/// What a JSON-LD article object says about its page.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ArticleMeta {
    pub(crate) headline: Option<String>,
    pub(crate) date: Option<NaiveDate>,
    pub(crate) publisher: Option<String>,
}

/// The article object of a JSON-LD script, if there is one.
pub(crate) fn article_meta(script: &str) -> Option<ArticleMeta> {
    let value: Value = serde_json::from_str(script.trim()).ok()?;
    let article = find_article(&value, 0)?;
    let text = |v: Option<&Value>| {
        v.and_then(Value::as_str)
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|s| !s.is_empty())
    };
    let publisher = match article.get("publisher") {
        Some(Value::Array(list)) => list.first().and_then(|p| text(p.get("name"))),
        Some(p) => text(p.get("name")).or_else(|| text(Some(p))),
        None => None,
    };
    Some(ArticleMeta {
        headline: text(article.get("headline")),
        date: article
            .get("datePublished")
            .and_then(Value::as_str)
            .and_then(parse_iso_date),
        publisher,
    })
}

fn find_article(value: &Value, depth: usize) -> Option<&Value> {
    if depth > MAX_DEPTH {
        return None;
    }
    match value {
        Value::Array(items) => items.iter().find_map(|v| find_article(v, depth + 1)),
        Value::Object(map) => {
            if is_article(map.get("@type")) {
                return Some(value);
            }
            map.get("@graph").and_then(|g| find_article(g, depth + 1))
        }
        _ => None,
    }
}

fn is_article(kind: Option<&Value>) -> bool {
    match kind {
        Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
        Some(Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_in_a_graph() {
        let meta = article_meta(
            r#"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
            {"@type":["NewsArticle"],"headline":"Talks  resume\n in Geneva","datePublished":"2025-03-03T09:00:00Z",
             "publisher":{"@type":"Organization","name":"Meridian Wire"}}]}"#,
        );
        assert_eq!(
            meta,
            Some(ArticleMeta {
                headline: Some("Talks resume in Geneva".into()),
                date: NaiveDate::from_ymd_opt(2025, 3, 3),
                publisher: Some("Meridian Wire".into()),
            })
        );
    }

    #[test]
    fn no_article_or_no_json_gives_nothing() {
        assert_eq!(article_meta(r#"{"@type":"BreadcrumbList"}"#), None);
        assert_eq!(
            article_meta(r#"{"@type":"NewsArticle", "headline": "#),
            None
        );
        assert_eq!(article_meta(""), None);
        let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert_eq!(article_meta(&deep), None);
    }
}
