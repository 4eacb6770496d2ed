//! Article page bodies to text: the charset from the `Content-Type` header, else from a
//! `<meta>` near the top of the page, else UTF-8 (with a byte-order mark winning over both,
//! as browsers do).

use crate::{Body, FetchError};

/// How far into a page a `<meta charset>` is looked for (the HTML standard says 1024 bytes).
const META_WINDOW: usize = 1024;

/// The page's text, if it is HTML (or says nothing about its type).
pub(crate) fn decode(body: &Body) -> Result<String, FetchError> {
    let media = body.content_type.as_deref().map(|c| {
        c.split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
    });
    if let Some(m) = media.as_deref() {
        if !m.is_empty() && !matches!(m, "text/html" | "application/xhtml+xml" | "text/plain") {
            return Err(FetchError::NotHtml(m.to_string()));
        }
    }
    let label = body
        .content_type
        .as_deref()
        .and_then(charset_param)
        .or_else(|| meta_charset(&body.bytes));
    let encoding = label
        .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
        .unwrap_or(encoding_rs::UTF_8);
    let (text, _, _) = encoding.decode(&body.bytes);
    Ok(text.into_owned())
}

/// `charset=` of a Content-Type value.
fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case("charset"))
            .then(|| v.trim().trim_matches(|c| c == '"' || c == '\'').to_string())
    })
}

/// The charset a `<meta charset=…>` or `<meta http-equiv content="…; charset=…">` in the
/// first [`META_WINDOW`] bytes names.
fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = bytes.get(..bytes.len().min(META_WINDOW))?;
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")?;
    let rest = head.get(at + "charset=".len()..)?;
    let label: String = rest
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!label.is_empty()).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(bytes: &[u8], content_type: Option<&str>) -> Body {
        Body {
            bytes: bytes.to_vec(),
            url: "http://example.test/a".into(),
            validators: Default::default(),
            content_type: content_type.map(str::to_string),
        }
    }

    #[test]
    fn the_header_charset_wins_then_meta_then_utf8() {
        let latin = b"<p>S\xe3o Paulo</p>";
        let page = decode(&body(latin, Some("text/html; charset=ISO-8859-1"))).unwrap_or_default();
        assert_eq!(page, "<p>São Paulo</p>");
        let meta = b"<html><head><meta charset=\"windows-1252\"></head><p>\x93quoted\x94</p>";
        let page = decode(&body(meta, Some("text/html"))).unwrap_or_default();
        assert!(page.contains("\u{201c}quoted\u{201d}"), "{page}");
        let page = decode(&body("<p>Київ</p>".as_bytes(), None)).unwrap_or_default();
        assert_eq!(page, "<p>Київ</p>");
    }

    #[test]
    fn a_pdf_is_no_page() {
        let err = decode(&body(b"%PDF-1.7", Some("application/pdf")));
        assert_eq!(err, Err(FetchError::NotHtml("application/pdf".into())));
    }
}
