//! Names in news text: runs of capitalised words ("Prof Dr Maria S.W. Sumardjono"), their
//! core without titles, roles and organisation words ("Maria S.W. Sumardjono"), and the
//! fullest form of a short mention found anywhere in the article ("Putin" -> "Vladimir Putin").

use super::lexicon::{Lexicon, WordSet};
use super::tokens::{Kind, Token};
use crate::text::lowercase;
use crate::wordset::contains_lowercased;
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

/// Lower-case particles inside names ("Muhammad bin Salman", "Ursula von der Leyen").
const CONNECTORS: &[&str] = &[
    "bin", "binti", "van", "von", "der", "de", "al", "el", "da", "dos", "la", "le", "ibn",
];

/// Tokens `first..end` of a name.
pub type Run = (usize, usize);

/// An initial ("S") or an abbreviated title ("Dr", "Jend"): its period stays in the name.
fn is_abbreviated(word: &str) -> bool {
    word.chars().count() == 1
        || Lexicon::get()
            .abbreviations
            .contains(lowercase(word).as_str())
}

/// Whether a token can be part of a name run, given the token before it in the run.
fn continues_name(text: &str, tokens: &[Token], i: usize, in_run: bool) -> bool {
    let token = &tokens[i];
    match token.kind {
        Kind::Word => {
            let word = token.text(text);
            let first = word.chars().next().unwrap_or(' ');
            first.is_uppercase()
                || first == '@'
                || (in_run && !token.space_before)
                || (in_run
                    && CONNECTORS.contains(&word)
                    && tokens.get(i + 1).is_some_and(|n| n.is_capitalised(text)))
        }
        // "R&D", "AT&T", "S&P": an ampersand glued between capitals ("CEO & Co-Founder"
        // joins two roles, not one name).
        Kind::Punct if &text[token.start..token.end] == "&" => {
            in_run
                && !token.space_before
                && i > 0
                && tokens[i - 1].is_capitalised(text)
                && tokens
                    .get(i + 1)
                    .is_some_and(|n| !n.space_before && n.is_capitalised(text))
        }
        // The period of an initial ("S.W.") or an abbreviated title ("Dr.").
        Kind::Punct => {
            in_run
                && &text[token.start..token.end] == "."
                && !token.space_before
                && i > 0
                && tokens[i - 1].kind == Kind::Word
                && is_abbreviated(tokens[i - 1].text(text))
                && tokens.get(i + 1).is_some_and(|n| n.is_capitalised(text))
        }
        Kind::Number => in_run && tokens.get(i + 1).is_some_and(|n| n.is_capitalised(text)),
        Kind::Break => false,
    }
}

/// The name run starting at token `i`, if one does.
pub fn run_forward(text: &str, tokens: &[Token], i: usize) -> Option<Run> {
    if i >= tokens.len() || !continues_name(text, tokens, i, false) || tokens[i].kind != Kind::Word
    {
        return None;
    }
    let mut end = i + 1;
    while end < tokens.len() && end - i < 12 && continues_name(text, tokens, end, true) {
        end += 1;
    }
    Some((i, end))
}

/// The name run ending with token `last` (inclusive), if one does.
pub fn run_backward(text: &str, tokens: &[Token], last: usize) -> Option<Run> {
    if tokens.get(last)?.kind != Kind::Word
        || !continues_name(text, tokens, last, false) && tokens[last].space_before
    {
        return None;
    }
    let mut first = last;
    while first > 0 && last - first < 12 {
        let candidate = first - 1;
        // Re-check from the left: a token continues a run only if one is before it.
        let ok = match tokens[candidate].kind {
            Kind::Word => {
                tokens[candidate].is_capitalised(text)
                    || tokens[candidate].text(text).starts_with('@')
                    || (!tokens[candidate + 1].space_before
                        && tokens[candidate + 1].kind == Kind::Word
                        && tokens[candidate].is_capitalised(text))
                    || (CONNECTORS.contains(&tokens[candidate].text(text))
                        && candidate > 0
                        && tokens[candidate - 1].is_capitalised(text))
            }
            Kind::Punct => continues_name(text, tokens, candidate, true),
            Kind::Number => false,
            Kind::Break => false,
        };
        if !ok {
            break;
        }
        first = candidate;
    }
    // A run must start with a capitalised word (or a handle).
    while first <= last
        && !(tokens[first].is_capitalised(text) || tokens[first].text(text).starts_with('@'))
    {
        first += 1;
    }
    (first <= last).then_some((first, last + 1))
}

