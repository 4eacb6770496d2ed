//! Reads news documents (JSONL, text, HTML, folders, standard input) and parses wire datelines.
