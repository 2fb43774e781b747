//! The word lists analysis relies on, read from the per-language data files in
//! `crates/core/lexicons/analysis.*.txt`. Indonesian and English lists are merged: articles
//! in one language quote the other, and the lists barely collide.

use std::sync::OnceLock;

const SOURCES: &[&str] = &[
    include_str!("../../lexicons/analysis.id.txt"),
    include_str!("../../lexicons/analysis.en.txt"),
];

pub use crate::wordset::WordSet;

/// One word list per section of the data files, all lower case.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// A period after these does not end a sentence.
    pub abbreviations: WordSet,
    /// Titles, ranks and roles dropped from a speaker's name.
    pub titles: WordSet,
    /// Words that attribute a direct quotation ("kata", "said").
    pub speech_cues: WordSet,
    /// Cues that come before their speaker ("kata Budi"), also in front of a quotation.
    pub inverted_cues: WordSet,
    /// Speech verbs that introduce reported speech ("mengatakan bahwa", "said that").
    pub indirect_cues: WordSet,
    /// Cues whose source follows them ("menurut X", "according to X").
    pub source_cues: WordSet,
    pub pronouns: WordSet,
    /// Words that may sit between a subject and its verb in a coordinated clause.
    pub conjunctions: WordSet,
    /// Adverbs and auxiliaries between a subject and its speech verb.
    pub skip_before_cue: WordSet,
    /// Words that end a speaker phrase after an inverted cue ("kata X kepada wartawan").
    pub stop_after_speaker: WordSet,
    /// Words right before a quotation mark that make the marked text a title or term.
    pub title_cues: WordSet,
    pub weekdays: WordSet,
    /// Words that start organisation names: not part of a person's name.
    pub organisation_words: WordSet,
    /// Countries, regions and cities: not part of a person's name ("Presiden Rusia Vladimir Putin").
    pub places: WordSet,
    /// Words capitalised at a sentence's start that are never part of a name ("Ketika", "However").
    pub sentence_openers: WordSet,
    /// Words that open a description of someone ("a", "the", "his", "seorang", "sejumlah").
    pub determiners: WordSet,
    /// Words that open a time or place adjunct after a subject ("saat", "dalam", "dari"):
    /// such a phrase is neither a description nor an apposition.
    pub adjunct_openers: WordSet,
    /// Words beyond the titles that head a description of one person ("pria", "mantan",
    /// "istri"): closed by a demonstrative ("Pria 26 tahun itu") it is someone named before.
    pub person_nouns: WordSet,
    /// Speech cues that are also plural nouns ("claims", "reports"): after a preposition
    /// and capitals ("32% of Republican claims") they are a noun phrase, not a verb.
    pub noun_cues: WordSet,
    /// Speech cues that ask ("asked", "bertanya"): the quotation after a sentence that asks is
    /// the answer, by someone else.
    pub question_cues: WordSet,
    /// Title words that qualify a role but never stand for a person on their own ("state" of
    /// "Secretary of State", "press"): "the state" points back at no one.
    pub role_modifiers: WordSet,
    /// Kinship words ("istri", "suami"): "Istri Hanung Bramantyo" is someone else than
    /// Hanung Bramantyo, so such a name is no fuller form of his.
    pub kin_nouns: WordSet,
    /// Words that open a person's given names ("Muhammad", "Gusti", "Sri"): a name they
    /// open is not shortened to where a later mention starts ("Luthfi" of "Muhammad Luthfi
    /// Makki"), unlike an organisation left before a name ("Komodo Ceppy Triono").
    pub name_prefixes: WordSet,
    /// Generational suffixes after a surname ("Jr", "Sr", "III"): part of the name, never
    /// what is left of it once a role is cut off ("Joseph R. Biden Jr." is not "Biden Jr").
    pub name_suffixes: WordSet,
    /// Given names that are a woman's, and a man's, almost always ("Hillary", "Bill"): a
    /// mention after "Mr." is no fuller name opened by the first, one after "Mrs."/"Ms." none
    /// opened by the second. Names given to both ("Kelly", "Terry") are in neither.
    pub female_given_names: WordSet,
    pub male_given_names: WordSet,
    /// Indonesian words a scraper glues to the name before them ("Putinmengatakan"): the
    /// tokenizer splits them off a capitalised word.
    pub glued_tails: WordSet,
    /// Short Indonesian words a scraper glues to a name too ("Benzaquen|di", "Konami|dalam",
    /// "AS|di"): names end with them as well ("Mahdi", "Ramadan"), so they are split off only
    /// where the article has the rest on its own, or after an acronym.
    pub glued_short_tails: WordSet,
    /// Indonesian passive verbs of speech ("disampaikan", "diungkapkan"): the name after one
    /// is someone a later role or pronoun points back to.
    pub passive_speech_cues: WordSet,
    /// Words the Indonesian lists hold that are something else in English text: "Tim" is a
    /// given name there, not "tim" (team). Only the English view drops them.
    pub english_exceptions: WordSet,
    /// Every word with the sections it is in (bits of [`Section`]): one lookup answers all.
    sections: std::collections::HashMap<
        &'static str,
        u32,
        std::hash::BuildHasherDefault<crate::wordset::FxHasher>,
    >,
    /// A bit per word shape (length and outer bytes) of the words in `sections`: most words
    /// of a text are in no section, and this says so without hashing them.
    section_shapes: Vec<u64>,
}