/// A word in capitals (and digits): an acronym such as "KPK", "BEI" or "G20".
pub(crate) fn in_capitals(word: &str) -> bool {
    word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// An acronym of two characters or more ("KPK", "G20"), not a lone initial.
pub(crate) fn is_acronym(word: &str) -> bool {
    word.chars().count() >= 2 && in_capitals(word)
}

/// A word roles are made of: a title, an organisation word, a place or an acronym
/// ("Kepala Balai TNGM", "Panglima TNI").
pub(crate) fn is_role_word(word: &str, lexicon: &Lexicon) -> bool {
    contains_lowercased(&lexicon.titles, word)
        || contains_lowercased(&lexicon.organisation_words, word)
        || contains_lowercased(&lexicon.places, word)
        || is_acronym(word)
}

/// A code or label in capitals beyond its first letter ("CSH", "TV", "HUNDRED"): a product,
/// a model or a channel, no person's name. Roman numerals are names' own ("Paku Buwono XIII").
pub(crate) fn is_model_code(word: &str) -> bool {
    // The second letter first: most words are ruled out there.
    word.chars().nth(1).is_some_and(char::is_uppercase)
        && in_capitals(word)
        && !word
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
}

/// The run without the titles, roles, organisation words and sentence-initial function
/// words at its front; the whole run when nothing else is left (an organisation: "KBRI").
pub fn core(text: &str, tokens: &[Token], run: Run, lexicon: &Lexicon) -> Run {
    let (start, end) = run;
    // Set lookups lower-case on the stack: a name run is looked at word by word, often twice.
    let in_set = |set: &WordSet, i: usize| contains_lowercased(set, tokens[i].text(text));
    // "Menteri Perdagangan Dr. Ratna Sari Dewi": the name starts after the last title.
    let mut first = start;
    // A one-letter title ("H." for Haji) glued to another initial is an initial: "George
    // H.W. Bush".
    let initials = |i: usize| {
        tokens[i].end - tokens[i].start == 1
            && tokens
                .get(i + 2)
                .is_some_and(|t| !t.space_before && t.kind == Kind::Word)
            && tokens[i + 1].kind == Kind::Punct
    };
    if let Some(last_title) = (start..end.saturating_sub(1))
        .rev()
        .find(|&i| tokens[i].kind == Kind::Word && in_set(&lexicon.titles, i) && !initials(i))
    {
        first = last_title + 1;
    }
    // "The Post’s Dana Milbank", "RNC’s Reince Priebus": a person's name follows its owner
    // ("Bush’s Facebook" stays: the owner is who speaks there).
    if let Some(owner) = (first..end.saturating_sub(2)).rev().find(|&i| {
        tokens[i].kind == Kind::Word && {
            let word = tokens[i].text(text);
            word.len() > 3 && (word.ends_with("'s") || word.ends_with("’s"))
        }
    }) {
        first = owner + 1;
    }
    // "Direktur Pengembangan BEI Jeffrey Hendrik", "Public Relations KAI Anne Purba": after a
    // title, the unit and then the organisation (an acronym or an organisation word); the
    // person is the name after the last of them.
    // Without a title, two or more name words must follow ("Fiskal Kemenkeu Febrio Nathan
    // Kacaribu"), so that an organisation's own name ("Pemprov DKI Jakarta") stays whole.
    let titled = first > start;
    // After a title, a place ends the role as an organisation does ("Ketua Tim Kampanye
    // Hutan Greenpeace Indonesia Arie Rompas").
    let is_organisation = |i: usize| {
        let word = tokens[i].text(text);
        tokens[i].kind == Kind::Word
            && (is_acronym(word)
                || in_set(&lexicon.organisation_words, i)
                || (titled && in_set(&lexicon.places, i)))
    };
    if let Some(last_organisation) = (first..end.saturating_sub(1))
        .rev()
        .find(|&i| is_organisation(i))
        .filter(|&i| {
            let after = (i + 1..end).filter(|&j| tokens[j].kind == Kind::Word);
            let names = after
                .clone()
                .filter(|&j| tokens[j].is_capitalised(text) && !in_set(&lexicon.places, j))
                .count();
            after.clone().all(|j| !is_organisation(j)) && names >= if titled { 1 } else { 2 }
        })
    {
        first = last_organisation + 1;
        // "BPJamsostek Pramudya": the rest of an acronym's word a case change split ("PT"
        // glued to "Astra Honda Motor" is a lost space: "PT" is an organisation word).
        if !in_set(&lexicon.organisation_words, last_organisation) {
            while first + 2 < end && tokens[first].kind == Kind::Word && !tokens[first].space_before
            {
                first += 1;
            }
        }
    }
    // "… yang Lebih Inklusif Menurut Andi Sukma": a heading whose line break was lost runs
    // into the source cue, and the name starts after it.
    if let Some(cue) = (first..end.saturating_sub(1)).rev().find(|&i| {
        tokens[i].kind == Kind::Word && {
            let lower = lowercase(tokens[i].text(text));
            lower != "kata" && lexicon.source_cues.contains(lower.as_str())
        }
    }) {
        first = cue + 1;
    }
    // "AksarayMehmet Ali Kumbuzoğlu": a place a scraper glued to the name (three lower-case
    // letters, then a capitalised word of four letters or more; "WhatsApp" stays whole).
    if let Some(glued) = (first + 1..end.saturating_sub(1)).rev().find(|&i| {
        let (before, word) = (tokens[i - 1].text(text), tokens[i].text(text));
        tokens[i].kind == Kind::Word
            && tokens[i - 1].kind == Kind::Word
            && !tokens[i].space_before
            && word.chars().count() >= 4
            && tokens[i].is_capitalised(text)
            && before
                .chars()
                .rev()
                .take(3)
                .filter(|c| c.is_lowercase())
                .count()
                == 3
    }) {
        first = glued;
    }
    let mut stripped_any = first > start;
    while first + 1 < end {
        let token = &tokens[first];
        let word = token.text(text);
        let lower_word = lowercase(word);
        let acronym = is_acronym(word)
            || (in_capitals(word) && tokens.get(first + 1).is_some_and(|n| n.kind == Kind::Word));
        let strip = token.kind != Kind::Word
            || lexicon.titles.contains(lower_word.as_str())
            || lexicon.organisation_words.contains(lower_word.as_str())
            || lexicon.places.contains(lower_word.as_str())
            || lexicon.is_opener(&lower_word)
            || lexicon.source_cues.contains(lower_word.as_str())
            || lexicon.pronouns.contains(lower_word.as_str())
            || (acronym && tokens[first + 1].space_before);
        if !strip {
            break;
        }
        stripped_any = true;
        first += 1;
    }
    while first < end && tokens[first].kind == Kind::Punct {
        first += 1;
    }
    // An organisation's name ("Badan Pusat Statistik", "KBRI") stays whole: nothing but
    // organisation words and places before one remaining word, and no title.
    let opens_as_organisation = in_set(&lexicon.organisation_words, start);
    let remaining_words = tokens[first.min(end)..end]
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .count();
    // "The New York Times", "The Texas Tribune": "The", a place and one word, and no title,
    // is an organisation named after its place (not a person called "Times"; "German
    // Ortega" without "The" is a person).
    let named_after_place = remaining_words == 1
        && first > start + 1
        && tokens[start].text(text) == "The"
        && (start + 1..first).all(|i| tokens[i].kind != Kind::Word || in_set(&lexicon.places, i));
    if first >= end
        || (stripped_any && is_org_only(text, tokens, (first, end), lexicon))
        || named_after_place
        || (opens_as_organisation
            && remaining_words <= 1
            && !(start..end).any(|i| in_set(&lexicon.titles, i)))
    {
        // The whole run, but not the "Namun" or "Menurut" that opened its sentence
        // ("Namun Mendagri" is "Mendagri").
        return (after_lead_in(text, tokens, start, end - 1, lexicon), end);
    }
    // Trailing weekdays ("Rozi Minggu") are dates, not names.
    let mut end = end;
    while end > first + 1 && in_set(&lexicon.weekdays, end - 1) {
        end -= 1;
    }
    (first, end)
}

/// The first token of `from..to` after the sentence's lead-in words: a role starts there
/// ("Selanjutnya Menteri UMKM RI" is "Menteri UMKM RI").
pub(crate) fn after_lead_in(
    text: &str,
    tokens: &[Token],
    from: usize,
    to: usize,
    lexicon: &Lexicon,
) -> usize {
    let mut start = from;
    while start < to && {
        let lower = lowercase(tokens[start].text(text));
        lexicon.is_opener(&lower) || lexicon.source_cues.contains(lower.as_str())
    } {
        start += 1;
    }
    start
}

fn is_org_only(text: &str, tokens: &[Token], run: Run, lexicon: &Lexicon) -> bool {
    tokens[run.0..run.1]
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .all(|t| {
            let word = t.text(text);
            [
                &lexicon.titles,
                &lexicon.organisation_words,
                &lexicon.places,
            ]
            .iter()
            .any(|set| contains_lowercased(set, word))
        })
}

/// The text of a run, as written.
#[cfg(test)]
pub fn run_text<'t>(text: &'t str, tokens: &[Token], run: Run) -> &'t str {
    &text[tokens[run.0].start..tokens[run.1 - 1].end]
}

