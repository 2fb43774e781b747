//! Text analysis of one article: sentences, direct and indirect quotations with their
//! speakers, check-worthy claims and consistency checks. Pure and linear in the text's size.
//!
//! The pipeline: one tokenizer pass ([`tokens`]); quotation marks paired per paragraph
//! ([`marks`]); sentences that never split a quotation ([`sentences`]); for each marked
//! span, the attribution after or before it ([`attribution`]), a test whether it is a
//! quotation at all (titles, names and scare quotes are not), and the chain rule for
//! quotations without their own cue; reported speech in sentences without marks; pronouns
//! and descriptions resolved to the latest named speaker; names in their fullest form
//! ([`names`]). Everything works on byte offsets; [`analyze`] converts to code points at the
//! edge, because offsets that leave the process are code points (ARCHITECTURE.md).

mod attribution;
pub mod checks;
pub mod checkworthy;
mod lexicon;
mod marks;
mod names;
mod nicknames;
pub mod offsets;
mod quotes;
mod reported;
mod sentences;
mod tokens;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Direct quotations are inside quotation marks; indirect ones are reported speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    Direct,
    Indirect,
}

/// A span of the analysed text in code points, `end` exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Span {
    #[ts(type = "number")]
    pub start: usize,
    #[ts(type = "number")]
    pub end: usize,
}

/// A quotation and who said it (contract: ../shared/eval/README.md).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Quotation {
    pub kind: QuoteKind,
    /// The quoted words; for a direct quotation, inside the marks.
    #[ts(type = "number")]
    pub start: usize,
    #[ts(type = "number")]
    pub end: usize,
    pub text: String,
    /// The speaker's fullest name in the article, titles dropped.
    pub speaker: Option<String>,
    /// The mention that carries the attribution ("Putin", "Ia", "nya").
    #[ts(type = "number | null")]
    pub speaker_start: Option<usize>,
    #[ts(type = "number | null")]
    pub speaker_end: Option<usize>,
    /// The attributing word ("kata", "ujarnya", "said").
    pub cue: Option<String>,
}

/// A sentence scored for check-worthiness.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct ClaimCandidate {
    #[ts(type = "number")]
    pub start: usize,
    #[ts(type = "number")]
    pub end: usize,
    pub text: String,
    /// 0..1; 0.5 and above is check-worthy.
    pub score: f32,
    /// Why it scored: "number", "comparison", "attribution", …
    pub reasons: Vec<String>,
}

/// A consistency check on the text ("Kamis, 14 September 2023" is a Thursday).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct ConsistencyCheck {
    pub kind: String,
    #[ts(type = "number")]
    pub start: usize,
    #[ts(type = "number")]
    pub end: usize,
    pub ok: bool,
    pub detail: String,
}

/// A speaker of the article, with the quotations attributed to them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct ArticleSpeaker {
    pub name: String,
    /// The role the text gives, when it gives one ("juru bicara Kremlin").
    pub role: Option<String>,
    /// Indexes into [`Analysis::quotes`].
    #[ts(type = "Array<number>")]
    pub quotes: Vec<usize>,
}

/// Everything analysis finds in one text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Analysis {
    pub language: Option<String>,
    pub sentences: Vec<Span>,
    pub quotes: Vec<Quotation>,
    pub claims: Vec<ClaimCandidate>,
    pub checks: Vec<ConsistencyCheck>,
    pub speakers: Vec<ArticleSpeaker>,
}

/// Bumped whenever analysis changes what it finds, so stored suggestions can be refreshed.
pub const ANALYZER_VERSION: u32 = 9;

/// Characters of context kept on each side of a stored item, to re-anchor it later.
const CONTEXT_CHARS: usize = 32;

/// The items of an analysis worth storing: every quotation, and the sentences scored
/// check-worthy (0.5 and above).
pub fn detected(text: &str, analysis: &Analysis) -> crate::DetectedAnalysis {
    let chars: Vec<char> = text.chars().collect();
    let context = |start: usize, end: usize| -> (String, String) {
        let prefix = chars[start.saturating_sub(CONTEXT_CHARS)..start]
            .iter()
            .collect();
        let suffix = chars[end..(end + CONTEXT_CHARS).min(chars.len())]
            .iter()
            .collect();
        (prefix, suffix)
    };
    let roles = |name: &Option<String>| {
        name.as_ref()
            .and_then(|n| analysis.speakers.iter().find(|s| &s.name == n))
            .and_then(|s| s.role.clone())
    };
    let mut items = Vec::new();
    for q in &analysis.quotes {
        let (prefix, suffix) = context(q.start, q.end);
        items.push(crate::DetectedItem {
            kind: if q.kind == QuoteKind::Direct {
                "direct"
            } else {
                "indirect"
            },
            start: q.start,
            end: q.end,
            text: q.text.clone(),
            prefix,
            suffix,
            speaker: q.speaker.clone(),
            role: roles(&q.speaker),
            speaker_start: q.speaker_start,
            speaker_end: q.speaker_end,
            cue: q.cue.clone(),
            score: None,
            reasons: Vec::new(),
        });
    }
    for c in analysis.claims.iter().filter(|c| c.score >= 0.5) {
        let (prefix, suffix) = context(c.start, c.end);
        items.push(crate::DetectedItem {
            kind: "claim",
            start: c.start,
            end: c.end,
            text: c.text.clone(),
            prefix,
            suffix,
            speaker: None,
            role: None,
            speaker_start: None,
            speaker_end: None,
            cue: None,
            score: Some(c.score.clamp(0.0, 1.0)),
            reasons: c.reasons.clone(),
        });
    }
    items.sort_by_key(|i| (i.start, i.end));
    crate::DetectedAnalysis {
        analyzer: ANALYZER_VERSION,
        items,
    }
}