/// Whether a lower-case word is an Indonesian demonstrative, which closes a noun phrase
/// ("pria itu", "peneliti tersebut") and points it back at someone named before.
pub fn is_demonstrative(lower: &str) -> bool {
    matches!(lower, "itu" | "ini" | "tersebut")
}

/// Whether a lower-case word is an Indonesian article before a person noun ("para
/// pedagang", "sang dokter", "si pelaku"): it opens a description, though it opens
/// sentences too.
pub fn is_person_article(lower: &str) -> bool {
    matches!(lower, "para" | "sang" | "si")
}

/// Bits in [`Lexicon::section_shapes`].
const SHAPE_BITS: u32 = 16;

/// A cheap key of a word's length and its first, second and last bytes.
fn shape(word: &str) -> usize {
    let bytes = word.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return 0;
    };
    let second = bytes.get(1).copied().unwrap_or(0);
    let key = (bytes.len() as u32)
        .wrapping_mul(0x0100_0193)
        .wrapping_add(u32::from(first) << 16 | u32::from(second) << 8 | u32::from(last));
    (key.wrapping_mul(0x9e37_79b1) >> (32 - SHAPE_BITS)) as usize
}

impl Lexicon {
    /// The merged Indonesian and English lexicon, parsed once.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon::parse(&[]))
    }

    /// The lists of every data file, less `dropped_organisation_words`, indexed.
    fn parse(dropped_organisation_words: &[&str]) -> Lexicon {
        let mut lexicon = Lexicon::default();
        for source in SOURCES {
            lexicon.add(source);
        }
        for word in dropped_organisation_words {
            lexicon.organisation_words.remove(*word);
        }
        lexicon.index_sections();
        lexicon
    }

    /// Fills the word → sections map and its shape filter from the word lists.
    fn index_sections(&mut self) {
        for (bit, set) in [
            (Section::TITLES, &self.titles),
            (Section::PRONOUNS, &self.pronouns),
            (Section::CONJUNCTIONS, &self.conjunctions),
            (Section::SKIP_BEFORE_CUE, &self.skip_before_cue),
            (Section::STOP_AFTER_SPEAKER, &self.stop_after_speaker),
            (Section::WEEKDAYS, &self.weekdays),
            (Section::INVERTED_CUES, &self.inverted_cues),
            (Section::INDIRECT_CUES, &self.indirect_cues),
            (Section::SOURCE_CUES, &self.source_cues),
            (Section::ADJUNCT_OPENERS, &self.adjunct_openers),
        ] {
            for word in set.iter() {
                *self.sections.entry(word).or_default() |= bit;
            }
        }
        self.section_shapes = vec![0; 1 << SHAPE_BITS >> 6];
        for word in self.sections.keys() {
            let bit = shape(word);
            self.section_shapes[bit >> 6] |= 1 << (bit & 63);
        }
    }

    /// The lexicon for an English article: the merged one, less the Indonesian
    /// organisation words that are English given names ("Tim Cook", "Tim Kaine").
    pub fn english() -> &'static Lexicon {
        static ENGLISH: OnceLock<Lexicon> = OnceLock::new();
        ENGLISH.get_or_init(|| {
            let exceptions: Vec<&str> = Lexicon::get().english_exceptions.iter().copied().collect();
            Lexicon::parse(&exceptions)
        })
    }

    fn add(&mut self, source: &'static str) {
        let mut section: Option<&mut WordSet> = None;
        for line in source.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = match name {
                    "abbreviations" => Some(&mut self.abbreviations),
                    "titles" => Some(&mut self.titles),
                    "speech-cues" => Some(&mut self.speech_cues),
                    "indirect-cues" => Some(&mut self.indirect_cues),
                    "inverted-cues" => Some(&mut self.inverted_cues),
                    "source-cues" => Some(&mut self.source_cues),
                    "pronouns" => Some(&mut self.pronouns),
                    "conjunctions" => Some(&mut self.conjunctions),
                    "skip-before-cue" => Some(&mut self.skip_before_cue),
                    "stop-after-speaker" => Some(&mut self.stop_after_speaker),
                    "title-cues" => Some(&mut self.title_cues),
                    "weekdays" => Some(&mut self.weekdays),
                    "organisation-words" => Some(&mut self.organisation_words),
                    "places" => Some(&mut self.places),
                    "sentence-openers" => Some(&mut self.sentence_openers),
                    "determiners" => Some(&mut self.determiners),
                    "person-nouns" => Some(&mut self.person_nouns),
                    "kin-nouns" => Some(&mut self.kin_nouns),
                    "role-modifiers" => Some(&mut self.role_modifiers),
                    "question-cues" => Some(&mut self.question_cues),
                    "noun-cues" => Some(&mut self.noun_cues),
                    "name-prefixes" => Some(&mut self.name_prefixes),
                    "name-suffixes" => Some(&mut self.name_suffixes),
                    "female-given-names" => Some(&mut self.female_given_names),
                    "male-given-names" => Some(&mut self.male_given_names),
                    "adjunct-openers" => Some(&mut self.adjunct_openers),
                    "english-exceptions" => Some(&mut self.english_exceptions),
                    "glued-tails" => Some(&mut self.glued_tails),
                    "glued-short-tails" => Some(&mut self.glued_short_tails),
                    "passive-speech-cues" => Some(&mut self.passive_speech_cues),
                    // An unknown section in a user's edit is skipped, not fatal.
                    _ => None,
                };
                continue;
            }
            if let Some(set) = section.as_mut() {
                set.insert(line);
            }
        }
    }

    /// The sections a lower-case word is in, as [`Section`] bits.
    pub fn sections_of(&self, lower: &str) -> u32 {
        let bit = shape(lower);
        let shapes = self.section_shapes.get(bit >> 6);
        if shapes.is_some_and(|shapes| shapes & 1 << (bit & 63) == 0) {
            return 0;
        }
        self.sections.get(lower).copied().unwrap_or(0)
    }

    /// Whether a lower-case word heads a description of one person: a title or role
    /// ("politikus", "juru bicara") or a `[person-nouns]` word ("pria", "mantan").
    pub fn heads_a_person(&self, lower: &str) -> bool {
        self.person_nouns.contains(lower) || self.is_person_title(lower)
    }

    /// A title that stands for a person ("judge", "senator"), not one that only qualifies a
    /// role (`[role-modifiers]`: "state", "press").
    pub fn is_person_title(&self, lower: &str) -> bool {
        self.titles.contains(lower) && !self.role_modifiers.contains(lower)
    }

    /// A word that opens sentences but never names anyone: a function word or an opener.
    pub fn is_opener(&self, lower: &str) -> bool {
        self.sentence_openers.contains(lower) || crate::language::is_function_word(lower)
    }

    /// The speech cue a word is, also with Indonesian "-nya" ("ujarnya"): returns the cue's
    /// length in bytes within the word when it carries "-nya", so the pronoun can be spanned.
    pub fn speech_cue(&self, lower: &str) -> Option<CueForm> {
        if self.speech_cues.contains(lower) {
            return Some(CueForm::Plain);
        }
        let stem = lower.strip_suffix("nya")?;
        (self.speech_cues.contains(stem) || self.source_cues.contains(stem))
            .then_some(CueForm::WithNya)
    }
}