/// The words of a run, for comparing names.
fn run_words<'t>(text: &'t str, tokens: &[Token], run: Run) -> Vec<&'t str> {
    tokens[run.0..run.1]
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .map(|t| t.text(text))
        .collect()
}

/// More distinct names sharing one word than any article has.
const MAX_NAMES_PER_WORD: usize = 64;

/// A mention's fullest name and the role the article gives it.
type FullestName<'t> = (&'t str, Option<&'t str>);

/// What an English honorific before a mention says of the person: "Mr." a man; "Mrs.",
/// "Ms.", "Miss" a woman.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Honorific {
    Mr,
    Ms,
}

impl Honorific {
    /// The honorific a word is, written as one is written ("Mr", "Mrs", "Ms", "Miss").
    pub fn of_word(word: &str) -> Option<Honorific> {
        match word {
            "Mr" => Some(Honorific::Mr),
            "Mrs" | "Ms" | "Miss" => Some(Honorific::Ms),
            _ => None,
        }
    }

    /// The honorific that closes a role ("Mrs.", "former Mr."), if any.
    pub fn of_role(role: &str) -> Option<Honorific> {
        role.split(|c: char| c.is_whitespace() || c == '.')
            .rfind(|w| !w.is_empty())
            .and_then(Honorific::of_word)
    }
}

/// Every name core in the article, indexed by each of its words, to find fullest forms.
pub struct NameIndex<'t> {
    names: Vec<Vec<&'t str>>,
    spans: Vec<(usize, usize)>,
    /// The titles and roles before each name, when they include a title ("Menteri Perdagangan").
    roles: Vec<Option<(usize, usize)>>,
    /// Whether each name holds an organisation word ("Trump National Doral Resort"): such a
    /// name is no person's fullest form, unless the mention holds the word too.
    institutional: Vec<bool>,
    /// Whether each name occurs somewhere other than at a sentence's start, where only a
    /// name is capitalised.
    mid_sentence: Vec<bool>,
    /// Where each name first occurs other than as an owner ("Gary Johnson's plan"), or
    /// `usize::MAX`: of two fuller names that fit a mention equally ("Jeh Johnson", "Gary
    /// Johnson's"), the one named on its own first is meant.
    first_plain: Vec<usize>,
    by_word: HashMap<&'t str, Vec<usize>>,
    /// [`NameIndex::fullest_with_role`] by mention: an article names its people again and
    /// again, and resolving a mention compares it with every name sharing its last word.
    fullest: std::cell::RefCell<HashMap<(&'t str, Option<Honorific>), FullestName<'t>>>,
    organisation_words: &'t crate::wordset::WordSet,
    kin_nouns: &'t crate::wordset::WordSet,
    name_prefixes: &'t crate::wordset::WordSet,
    name_suffixes: &'t crate::wordset::WordSet,
    female_given_names: &'t crate::wordset::WordSet,
    male_given_names: &'t crate::wordset::WordSet,
}

