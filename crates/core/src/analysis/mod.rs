//! Text analysis of one article: sentences, direct and indirect quotations with their
//! speakers, check-worthy claims and consistency checks. Pure and linear in the text's size.
//!
//! Internally everything works on byte offsets; [`analyze`] converts to code points at the
//! edge, because offsets that leave the process are code points (ARCHITECTURE.md).

pub mod checks;
pub mod checkworthy;
