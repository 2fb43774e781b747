//! Consistency checks that need nothing but the article's text (and its date).