/// Bits for the lexicon sections analysis asks about per token.
pub struct Section;

impl Section {
    pub const TITLES: u32 = 1;
    pub const PRONOUNS: u32 = 1 << 1;
    pub const CONJUNCTIONS: u32 = 1 << 2;
    pub const SKIP_BEFORE_CUE: u32 = 1 << 3;
    pub const STOP_AFTER_SPEAKER: u32 = 1 << 4;
    pub const WEEKDAYS: u32 = 1 << 5;
    pub const INVERTED_CUES: u32 = 1 << 6;
    pub const INDIRECT_CUES: u32 = 1 << 7;
    pub const SOURCE_CUES: u32 = 1 << 8;
    pub const ADJUNCT_OPENERS: u32 = 1 << 9;
}

/// How a cue word carries its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueForm {
    /// "kata", "said": the speaker is a separate word.
    Plain,
    /// "ujarnya", "menurutnya": the speaker is the suffix "nya".
    WithNya,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_read_and_merged() {
        let lexicon = Lexicon::get();
        assert!(lexicon.speech_cues.contains("kata"));
        assert!(lexicon.speech_cues.contains("said"));
        assert!(lexicon.titles.contains("presiden"));
        assert!(lexicon.abbreviations.contains("jend"));
        assert!(!lexicon.speech_cues.contains("presiden"));
    }

    #[test]
    fn nya_forms_of_cues_are_recognised() {
        let lexicon = Lexicon::get();
        assert_eq!(lexicon.speech_cue("ujarnya"), Some(CueForm::WithNya));
        assert_eq!(lexicon.speech_cue("menurutnya"), Some(CueForm::WithNya));
        assert_eq!(lexicon.speech_cue("ujar"), Some(CueForm::Plain));
        assert_eq!(lexicon.speech_cue("hanya"), None);
    }
}