/// The byte spans of the text's sentences, as [`analyze`] finds them (quotations are never
/// split, a line break always ends a sentence), without the rest of the analysis: the diff
/// aligns versions sentence by sentence and needs only this.
pub fn sentence_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    let lexicon = lexicon::Lexicon::get();
    let tokens = tokens::tokenize(text);
    let mut marked = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        marks::marked_spans(text, start, start + line.len(), lexicon, &mut marked);
        start += line.len() + 1;
    }
    sentences::sentences(text, &tokens, &marked, lexicon)
        .iter()
        .map(|s| s.start..s.end)
        .collect()
}

/// Words the language guess reads: the opening paragraphs decide.
const LANGUAGE_SAMPLE_WORDS: usize = 300;

/// Sentences shorter than this many words are not scored as claims ("Baca juga").
const MIN_CLAIM_WORDS: usize = 4;

/// Analyses one article's text. `language` is the known language, else it is guessed;
/// `published` (RFC 3339 or YYYY-MM-DD) anchors date checks.
pub fn analyze(text: &str, language: Option<&str>, published: Option<&str>) -> Analysis {
    let language = language.map(str::to_string).or_else(|| {
        crate::language::guess_language_from(text, LANGUAGE_SAMPLE_WORDS).map(str::to_string)
    });
    let mut tokens = tokens::tokenize(text);
    // Word lists, language conventions and the claims model need a language even for a
    // one-line text too short to label.
    let lean = language
        .as_deref()
        .or_else(|| crate::language::lean_language(text, LANGUAGE_SAMPLE_WORDS));
    let lexicon = if lean == Some("en") {
        lexicon::Lexicon::english()
    } else {
        lexicon::Lexicon::get()
    };
    if lean != Some("en") {
        tokens::split_short_tails(text, &mut tokens);
    }
    let found = quotes::find(text, &tokens, lexicon, lean);
    let positions = offsets::CharOffsets::new(text);

    let lang = lean.unwrap_or("en");
    let mut claims = Vec::new();
    for sentence in &found.sentences {
        let words = tokens[sentence.first_token..sentence.end_token]
            .iter()
            .filter(|t| t.is_word())
            .count();
        if words < MIN_CLAIM_WORDS {
            continue;
        }
        let sentence_text = &text[sentence.start..sentence.end];
        let scored = checkworthy::check_worthiness(sentence_text, lang);
        claims.push(ClaimCandidate {
            start: positions.char_at(sentence.start),
            end: positions.char_at(sentence.end),
            text: sentence_text.to_string(),
            score: scored.score,
            reasons: scored.reasons.iter().map(|r| r.to_string()).collect(),
        });
    }

    let checks = checks::consistency_checks(text, published)
        .into_iter()
        .map(|c| ConsistencyCheck {
            kind: c.kind.to_string(),
            start: positions.char_at(c.start),
            end: positions.char_at(c.end),
            ok: c.ok,
            detail: c.detail,
        })
        .collect();

    let mut speakers: Vec<ArticleSpeaker> = Vec::new();
    let quotes: Vec<Quotation> = found
        .quotes
        .iter()
        .enumerate()
        .map(|(index, q)| {
            if let Some(name) = &q.speaker {
                match speakers.iter_mut().find(|s| &s.name == name) {
                    Some(speaker) => {
                        speaker.quotes.push(index);
                        if speaker.role.is_none() {
                            speaker.role = q.role.clone();
                        }
                    }
                    None => speakers.push(ArticleSpeaker {
                        name: name.clone(),
                        role: q.role.clone(),
                        quotes: vec![index],
                    }),
                }
            }
            Quotation {
                kind: q.kind,
                start: positions.char_at(q.start),
                end: positions.char_at(q.end),
                text: text[q.start..q.end].to_string(),
                speaker: q.speaker.clone(),
                speaker_start: q.mention.map(|m| positions.char_at(m.start)),
                speaker_end: q.mention.map(|m| positions.char_at(m.end)),
                cue: q.cue.map(|(a, b)| text[a..b].to_string()),
            }
        })
        .collect();

    Analysis {
        language,
        sentences: found
            .sentences
            .iter()
            .map(|s| Span {
                start: positions.char_at(s.start),
                end: positions.char_at(s.end),
            })
            .collect(),
        quotes,
        claims,
        checks,
        speakers,
    }
}
