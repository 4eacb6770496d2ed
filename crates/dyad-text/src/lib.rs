//! Sentence splitting and Universal Dependencies tokenization for news text.