/// Whether `word` occurs in `text` as a whole word after a space, not in an address
/// ("maluku.go.id"), where `follows` accepts the word before that space.
fn occurs_after(text: &str, word: &str, follows: impl Fn(&str) -> bool) -> bool {
    // memchr's SIMD search: each candidate is looked for in the whole article.
    memchr::memmem::find_iter(text.as_bytes(), word.as_bytes()).any(|at| {
        let Some(before) = text[..at].strip_suffix(' ') else {
            return false;
        };
        let rest = &text[at + word.len()..];
        let mut after = rest.chars();
        let whole = !after.next().is_some_and(|c| {
            c.is_alphanumeric() || c == '.' && after.next().is_some_and(|n| !n.is_whitespace())
        });
        whole && follows(before.rsplit(' ').next().unwrap_or(before))
    })
}

/// Whether `word` occurs in `text` right after another word and a space ("warga memasang
/// spanduk"), as running text has it.
fn in_running_text(text: &str, word: &str) -> bool {
    occurs_after(text, word, |previous| {
        previous
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    })
}

/// Whether `word` occurs in `text` inside a sentence: after a word, a comma or a short
/// capitalised abbreviation ("Rep.", "Sen.") and a space.
fn inside_a_sentence(text: &str, word: &str) -> bool {
    occurs_after(text, word, |previous| {
        let after_abbreviation = previous.strip_suffix('.').is_some_and(|abbreviation| {
            (2..=4).contains(&abbreviation.len())
                && abbreviation.chars().next().is_some_and(char::is_uppercase)
                && abbreviation.chars().all(char::is_alphabetic)
        });
        after_abbreviation
            || previous
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == ',')
    })
}

/// Whether token `i` is the first word inside a quotation: right after a quotation mark, with
/// no space between (a closing mark is followed by a space).
fn opens_quotation(text: &str, tokens: &[Token], i: usize) -> bool {
    i > 0
        && !tokens[i].space_before
        && tokens[i - 1].kind == Kind::Punct
        && tokens[i - 1]
            .text(text)
            .chars()
            .next()
            // Single marks too: typewriter style doubles apostrophes (''Wilayat Twitter'').
            .is_some_and(|c| super::marks::is_quote_mark(c) || matches!(c, '\'' | '\u{2018}'))
}

/// Whether `name` holds words a scraper glued together: three or more lower-case letters
/// and then a capital ("PrabowoSubianto", "MotoGPMarquez"), which "McCain", "DeSantis"
/// and "MacDonald" do not have.
fn is_glued(name: &str) -> bool {
    let mut lower_run = 0;
    for c in name.chars() {
        if c.is_lowercase() {
            lower_run += 1;
        } else {
            if c.is_uppercase() && lower_run >= 3 {
                return true;
            }
            lower_run = 0;
        }
    }
    false
}

/// An Indonesian noun made with the circumfix "ke-…-an" or "pe(r/m/n/ng/ny)-…-an", lower
/// case: "kepergian" (departure), "pernyataan" (statement), "penolakan" (refusal). Names do
/// not take these affixes; eight letters at least, so that short names ending in "-an" stay.
fn is_affixed_noun(lower: &str) -> bool {
    lower.len() >= 8
        && lower.is_ascii()
        && lower.ends_with("an")
        && (lower.starts_with("ke") || lower.starts_with("pe"))
}

/// Capitalised words the article also writes in lower case ("Spanduk" / "spanduk"): common
/// words that open a sentence, not names. Found for a given set of candidates in one pass
/// over the tokens.
#[derive(Default)]
pub struct CommonWords {
    lower: HashSet<String>,
}

impl CommonWords {
    /// At most this many candidates are looked up: each costs a search of the text.
    const MAX_CANDIDATES: usize = 32;

    /// `indonesian`: the article is in Indonesian, where a noun built with "ke-…-an" or
    /// "pe-…-an" ("Kepergian", "Pernyataan") is a common word even when written only once.
    pub fn find<'w>(
        text: &str,
        lexicon: &Lexicon,
        candidates: impl IntoIterator<Item = &'w str>,
        indonesian: bool,
    ) -> Self {
        let mut lower = HashSet::new();
        let mut looked_up = HashSet::new();
        for word in candidates {
            if looked_up.len() == Self::MAX_CANDIDATES {
                break;
            }
            let candidate = lowercase(word);
            // Titles and organisation words are the core's to strip ("Tim SAMATA" stays).
            if candidate == word
                || lexicon.titles.contains(candidate.as_str())
                || lexicon.organisation_words.contains(candidate.as_str())
                || !looked_up.insert(candidate.clone())
            {
                continue;
            }
            if (indonesian && is_affixed_noun(&candidate)) || in_running_text(text, &candidate) {
                lower.insert(candidate);
            }
        }
        CommonWords { lower }
    }

    /// Whether capitalised `word` is written in lower case elsewhere.
    pub fn contains(&self, word: &str) -> bool {
        !self.lower.is_empty() && self.lower.contains(lowercase(word).as_str())
    }
}

/// The paragraphs that are headings, as token ranges: short lines in title case without a
/// sentence's closing punctuation ("Baca juga: Trent Alexander-Arnold Wujudkan Mimpi ke Real
/// Madrid"), and a first paragraph in title case even with it ("Glenn Beck Blasts Drudge
/// for Mocking His Fast."). A short lead in sentence case ("Governor Dana Whitfield toured
/// the farms on Monday.") looks like a headline in sentence case, so those stay.
pub(crate) fn headings(text: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
    /// Past this many words, even a capitalised first paragraph is running text.
    const LONGEST_HEADLINE: usize = 25;
    /// Past this many words, a capitalised line further down is running text (a list of
    /// names and roles, say).
    const LONGEST_LINE: usize = 20;
    let mut out = Vec::new();
    let (mut start, mut words) = (0, 0);
    for (i, token) in tokens.iter().enumerate() {
        match token.kind {
            Kind::Word => words += 1,
            Kind::Break => {
                let longest = if start == 0 {
                    LONGEST_HEADLINE
                } else {
                    LONGEST_LINE
                };
                // Most paragraphs are longer: only short ones are looked at word by word.
                if words > 0 && words <= longest {
                    let closes_sentence = tokens[i - 1].kind == Kind::Punct
                        && matches!(tokens[i - 1].text(text), "." | "!" | "?" | "," | ";" | ":");
                    // A first line ending like a sentence may be a lead full of names and
                    // places ("Pengusaha tambak Iwan Setiadi Lukito hadir di Kejaksaan Negeri
                    // Pati, Senin."): its verb is in lower case, a headline's is not.
                    let heading = if closes_sentence {
                        start == 0 && capitalised_share(text, &tokens[start..i]) >= 9
                    } else {
                        capitalised_share(text, &tokens[start..i]) >= 7
                    };
                    if heading {
                        out.push((start, i));
                    }
                }
                (start, words) = (i + 1, 0);
            }
            _ => {}
        }
    }
    out
}

/// How many tenths of a line's longer words are capitalised (0 with fewer than three
/// capitalised): title case leaves only short words ("of", "to", "in") in lower case.
fn capitalised_share(text: &str, line: &[Token]) -> usize {
    let (mut long, mut capitalised) = (0, 0);
    for token in line.iter().filter(|t| t.kind == Kind::Word) {
        if token.text(text).chars().nth(3).is_some() {
            long += 1;
            capitalised += usize::from(token.is_capitalised(text));
        }
    }
    if capitalised < 3 {
        0
    } else {
        capitalised * 10 / long
    }
}

/// Whether token `i` lies in one of the `headings` (sorted token ranges).
pub(crate) fn in_heading(headings: &[(usize, usize)], i: usize) -> bool {
    let after = headings.partition_point(|&(start, _)| start <= i);
    after > 0 && i < headings[after - 1].1
}

impl<'t> NameIndex<'t> {
    /// Indexes the names that contain one of the `wanted` words (the words of the mentions
    /// to resolve); other names cannot be anyone's fullest form, so they cost only a scan.
    pub fn build(
        text: &'t str,
        tokens: &[Token],
        lexicon: &'t Lexicon,
        wanted: &HashSet<&str>,
        headings: &[(usize, usize)],
    ) -> Self {
        let mut seen: HashMap<Vec<&'t str>, usize> = HashMap::with_capacity(wanted.len());
        let mut index = NameIndex {
            names: Vec::new(),
            spans: Vec::new(),
            roles: Vec::new(),
            institutional: Vec::new(),
            mid_sentence: Vec::new(),
            first_plain: Vec::new(),
            by_word: HashMap::with_capacity(wanted.len() * 2),
            fullest: std::cell::RefCell::default(),
            organisation_words: &lexicon.organisation_words,
            kin_nouns: &lexicon.kin_nouns,
            name_prefixes: &lexicon.name_prefixes,
            name_suffixes: &lexicon.name_suffixes,
            female_given_names: &lexicon.female_given_names,
            male_given_names: &lexicon.male_given_names,
        };
        let mut filter = crate::wordset::WordFilter::default();
        for word in wanted {
            filter.insert(word);
        }
        let mut i = 0;
        while i < tokens.len() {
            // Only runs holding a wanted word matter; find those words first, then their run.
            // A heading's capitals and verbs ("Glenn Beck Blasts Drudge") make runs no one is
            // called by.
            // "Donald Trump's" holds the wanted "Trump".
            let is_wanted =
                |word: &str| filter.may_contain(word.as_bytes()) && wanted.contains(word);
            let word = tokens[i].text(text);
            if tokens[i].kind != Kind::Word
                || !(is_wanted(word)
                    || word.ends_with('s') && is_wanted(without_possessive(word))
                    || name_parts(word).any(is_wanted))
                || in_heading(headings, i)
            {
                i += 1;
                continue;
            }
            let start = run_backward(text, tokens, i).map_or(i, |r| r.0);
            let Some(run) = run_forward(text, tokens, start).filter(|r| r.1 > i) else {
                i += 1;
                continue;
            };
            let mut core_run = core(text, tokens, run, lexicon);
            // ""Congratsssss Sydney," jelas Verlita": a quotation's first word is capitalised
            // because it opens what was said, so it opens no one's name unless the text has
            // it inside a sentence too ("candidate Donald Trump's", "…, Donald Trump said").
            if core_run.1 - core_run.0 >= 2
                && opens_quotation(text, tokens, core_run.0)
                && !inside_a_sentence(text, tokens[core_run.0].text(text))
            {
                core_run.0 += 1;
            }
            let mut words = run_words(text, tokens, core_run);
            // "Republican candidate Donald Trump's tax returns": the name is "Donald Trump".
            let mut possessive = 0;
            if let Some(last) = words.last_mut() {
                let owner = without_possessive(last);
                possessive = last.len() - owner.len();
                *last = owner;
            }
            // Each distinct name once, and a bounded number of names per word, so
            // lookups stay constant-time on any input.
            // Capitalised after a word (a title, or any word of running text) is a name's
            // capital, not a sentence's.
            let mid_sentence = core_run.0 > 0 && tokens[core_run.0 - 1].kind == Kind::Word;
            let known = seen.get(&words).copied();
            if let Some(id) = known {
                index.mid_sentence[id] |= mid_sentence;
                if possessive == 0 {
                    let at = tokens[core_run.0].start;
                    index.first_plain[id] = index.first_plain[id].min(at);
                }
            }
            let new = !words.is_empty() && known.is_none();
            let crowded = words.iter().any(|w| {
                index
                    .by_word
                    .get(w)
                    .is_some_and(|ids| ids.len() >= MAX_NAMES_PER_WORD)
            });
            if new && !crowded {
                let id = index.names.len();
                for word in &words {
                    index.by_word.entry(*word).or_default().push(id);
                }
                // "Trent Alexander-Arnold" is found by "Arnold" too.
                for part in words.last().into_iter().flat_map(|last| name_parts(last)) {
                    index.by_word.entry(part).or_default().push(id);
                }
                index
                    .institutional
                    .push(words.iter().any(|w| index.is_organisation_word(w)));
                seen.insert(words.clone(), id);
                index.mid_sentence.push(mid_sentence);
                index.first_plain.push(if possessive == 0 {
                    tokens[core_run.0].start
                } else {
                    usize::MAX
                });
                index.names.push(words);
                index.spans.push((
                    tokens[core_run.0].start,
                    tokens[core_run.1 - 1].end - possessive,
                ));
                let has_title = (run.0..core_run.0).any(|i| {
                    lexicon
                        .titles
                        .contains(lowercase(tokens[i].text(text)).as_str())
                });
                let role_start = after_lead_in(text, tokens, run.0, core_run.0, lexicon);
                index.roles.push(
                    (has_title && core_run.0 > role_start)
                        .then(|| (tokens[role_start].start, tokens[core_run.0 - 1].end)),
                );
            }
            i = run.1.max(i + 1);
        }
        index
    }

    /// Whether the name with exactly these words occurs somewhere other than at a
    /// sentence's start ("Former President Bill Clinton criticized …").
    pub fn occurs_mid_sentence(&self, name: &str) -> bool {
        let words: Vec<&str> = name
            .split(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .collect();
        let Some(first) = words.first() else {
            return false;
        };
        self.by_word.get(first).is_some_and(|ids| {
            ids.iter()
                .any(|&id| self.mid_sentence[id] && self.names[id] == words)
        })
    }

    /// The first words of the names that only ever open sentences and have more words: the
    /// ones [`NameIndex::drop_common_first_words`] may shorten.
    pub fn first_words(&self) -> impl Iterator<Item = &'t str> + '_ {
        self.names
            .iter()
            .zip(&self.mid_sentence)
            .filter(|(words, mid_sentence)| words.len() >= 2 && !**mid_sentence)
            .map(|(words, _)| words[0])
    }

    /// Drops a leading common word from names that have more words ("Unggahan Maia
    /// Estianty" is Maia Estianty's post), so it is no one's fullest form.
    pub fn drop_common_first_words(&mut self, text: &'t str, common: &CommonWords) {
        self.fullest.get_mut().clear();
        for ((words, span), &mid_sentence) in self
            .names
            .iter_mut()
            .zip(self.spans.iter_mut())
            .zip(&self.mid_sentence)
        {
            if words.len() >= 2 && !mid_sentence && common.contains(words[0]) {
                let rest = text[span.0 + words[0].len()..span.1].trim_start();
                span.0 = span.1 - rest.len();
                words.remove(0);
            }
        }
    }

    fn is_organisation_word(&self, word: &str) -> bool {
        crate::wordset::contains_lowercased(self.organisation_words, word)
    }

    /// The fullest name `id` from where the mention starts when what stands before it is
    /// left over from a role, not a given name: "Komodo Ceppy Triono" (the airport, after
    /// "Kepala … Bandar Udara (UPBU)"), "Menbud Fadli Zon", "Evoluzione Alessandro Monzani",
    /// all called "Ceppy", "Fadli Zon", "Alessandro" later. Two words at least stay, and a
    /// given-name opener keeps the whole ("Gusti Ngurah Yudi Saputra" called "Yudi").
    fn without_leftover_prefix(&self, text: &'t str, id: usize, mention: &[&str]) -> &'t str {
        let (name, (start, end)) = (&self.names[id], self.spans[id]);
        let whole = &text[start..end];
        match mention
            .first()
            .and_then(|first| name.iter().position(|w| w == first))
        {
            Some(at) if !self.institutional[id] => self.trimmed_to_word(whole, name, at),
            _ => whole,
        }
    }

    /// A mention that is itself the fullest name, shortened the same way when the article
    /// calls the person by a name that starts at one of its later words, the latest such
    /// ("… Kepala Pos Pengamatan Gunung Raung Burhan Althea", then "Burhan"; "Kajari
    /// Lhoksukon Teuku Rahmatsyah", then "Teuku Rahmatsyah"). A relative stays whole
    /// ("Istri Hanung Bramantyo" is his wife).
    fn without_leftover_in_mention(&self, mention: &'t str, words: &[&str]) -> &'t str {
        if words.len() < 3 || self.is_institutional(mention) {
            return mention;
        }
        let later = (1..words.len() - 1).rev().find(|&k| {
            self.by_word.get(words[k]).is_some_and(|ids| {
                ids.iter()
                    .any(|&id| self.names[id][0] == words[k] && self.names[id].len() < words.len())
            })
        });
        later.map_or(mention, |at| self.trimmed_to_word(mention, words, at))
    }

    /// `whole` (whose words are `name`) from its word `at`, when the words before it are no
    /// given-name opener and two words at least are left, not counting a generational
    /// suffix ("Biden Jr" is not left of "Joseph R. Biden Jr."); `whole` otherwise.
    fn trimmed_to_word(&self, whole: &'t str, name: &[&str], at: usize) -> &'t str {
        let suffixes = name
            .iter()
            .rev()
            .take_while(|w| crate::wordset::contains_lowercased(self.name_suffixes, w))
            .count();
        let leftover = at >= 1
            && name.len() >= 3
            && name.len() - at >= 2 + suffixes
            && name[..at].iter().all(|w| {
                !crate::wordset::contains_lowercased(self.name_prefixes, w)
                    && !crate::wordset::contains_lowercased(self.kin_nouns, w)
            });
        if !leftover {
            return whole;
        }
        // The text after the words before `at`.
        let mut rest = whole;
        for word in &name[..at] {
            rest = rest
                .find(word)
                .map_or(rest, |i| &rest[i + word.len()..])
                .trim_start_matches(|c: char| !c.is_alphanumeric());
        }
        if rest.split_whitespace().count() >= 2 {
            rest
        } else {
            whole
        }
    }

    /// Whether a longer name that holds the mention's words is about someone or something
    /// else: a relative ("Istri Hanung Bramantyo" is not Hanung Bramantyo) or a channel or
    /// product with a word in capitals ("YouTube Maia ALELDUL TV" is not Maia Estianty).
    fn is_someone_else(
        &self,
        name: &[&str],
        mention: &[&str],
        mention_institutional: bool,
    ) -> bool {
        let kin = name.first().is_some_and(|first| {
            mention.first() != Some(first)
                && crate::wordset::contains_lowercased(self.kin_nouns, first)
        });
        let capitals = !mention_institutional
            && name
                .iter()
                .any(|word| is_model_code(word) && !mention.contains(word));
        kin || capitals
    }

    /// Whether a name holds an organisation word ("Indonesia-Poland Business Forum"): an
    /// institution's name, no person's.
    pub fn is_institutional(&self, name: &str) -> bool {
        name.split_whitespace()
            .any(|word| self.is_organisation_word(word))
    }

    /// The fullest name in the article containing all of the mention's words in order;
    /// the mention itself when there is none longer.
    #[cfg(test)]
    pub fn fullest(&self, text: &'t str, mention: &'t str) -> &'t str {
        self.fullest_with_role(text, mention).0
    }

    /// The fullest name, and the role the article gives it next to any of its mentions.
    /// A possessive mention ("Axelrod's" of "according to Axelrod's memoir") is its owner's.
    pub fn fullest_with_role(&self, text: &'t str, mention: &'t str) -> FullestName<'t> {
        self.fullest_as(text, mention, None)
    }

    /// [`NameIndex::fullest_with_role`] for a mention after an honorific: "Mr. Obama" is not
    /// "Michelle Obama", and "Mrs. Clinton" is Hillary, not Bill, where the article names
    /// both.
    pub fn fullest_as(
        &self,
        text: &'t str,
        mention: &'t str,
        honorific: Option<Honorific>,
    ) -> FullestName<'t> {
        if let Some(&known) = self.fullest.borrow().get(&(mention, honorific)) {
            return known;
        }
        let found = self.find_fullest_with_role(text, mention, honorific);
        self.fullest
            .borrow_mut()
            .insert((mention, honorific), found);
        found
    }

    /// Whether a name's given name is one of the other gender than `honorific` says.
    fn given_name_says_otherwise(&self, name: &[&str], honorific: Option<Honorific>) -> bool {
        let other = match honorific {
            Some(Honorific::Mr) => self.female_given_names,
            Some(Honorific::Ms) => self.male_given_names,
            None => return false,
        };
        name.first()
            .is_some_and(|given| crate::wordset::contains_lowercased(other, given))
    }

    fn find_fullest_with_role(
        &self,
        text: &'t str,
        mention: &'t str,
        honorific: Option<Honorific>,
    ) -> FullestName<'t> {
        let mention = without_possessive(mention);
        let words: Vec<&str> = mention
            .split(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .collect();
        let Some(last) = words.last() else {
            return (mention, None);
        };
        let mut best: Option<usize> = None;
        let mention_institutional = self.is_institutional(mention);
        for &id in self.by_word.get(last).map(Vec::as_slice).unwrap_or(&[]) {
            let name = &self.names[id];
            // "MotoGPMarquez": words a scraper glued together are no one's fuller name.
            let (start, end) = self.spans[id];
            let glued = is_glued(&text[start..end]);
            if name.len() > 5
                || !contains_in_order(name, &words)
                || (self.institutional[id] && !mention_institutional)
                || (glued && name.len() > words.len())
                || self.is_someone_else(name, &words, mention_institutional)
                || self.given_name_says_otherwise(name, honorific)
            {
                continue;
            }
            // The longest; of equals, the one named on its own first.
            let rank = |id: usize| {
                (
                    self.names[id].len(),
                    std::cmp::Reverse(self.first_plain[id]),
                )
            };
            if best.is_none_or(|b| rank(b) < rank(id)) {
                best = Some(id);
            }
        }
        let name = match best {
            // Longer, or the same length with a hyphenated surname ("Alexander-Arnold" for
            // "Arnold").
            Some(id)
                if self.names[id].len() > words.len() || self.names[id].last() != words.last() =>
            {
                self.without_leftover_prefix(text, id, &words)
            }
            _ => self.without_leftover_in_mention(mention, &words),
        };
        let name_words: Vec<&str> = name
            .split(|c: char| c.is_whitespace() || c == '.')
            .filter(|w| !w.is_empty())
            .collect();
        let role = self
            .by_word
            .get(name_words.last().unwrap_or(&""))
            .into_iter()
            .flatten()
            .find_map(|&id| {
                (self.names[id] == name_words)
                    .then_some(self.roles[id])
                    .flatten()
                    .map(|(a, b)| &text[a..b])
            });
        (name, role)
    }
}

/// The word or name without an English possessive ending: "Axelrod’s" → "Axelrod".
pub fn without_possessive(name: &str) -> &str {
    ["'s", "’s"]
        .iter()
        .find_map(|s| name.strip_suffix(s))
        .filter(|rest| !rest.is_empty())
        .unwrap_or(name)
}

/// The parts of a hyphenated surname ("Alexander" and "Arnold" of "Alexander-Arnold"), when
/// every part is capitalised ("Trump-led" has none); none for a word without a hyphen.
fn name_parts(word: &str) -> impl Iterator<Item = &str> {
    // The first byte first: most words are lower case, and then no search for a hyphen.
    let surname = word.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && word.contains('-')
        && word
            .split('-')
            .all(|part| part.len() > 1 && part.starts_with(char::is_uppercase));
    surname.then(|| word.split('-')).into_iter().flatten()
}

fn contains_in_order(name: &[&str], words: &[&str]) -> bool {
    let mut at = 0;
    let last = name.len().saturating_sub(1);
    for word in words {
        // A mention's word may be a part of the name's hyphenated surname ("Arnold").
        let fits = |(i, n): (usize, &&str)| {
            n == word || at + i == last && name_parts(n).any(|part| part == *word)
        };
        match name[at..].iter().enumerate().position(fits) {
            Some(p) => at += p + 1,
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn core_of(text: &str) -> String {
        let tokens = tokenize(text);
        let run = run_forward(text, &tokens, 0).expect("a run");
        run_text(text, &tokens, core(text, &tokens, run, Lexicon::get())).to_string()
    }

    #[test]
    fn titles_roles_and_organisations_are_dropped() {
        assert_eq!(core_of("Presiden Vladimir Putin"), "Vladimir Putin");
        assert_eq!(
            core_of("Prof Dr Maria S.W. Sumardjono"),
            "Maria S.W. Sumardjono"
        );
        assert_eq!(core_of("AKBP Moch Faruk Rozi"), "Moch Faruk Rozi");
        assert_eq!(core_of("Komisi X DPR My Esti"), "My Esti");
        assert_eq!(core_of("KBRI"), "KBRI");
        // A unit and an organisation between the title and the person.
        assert_eq!(
            core_of("Direktur Pengembangan BEI Jeffrey Hendrik"),
            "Jeffrey Hendrik"
        );
        assert_eq!(
            core_of("Manager Public Relations KAI Anne Purba"),
            "Anne Purba"
        );
        assert_eq!(
            core_of("Kepala Badan Kebijakan Fiskal Kemenkeu Febrio Kacaribu"),
            "Febrio Kacaribu"
        );
        assert_eq!(core_of("Gubernur Banten Andra Soni"), "Andra Soni");
        assert_eq!(
            core_of("Fiskal Kemenkeu Febrio Nathan Kacaribu"),
            "Febrio Nathan Kacaribu"
        );
        assert_eq!(core_of("Pemprov DKI Jakarta"), "Pemprov DKI Jakarta");
        assert_eq!(
            core_of("Ketua Tim Kampanye Hutan Greenpeace Indonesia Arie Rompas"),
            "Arie Rompas"
        );
        assert_eq!(core_of("Menurut Budi Santoso"), "Budi Santoso");
        assert_eq!(
            core_of("Direktur Utama Perseroan Ruddy Tjanaka"),
            "Ruddy Tjanaka"
        );
        assert_eq!(
            core_of("Kedutaan Besar Republik Indonesia"),
            "Kedutaan Besar Republik Indonesia"
        );
        assert_eq!(core_of("Muhammad bin Salman"), "Muhammad bin Salman");
    }

    #[test]
    fn glued_words_are_not_inner_capitals() {
        assert!(is_glued("MotoGPMarquez"));
        assert!(is_glued("PrabowoSubianto"));
        assert!(!is_glued("John McCain"));
        assert!(!is_glued("Ron DeSantis"));
        assert!(!is_glued("Maria S.W. Sumardjono"));
    }

    #[test]
    fn fullest_form_of_a_mention() {
        let text = "Presiden Rusia Vladimir Putin bertemu Kim. Putin tersenyum. Prof Maria S.W. Sumardjono hadir.";
        let tokens = tokenize(text);
        let wanted = ["Putin", "Maria", "Kim"].into_iter().collect();
        let index = NameIndex::build(text, &tokens, Lexicon::get(), &wanted, &[]);
        assert_eq!(index.fullest(text, "Putin"), "Vladimir Putin");
        assert_eq!(index.fullest(text, "Maria"), "Maria S.W. Sumardjono");
        assert_eq!(index.fullest(text, "Kim"), "Kim");
    }

    #[test]
    fn a_generational_suffix_is_no_leftover_name() {
        let text = "Vice President Joseph R. Biden Jr. visited Israel. Mr. Biden spoke. \
                    C. Stewart Verdery Jr. agreed. Mr. Verdery left.";
        let tokens = tokenize(text);
        let wanted = ["Biden", "Verdery"].into_iter().collect();
        let index = NameIndex::build(text, &tokens, Lexicon::get(), &wanted, &[]);
        assert_eq!(index.fullest(text, "Biden"), "Joseph R. Biden Jr");
        assert_eq!(
            index.fullest(text, "C. Stewart Verdery Jr"),
            "C. Stewart Verdery Jr"
        );
    }
}
