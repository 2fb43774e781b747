//! Who said it: the speech cue next to a quotation ("kata", "ujarnya", "mengatakan",
//! "said", "according to") and the mention that carries the attribution — a name, a
//! pronoun or "-nya", or a description ("peneliti tersebut").

use super::lexicon::{self, CueForm, Lexicon, Section, WordSet};
use super::names::{self, Run};
use super::tokens::{Kind, Token};

/// What kind of words carry an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    Name,
    /// "ia", "dia", "he", or the "nya" of "ujarnya": resolved to an earlier speaker.
    Pronoun,
    /// A description without a name ("peneliti tersebut", "the spokesman").
    Description,
    /// An English relative pronoun standing for the phrase before its comma: "who" in
    /// "Loretta Lynch, who told Congress", "which" in "the website for the initiative, which
    /// carries …". `antecedent` is that phrase (byte offsets); `named` says it is a name, to
    /// be given in full, rather than a description.
    Relative {
        antecedent: (usize, usize),
        named: bool,
    },
}

/// The words that attribute a quotation; byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub kind: MentionKind,
    /// The role the text gives next to the name ("Presiden", "juru bicara Kremlin").
    pub role: Option<(usize, usize)>,
}

/// A cue and its mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribution {
    pub cue_start: usize,
    pub cue_end: usize,
    pub mention: Mention,
}

impl Attribution {
    /// A sentence's subject taken for the speaker without a cue word of its own: the cue is
    /// the empty span where the mention starts.
    pub fn of_subject(mention: Mention) -> Attribution {
        Attribution {
            cue_start: mention.start,
            cue_end: mention.start,
            mention,
        }
    }
}

/// Words after which an English cue word is a noun ("a statement", "his tweet").
pub(crate) const NOUN_DETERMINERS: &[&str] = &[
    "a", "an", "the", "his", "her", "their", "its", "our", "my", "your",
];

/// How far back a subject is looked for: far enough for long Indonesian role phrases,
/// bounded so that analysis stays linear on text without sentence ends.
const MAX_CLAUSE_TOKENS: usize = 80;

/// Reusable lower-casing buffer and shared inputs.
pub struct Context<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub lexicon: &'a Lexicon,
    lower: String,
    /// The whole text in lower case, when lower-casing keeps every byte offset (almost all
    /// text): then a token's lower-case form is a slice, not a copy.
    lowered: Option<String>,
    /// Each token's lexicon sections, looked up once ([`UNKNOWN`] until then).
    sections: Vec<u32>,
    /// The article is in English: English-only patterns apply.
    pub english: bool,
}

const UNKNOWN: u32 = u32::MAX;

/// `text` in lower case if that changes no character's UTF-8 length.
fn lowered(text: &str) -> Option<String> {
    // Every ASCII letter at once, then only the characters beyond ASCII one by one.
    let mut out = text.as_bytes().to_vec();
    out.make_ascii_lowercase();
    if !text.is_ascii() {
        for (at, &byte) in text.as_bytes().iter().enumerate() {
            // A UTF-8 lead byte starts each character beyond ASCII.
            if byte < 0xC0 {
                continue;
            }
            let c = text[at..].chars().next()?;
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => {
                    if l != c {
                        l.encode_utf8(&mut out[at..at + c.len_utf8()]);
                    }
                }
                _ => return None,
            }
        }
    }
    String::from_utf8(out).ok()
}

impl<'a> Context<'a> {
    pub fn new(text: &'a str, tokens: &'a [Token], lexicon: &'a Lexicon) -> Self {
        Context {
            text,
            tokens,
            lexicon,
            lower: String::new(),
            lowered: lowered(text),
            sections: vec![UNKNOWN; tokens.len()],
            english: false,
        }
    }

    /// The lower-case form of token `i` (valid until the next call).
    pub fn lower(&mut self, i: usize) -> &str {
        let token = &self.tokens[i];
        match &self.lowered {
            Some(lowered) => &lowered[token.start..token.end],
            None => {
                crate::text::lowercase_into(&mut self.lower, &self.text[token.start..token.end]);
                &self.lower
            }
        }
    }

    fn char_at(&self, i: usize) -> char {
        self.text[self.tokens[i].start..]
            .chars()
            .next()
            .unwrap_or(' ')
    }

    /// Whether token `i` is one of these punctuation marks; past the last token it is not
    /// (rules look one or two tokens ahead of a word that may end the text).
    pub fn is_punct(&self, i: usize, set: &[char]) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Punct) && set.contains(&self.char_at(i))
    }

    /// Whether a clause starts at token `i`: at `floor`, or after a comma, a quotation mark
    /// or a line break.
    fn clause_starts_at(&self, i: usize, floor: usize) -> bool {
        i <= floor
            || self.is_punct(i - 1, &[','])
            || self.is_quote_mark(i - 1)
            || self.tokens[i - 1].kind == Kind::Break
    }

    pub fn is_quote_mark(&self, i: usize) -> bool {
        self.is_punct(i, &['"', '“', '”', '„', '«', '»'])
    }

    /// A period, "!" or "?" that ends a sentence (not the period of "Dr." or an initial).
    fn is_stop(&mut self, i: usize) -> bool {
        if !self.is_punct(i, &['.', '!', '?', '…', ';']) {
            return false;
        }
        if self.char_at(i) != '.'
            || i == 0
            || self.tokens[i - 1].kind != Kind::Word
            || self.tokens[i].space_before
        {
            return true;
        }
        // "R-Ky., said": a period before a comma abbreviates.
        if i + 1 < self.tokens.len()
            && !self.tokens[i + 1].space_before
            && self.is_punct(i + 1, &[',', ')'])
        {
            return false;
        }
        let prev = self.lower(i - 1).to_string();
        !(prev.chars().count() == 1 || self.lexicon.abbreviations.contains(prev.as_str()))
    }

    fn speech_cue(&mut self, i: usize) -> Option<CueForm> {
        if self.tokens[i].kind != Kind::Word {
            return None;
        }
        // A capitalised cue word inside a sentence is a name ("the United States").
        if self.tokens[i].is_capitalised(self.text)
            && i > 0
            && !(self.tokens[i - 1].kind == Kind::Break
                || self.is_quote_mark(i - 1)
                || self.is_punct(i - 1, &['.', ':', '?', '!', ',', '(']))
        {
            return None;
        }
        // "in a statement", "his claims", "the tweet": after a determiner a cue word is a noun.
        if self.english
            && i > 0
            && self.tokens[i - 1].kind == Kind::Word
            && NOUN_DETERMINERS.contains(&self.lower(i - 1))
        {
            return None;
        }
        // "Mr. Obama's remarks", "Trump's statement": after a possessive, too; whoever
        // quotes the remarks is found by the verb before them.
        if self.english
            && i > 0
            && self.tokens[i - 1].kind == Kind::Word
            && is_possessive(self.lower(i - 1))
        {
            return None;
        }
        let lexicon = self.lexicon;
        let lower = self.lower(i);
        lexicon.speech_cue(lower)
    }

    fn is_source_cue(&mut self, i: usize) -> bool {
        if self.tokens[i].kind != Kind::Word {
            return false;
        }
        let lexicon = self.lexicon;
        let lower = self.lower(i);
        lexicon.source_cues.contains(lower)
            || lower
                .strip_suffix("nya")
                .is_some_and(|s| lexicon.source_cues.contains(s))
    }

    /// Whether word `i` is in a lexicon section (a [`Section`] bit).
    pub fn in_set(&mut self, i: usize, section: u32) -> bool {
        if self.tokens.get(i).is_none_or(|t| t.kind != Kind::Word) {
            return false;
        }
        if self.sections[i] == UNKNOWN {
            let lexicon = self.lexicon;
            let found = lexicon.sections_of(self.lower(i));
            self.sections[i] = found;
        }
        self.sections[i] & section != 0
    }

    fn name_mention(&self, run: Run) -> Mention {
        let core = names::core(self.text, self.tokens, run, self.lexicon);
        let role_start = names::after_lead_in(self.text, self.tokens, run.0, core.0, self.lexicon);
        let role = (core.0 > role_start)
            .then(|| (self.tokens[role_start].start, self.tokens[core.0 - 1].end));
        Mention {
            start: self.tokens[core.0].start,
            end: self.tokens[core.1 - 1].end,
            kind: MentionKind::Name,
            role,
        }
    }

    fn token_mention(&self, i: usize, kind: MentionKind) -> Mention {
        Mention {
            start: self.tokens[i].start,
            end: self.tokens[i].end,
            kind,
            role: None,
        }
    }

    /// The "nya" at the end of a cue word.
    fn nya_mention(&self, i: usize) -> Mention {
        let end = self.tokens[i].end;
        Mention {
            start: end - 3,
            end,
            kind: MentionKind::Pronoun,
            role: None,
        }
    }

    fn attribution(&self, cue: usize, mention: Mention) -> Attribution {
        Attribution {
            cue_start: self.tokens[cue].start,
            cue_end: self.tokens[cue].end,
            mention,
        }
    }

    /// A speech cue glued after a name by a scraper ("Trumpmenyerukan"): the cue's offset
    /// within the word.
    fn glued_cue(&mut self, i: usize) -> Option<usize> {
        let token = self.tokens[i];
        // A name opens the word: "mischaracterized" and "reassured" are no glued cues.
        if token.kind != Kind::Word
            || token.end - token.start < 9
            || !token.is_capitalised(self.text)
        {
            return None;
        }
        let lexicon = self.lexicon;
        let lower = self.lower(i).to_string();
        let word = token.text(self.text);
        if lower.len() != word.len() {
            return None;
        }
        // Lower-casing can keep the length and still move char boundaries ("Ⱥ" takes two
        // bytes and "ⱥ" three, "꟝" three and "ƛ" two): `at` must be a boundary in both.
        (2..lower.len().saturating_sub(6)).find(|&at| {
            let Some(rest) = lower.get(at..) else {
                return false;
            };
            word.get(at..)
                .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()))
                && (lexicon.indirect_cues.contains(rest) || lexicon.speech_cues.contains(rest))
                && rest.len() >= 7
        })
    }
}

/// The attribution after a quotation that ends before token `after`:
/// `"…," kata X`, `"…," ujarnya`, `"…," X said`, `"…," said X, the …`.
///
/// A quotation that ends its sentence with a period takes only an inverted cue after it:
/// in `"… abadi." Televisi Rusia mengatakan …` the next sentence is about something else.
pub fn after(cx: &mut Context<'_>, after: usize, ended_sentence: bool) -> Option<Attribution> {
    let tokens = cx.tokens;
    let mut j = after;
    let mut dash = None;
    while j < tokens.len() && cx.is_punct(j, &[',', '-', '—', '–', '―', ':']) {
        if !cx.is_punct(j, &[',', ':']) {
            dash = Some(j);
        }
        j += 1;
    }
    // `"…" ― Pamela Padilla`: a dash and a name sign a quotation.
    if let Some(dash) = dash
        && let Some(run) = names::run_forward(cx.text, tokens, j)
    {
        return Some(cx.attribution(dash, cx.name_mention(run)));
    }
    // A signature on the next line: `"…"` ⏎ `- Hillary Clinton`.
    if dash.is_none() && j < tokens.len() && tokens[j].kind == Kind::Break {
        let mut line = j;
        while line < tokens.len() && tokens[line].kind == Kind::Break && line - j < 3 {
            line += 1;
        }
        if line < tokens.len()
            && cx.is_punct(line, &['-', '—', '–', '―'])
            && let Some(run) = names::run_forward(cx.text, tokens, line + 1)
        {
            let signs = tokens
                .get(run.1)
                .is_none_or(|t| t.kind == Kind::Break || cx.is_punct(run.1, &[',', '.']));
            if signs {
                return Some(cx.attribution(line, cx.name_mention(run)));
            }
        }
    }
    // `"…," when Clinton blasted him`: a subordinate clause after the quotation is its
    // setting, not its attribution ("as Trump said" is one, so "as" is not here); an
    // attribution may follow the clause's comma (`"…" if she didn't win, said X`).
    if cx.english && j < tokens.len() && tokens[j].kind == Kind::Word && opens_setting(cx.lower(j))
    {
        let comma = (j..tokens.len().min(j + 16))
            .take_while(|&k| tokens[k].kind != Kind::Break && !cx.is_punct(k, &['.', '!', '?']))
            .find(|&k| cx.is_punct(k, &[',']))?;
        j = comma + 1;
    }
    // `"…," Scott Pruitt, the attorney general of Oklahoma, said`: the apposition widens the window.
    // So does a description: `"…," the presumptive GOP presidential nominee, Donald Trump, tweeted`.
    // "Rep. Jim Jordan (R-Ohio), an oversight panel member, said": the party and state in
    // parentheses before the comma still make an apposition.
    let apposed_name =
        names::run_forward(cx.text, tokens, j).is_some_and(|r| comma_after_name(cx, r.1));
    let window = if apposed_name {
        // A long apposition ("Malkia Cyril, the executive director at the Center of Media
        // Justice and also featured in the film, told …").
        24
    } else if cx.english && !ended_sentence
        || (cx.english
            && j < tokens.len()
            && tokens[j].kind == Kind::Word
            && cx.lexicon.determiners.contains(cx.lower(j)))
    {
        16
    } else {
        7
    };
    let mut words = 0;
    let mut k = j;
    let mut in_parens = false;
    while k < tokens.len() && words < window {
        // "Rep. John Mica (R-Fla.) said": nothing in parentheses ends the attribution.
        if cx.is_punct(k, &['(']) {
            in_parens = true;
        } else if cx.is_punct(k, &[')']) {
            in_parens = false;
        } else if in_parens && tokens[k].kind != Kind::Break {
            k += 1;
            continue;
        }
        if tokens[k].kind == Kind::Break || cx.is_quote_mark(k) || cx.is_stop(k) {
            // `"…," Toomey fumed on Tuesday.`: the sentence ends, an unlisted verb may be in it.
            break;
        }
        if cx.english && is_passive_address(cx, k) {
            // "… Tuesday, hours after the staffer was charged": a passive is no one's words.
            k += 1;
            continue;
        }
        if let Some(form) = cx.speech_cue(k) {
            // `"…," demikian dikutip dari situs resmi Pemkot Dumai`: "demikian" (thus) comes
            // before the cue that names the source.
            if !cx.english
                && matches!(cx.lower(k), "demikian" | "begitu" | "seperti")
                && k + 1 < cx.tokens.len()
                && cx.tokens[k + 1].kind == Kind::Word
                && is_quoted_from(cx, k + 1)
            {
                k += 1;
                continue;
            }
            // "menurut" and "according" name their source after them, even here; so does
            // `"…," dikutip dari akun Instagram @dishubdkijakarta`.
            let is_source = cx.is_source_cue(k) || is_quoted_from(cx, k);
            // `"…," saying the city …`, `"…," telling reporters`: an English participle's
            // speaker is its clause's subject, before the quotation, never the words after.
            if k == j && !is_source && cx.english && is_participle(cx.lower(k)) {
                return None;
            }
            if k == j || is_source {
                let mention = match form {
                    CueForm::WithNya => cx.nya_mention(k),
                    // `"…," according to Reuters`: the source after the "to" (a speech verb's
                    // "to" is where it goes: `"…" compared to what …`).
                    CueForm::Plain => {
                        let from = if is_source { skip_to(cx, k + 1) } else { k + 1 };
                        phrase_after(cx, from)?
                    }
                };
                // `"…," denounced her record`: a verb's object, not an inverted speaker
                // ("said his spokesman" is one: a title heads it).
                if cx.english
                    && !is_source
                    && mention.kind == MentionKind::Description
                    && owned_thing(cx, mention)
                {
                    return None;
                }
                return Some(cx.attribution(k, mention));
            }
            // `"…" in the 2008 primary, said Paul Beck`: an inverted cue after a comma. Not
            // after a name with its apposition (`"…," Ramos, 58, told AFP`: Ramos spoke), and
            // "told" is never inverted: who follows it was told.
            if cx.english
                && cx.is_punct(k - 1, &[','])
                && !ended_sentence
                && !apposed_name
                && !is_telling(cx.lower(k))
                && let Some(mention) = phrase_after(cx, k + 1)
                    .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Pronoun))
            {
                return Some(cx.attribution(k, mention));
            }
            // Subject first: `"…," Smith said`, `"…," the senator said`, `"…," dia menambahkan`.
            // After a quotation that ended its sentence, only a sentence that is nothing but
            // the attribution (`"… missing." Trump said.`) belongs to it; `"…." Trump said
            // the plan …` says something new.
            let bare_attribution = tokens
                .get(k + 1)
                .is_none_or(|t| t.kind == Kind::Break || cx.is_punct(k + 1, &['.']));
            if ended_sentence && !bare_attribution {
                return None;
            }
            return subject_between(cx, j, k).map(|mention| cx.attribution(k, mention));
        }
        if tokens[k].kind == Kind::Word {
            words += 1;
        }
        k += 1;
    }
    if ended_sentence {
        return None;
    }
    // `"…," Toomey fumed`: a name or pronoun and then a past-tense verb the lexicon does not
    // list. English only (an "-ed" word after a name says little in Indonesian).
    if j >= tokens.len() {
        return None;
    }
    let verb = names::run_forward(cx.text, tokens, j)
        .map(|r| r.1)
        .or_else(|| cx.in_set(j, Section::PRONOUNS).then_some(j + 1))?;
    let is_english_verb = tokens
        .get(verb)
        .is_some_and(|t| t.kind == Kind::Word && !t.is_capitalised(cx.text))
        && {
            let lower = cx.lower(verb);
            lower.len() > 4 && lower.ends_with("ed") && lower.is_ascii()
        };
    let then_ends = tokens
        .get(verb + 1)
        .is_none_or(|t| t.kind != Kind::Word || !t.is_capitalised(cx.text));
    if !(is_english_verb && then_ends && cx.english) {
        return None;
    }
    subject_between(cx, j, verb).map(|mention| cx.attribution(verb, mention))
}

/// The attribution before a quotation whose opening mark is token `open`, looking back no
/// further than token `floor`: `X mengatakan, "…"`, `Menurut X, "…"`, `kata X, "…"`,
/// `X said: "…"`, and partial quotations (`Dia menyebut Musk telah "keluar jalur"`).
pub fn before(cx: &mut Context<'_>, open: usize, floor: usize) -> Option<Attribution> {
    let tokens = cx.tokens;
    // `Carl Bialik: "…"`, `Trump boomed: "…"`: a colon frame.
    if open >= 2 && open > floor + 1 && cx.is_punct(open - 1, &[':']) {
        // The name opens its clause ("He said of Congress: "…"" is He's, not Congress's).
        let opens_clause = |cx: &mut Context<'_>, run: Run| {
            // "Former secretary of state Hillary Clinton:": a role before the name.
            let mut start = run.0;
            while start > floor
                && tokens[start - 1].kind == Kind::Word
                && (cx.in_set(start - 1, Section::TITLES)
                    || matches!(cx.lower(start - 1), "of" | "the"))
            {
                start -= 1;
            }
            let run = (start, run.1);
            run.0 <= floor
                || tokens[run.0 - 1].kind == Kind::Break
                || cx.is_quote_mark(run.0 - 1)
                || cx.is_punct(
                    run.0 - 1,
                    &[',', ';', '—', '–', '-', '(', ')', '.', '!', '?'],
                )
        };
        if let Some(run) = names::run_backward(cx.text, tokens, open - 2)
            .filter(|&run| !cx.english || opens_clause(cx, run))
        {
            return Some(Attribution {
                cue_start: tokens[open - 1].start,
                cue_end: tokens[open - 1].end,
                mention: cx.name_mention(run),
            });
        }
        // "He told the BBC interviewer: "…"": the cue before the one spoken to is the
        // frame's, found below.
        let earlier_cue = (open.saturating_sub(12).max(floor)..open - 2)
            .any(|i| tokens[i].kind == Kind::Word && cx.speech_cue(i).is_some());
        if tokens[open - 2].kind == Kind::Word
            && !tokens[open - 2].is_capitalised(cx.text)
            && cx.speech_cue(open - 2).is_none()
            && !earlier_cue
            && !puts_it(cx, open - 2)
            && let Some(mention) = subject_before(cx, open - 2, floor)
        {
            return Some(cx.attribution(open - 2, mention));
        }
    }
    let mut k = open;
    let mut seen = 0;
    while k > floor && seen < 40 {
        k -= 1;
        seen += 1;
        if tokens[k].kind == Kind::Break {
            // A frame ending the previous paragraph with ":" or "," introduces this one.
            if k > 0 && k + 1 == open && cx.is_punct(k - 1, &[':', ',']) {
                continue;
            }
            return None;
        }
        if cx.is_stop(k) {
            return None;
        }
        if cx.is_quote_mark(k) {
            // An earlier fragment of the same sentence: `X called it "a" and "b"`.
            continue;
        }
        if cx.is_source_cue(k) {
            let lexicon = cx.lexicon;
            let nya = cx.lower(k).ends_with("nya") && !lexicon.source_cues.contains(cx.lower(k));
            let mention = if nya {
                cx.nya_mention(k)
            } else {
                let from = skip_to(cx, k + 1);
                phrase_after(cx, from)?
            };
            return Some(cx.attribution(k, mention));
        }
        if let Some(form) = cx.speech_cue(k) {
            if form == CueForm::WithNya {
                return Some(cx.attribution(k, cx.nya_mention(k)));
            }
            // "his salespersons were told, "…"": a passive's subject was spoken to.
            if cx.english && is_passive_address(cx, k) {
                continue;
            }
            // `kata X, "…"`: a name right after an inverted cue is the speaker (not after a
            // verb: "Dia menyebut Musk telah "…"" is Dia's).
            // English inverts after a quotation or a comma: `"…," said Raffaello Pantucci,
            // director of …, "but …"`.
            let inverted = cx.in_set(k, Section::INVERTED_CUES)
                || (cx.english && k > 0 && cx.is_quote_mark(k - 1) && !is_telling(cx.lower(k)));
            if inverted
                && tokens.get(k + 1).is_some_and(|t| t.is_capitalised(cx.text))
                && let Some(mention) =
                    phrase_after(cx, k + 1).filter(|m| m.end <= tokens[open].start)
            {
                return Some(cx.attribution(k, mention));
            }
            // `He then asked the crowd, "…"`: a subject right before the verb is the speaker,
            // and the words after it are who was addressed.
            let subject_first = cx.english && {
                let mut j = k;
                while j > floor && cx.in_set(j - 1, Section::SKIP_BEFORE_CUE) {
                    j -= 1;
                }
                j > floor
                    && (cx.in_set(j - 1, Section::PRONOUNS)
                        || (tokens[j - 1].is_capitalised(cx.text)
                            && names::run_backward(cx.text, tokens, j - 1).is_some()))
            };
            // "before asking her, "…"": who is asked or told is not the speaker.
            let addresses = cx.english && {
                let lower = cx.lower(k);
                is_telling(lower) || matches!(lower, "asking" | "asked" | "asks" | "ask" | "tell")
            };
            // `said the Florida senator, "…"`: a speaker right before the mark.
            // Indonesian verbs that are not inverted ("menyatakan") have their speaker before
            // them: "meskipun menyatakan tidak berniat membunuhnya, "…"" is content.
            let speaker_may_follow = cx.english || cx.in_set(k, Section::INVERTED_CUES);
            if let Some(mention) = phrase_after(cx, k + 1).filter(|m| {
                speaker_may_follow && !subject_first && !addresses && !puts_it(cx, k + 1) && {
                    let between = &cx.text[m.end.min(tokens[open].start)..tokens[open].start];
                    // "shot back, "…"" is no speaker: a description needs its determiner.
                    let describes = m.kind != MentionKind::Description
                        || !cx.english
                        || cx.text[m.start..m.end]
                            .split_whitespace()
                            .next()
                            .is_some_and(|w| {
                                cx.lexicon.determiners.contains(w.to_lowercase().as_str())
                            });
                    describes
                        && m.end <= tokens[open].start
                        && between.contains([',', ':'])
                        && between
                            .chars()
                            .all(|c| c.is_whitespace() || matches!(c, ',' | ':'))
                }
            }) {
                return Some(cx.attribution(k, mention));
            }
            return subject_before(cx, k, floor).map(|mention| cx.attribution(k, mention));
        }
        if let Some(at) = cx.glued_cue(k) {
            let token = tokens[k];
            let run = names::run_backward(cx.text, tokens, k).unwrap_or((k, k + 1));
            let (cue_start, cue_end) = (token.start + at, token.end);
            if let Some(skipped) = skip_reporting_credit(cx, run.0, floor)
                && let Some(mention) = subject_before(cx, skipped, floor)
            {
                return Some(Attribution {
                    cue_start,
                    cue_end,
                    mention,
                });
            }
            let start = tokens[run.0].start.min(token.start);
            let mention = Mention {
                start,
                end: cue_start,
                kind: MentionKind::Name,
                role: None,
            };
            return Some(Attribution {
                cue_start,
                cue_end,
                mention,
            });
        }
    }
    None
}

/// An English "-ly" adverb between a subject and its verb ("Priebus fairly scolded",
/// "Trump angrily denied"), beyond the listed ones; not a noun like "family" or "ally".
fn is_manner_adverb(cx: &mut Context<'_>, i: usize) -> bool {
    cx.english && cx.tokens[i].kind == Kind::Word && !cx.tokens[i].is_capitalised(cx.text) && {
        let lower = cx.lower(i);
        lower.len() >= 6
            && lower.ends_with("ly")
            && !matches!(
                lower,
                "family" | "assembly" | "supply" | "monopoly" | "anomaly"
            )
    }
}

/// Whether token `i` is a determiner ("A", "His"; Indonesian "Seorang", "Sejumlah")
/// before a lower-case word: the start of a description. Before a capital it is not
/// ("A Government Accountability Office report" names its source).
fn opens_description(cx: &mut Context<'_>, i: usize) -> bool {
    let tokens = cx.tokens;
    tokens[i].kind == Kind::Word
        && tokens
            .get(i + 1)
            .is_some_and(|t| t.kind == Kind::Word && !t.is_capitalised(cx.text))
        && {
            let lexicon = cx.lexicon;
            lexicon.determiners.contains(cx.lower(i))
        }
}

/// The description a determiner at `start` opens: "A friend", "His campaign", "A federal
/// lawsuit", "the former secretary". Without a tagger, a word is taken past the first only
/// after one that reads as an adjective ("federal", "former"), so the verb stays out ("The
/// ad targets"); no function word, participle or cue is taken.
fn determined_description(cx: &mut Context<'_>, start: usize, end: usize) -> Option<Mention> {
    const ADJECTIVE_ENDINGS: &[&str] = &[
        "al", "ic", "ive", "ous", "ful", "ary", "ent", "ant", "ish", "ble", "ly", "ian", "ese",
        "ern", "mer",
    ];
    let tokens = cx.tokens;
    let mut last = start;
    while last + 1 < end && last < start + 3 {
        let next = last + 1;
        if tokens[next].kind != Kind::Word {
            break;
        }
        // "Former royal PR aides": an acronym modifies the noun after it.
        if tokens[next].is_capitalised(cx.text) {
            let word = tokens[next].text(cx.text);
            if !(names::is_acronym(word) && next + 1 < end) {
                break;
            }
            last = next;
            continue;
        }
        let lexicon = cx.lexicon;
        let lower = cx.lower(next);
        // Right after the determiner a cue word is a noun ("The statement", "A report").
        if lower.ends_with("ed")
            || lower.ends_with("ing")
            || crate::language::is_function_word(lower)
            // "The deal could …": a modal is the verb ("deal" only looks like an adjective);
            // the function words already hold "will", "would", "is", "has" and the like.
            || matches!(
                lower,
                "could" | "should" | "can" | "may" | "might" | "must" | "does" | "did"
            )
            || (next > start + 1 && lexicon.speech_cue(lower).is_some())
        {
            break;
        }
        let adjective = ADJECTIVE_ENDINGS
            .iter()
            .any(|ending| lower.ends_with(ending));
        last = next;
        if !adjective {
            break;
        }
    }
    (last > start).then(|| Mention {
        start: tokens[start].start,
        end: tokens[last].end,
        kind: MentionKind::Description,
        role: None,
    })
}

/// Whether token `i` is the "it" of "as Cornyn put it:", "as Milbank puts it,": the cue's
/// object, never its speaker.
fn puts_it(cx: &mut Context<'_>, i: usize) -> bool {
    i > 0
        && cx.tokens[i].kind == Kind::Word
        && cx.lower(i) == "it"
        && cx.speech_cue(i - 1).is_some()
}

/// Words a sentence-final attribution may carry after its cue ("he said in an interview on
/// Tuesday").
const MAX_WORDS_AFTER_TAIL_CUE: usize = 6;

/// An attribution closing the sentence after a quotation, past the window [`after`] looks
/// in: `Fundraising was "stagnant for a month" as donors waited, he said.`, `…, said Ban.`
/// English only. `from` is the token after the quotation, `end` the sentence's end
/// (exclusive); the attribution must follow the sentence's last comma, with nothing quoted
/// after it.
pub fn sentence_tail(cx: &mut Context<'_>, from: usize, end: usize) -> Option<Attribution> {
    let tokens = cx.tokens;
    if !cx.english || end <= from {
        return None;
    }
    let first = from.max(end.saturating_sub(MAX_CLAUSE_TOKENS));
    let comma = (first..end).rev().find(|&i| cx.is_punct(i, &[',']))?;
    if (comma..end).any(|i| cx.is_quote_mark(i) || tokens[i].kind == Kind::Break) {
        return None;
    }
    let cue = (comma + 1..end.min(comma + 6)).find(|&i| cx.speech_cue(i).is_some())?;
    let words_after = (cue + 1..end)
        .filter(|&i| tokens[i].kind == Kind::Word)
        .count();
    if words_after > MAX_WORDS_AFTER_TAIL_CUE || cx.is_source_cue(cue) {
        return None;
    }
    let mention = if cue == comma + 1 {
        phrase_after(cx, cue + 1)
            .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Pronoun))?
    } else {
        subject_between(cx, comma + 1, cue)?
    };
    Some(cx.attribution(cue, mention))
}

/// "Putin, seperti dilansir AP, menyatakan": when the name before a verb is a news agency
/// credited with "dilansir"/"dikutip", the token where the subject search should resume.
fn skip_reporting_credit(cx: &mut Context<'_>, run_start: usize, floor: usize) -> Option<usize> {
    let mut k = run_start;
    let mut skipped = false;
    while k > floor && k + 4 > run_start {
        let previous = k - 1;
        let word = if cx.tokens[previous].kind == Kind::Word {
            cx.lower(previous).to_string()
        } else {
            String::new()
        };
        if matches!(
            word.as_str(),
            "dilansir"
                | "dikutip"
                | "melansir"
                | "mengutip"
                | "dari"
                | "seperti"
                | "sebagaimana"
                | "via"
        ) {
            skipped |= matches!(
                word.as_str(),
                "dilansir" | "dikutip" | "melansir" | "mengutip"
            );
            k = previous;
        } else if cx.is_punct(previous, &[',']) && skipped {
            k = previous;
        } else {
            break;
        }
    }
    skipped.then_some(k)
}

/// The last speech cue of a sentence (`first..end` tokens) with its speaker, for a
/// quotation the sentence before introduces ("Putin tak membantah. "…"").
pub fn in_sentence(cx: &mut Context<'_>, first: usize, end: usize) -> Option<Attribution> {
    let first = first.max(end.saturating_sub(MAX_CLAUSE_TOKENS));
    let mut k = end;
    while k > first {
        k -= 1;
        if cx.is_quote_mark(k) {
            return None;
        }
        if let Some(form) = cx.speech_cue(k) {
            // "Russia and the Syrian government have been accused of …": whoever a passive's
            // subject is, it did not speak.
            if cx.english && is_passive_address(cx, k) {
                return None;
            }
            let mention = match form {
                CueForm::WithNya => Some(cx.nya_mention(k)),
                CueForm::Plain if !cx.in_set(k, Section::INVERTED_CUES) => {
                    subject_before(cx, k, first)
                }
                CueForm::Plain => phrase_after(cx, k + 1),
            };
            if let Some(mention) = mention {
                return Some(cx.attribution(k, mention));
            }
        }
    }
    None
}

/// The subject that opens a sentence: a pronoun or a name, after an adverbial ending with a
/// comma ("Kemudian, dia …", "Menurut data itu, Kim …").
pub(crate) fn opening_subject(cx: &mut Context<'_>, first: usize, end: usize) -> Option<Mention> {
    let tokens = cx.tokens;
    let first = after_dateline(cx, first, end);
    let mut start = first;
    let opens_with_lead_in = first < end && tokens[first].kind == Kind::Word && {
        let lower = cx.lower(first).to_string();
        cx.lexicon.is_opener(&lower)
    };
    // "Horrified at the prospect of Trump becoming president, Ramos …": an English
    // participle phrase before the subject, names and all.
    let opens_with_participle = cx.english
        && first < end
        && tokens[first].kind == Kind::Word
        && tokens[first].is_capitalised(cx.text)
        && {
            let lower = cx.lower(first);
            lower.len() > 4 && (lower.ends_with("ing") || lower.ends_with("ed"))
                // "Hastily politicizing the tragedy, Trump …": an adverb and its participle.
                || lower.len() > 4 && lower.ends_with("ly") && first + 1 < end && {
                    let next = cx.lower(first + 1);
                    next.len() > 4 && next.ends_with("ing")
                }
        };
    let opens_with_lead_in = opens_with_lead_in || opens_with_participle;
    // "In response to Donald Trump’s proposal to bar Muslims from entering the United
    // States, Hillary Clinton’s …": an English lead-in may be long.
    let lead_in_words = if opens_with_participle || (opens_with_lead_in && cx.english) {
        16
    } else if opens_with_lead_in {
        7
    } else {
        5
    };
    if let Some(comma) = (first..end.min(first + lead_in_words)).find(|&i| cx.is_punct(i, &[','])) {
        // "Priebus, who has been …, arrived": a relative clause follows the subject itself.
        let relative_follows = cx.english
            && tokens.get(comma + 1).is_some_and(|t| t.kind == Kind::Word)
            && matches!(cx.lower(comma + 1), "who" | "whose" | "which");
        // "Kemudian, dia …", and after a preposition also names: "In August, …", "On Monday, …".
        if !relative_follows
            && (first..comma).all(|i| {
                tokens[i].kind == Kind::Word && !tokens[i].is_capitalised(cx.text)
                    || i == first
                    || (opens_with_lead_in && tokens[i].kind != Kind::Break)
            })
        {
            start = comma + 1;
            // "On "Face the Nation," Sen. Bernie Sanders …": the comma inside a title's marks
            // (a closing mark, right after the comma; not an opening one after a space).
            if start < end && cx.is_quote_mark(start) && !tokens[start].space_before {
                start += 1;
            }
            // "Speaking in Salem, New Hampshire, Trump …": a place's state is still lead-in.
            if opens_with_lead_in
                && let Some(place) = names::run_forward(cx.text, tokens, start)
                && place.1 + 1 < end
                && cx.is_punct(place.1, &[','])
                && tokens[place.1 + 1].is_capitalised(cx.text)
            {
                start = place.1 + 1;
            }
        }
    }
    // "On Thursday, after remaining neutral throughout the primary process, Warren …": a
    // second English lead-in after the first.
    if cx.english
        && opens_with_lead_in
        && start > first
        && start < end
        && tokens[start].kind == Kind::Word
        && {
            let lower = cx.lower(start).to_string();
            cx.lexicon.is_opener(&lower)
                && !matches!(lower.as_str(), "who" | "which" | "whose" | "whom" | "that")
        }
        && let Some(comma) = (start..end.min(start + 16))
            .take_while(|&i| tokens[i].kind != Kind::Break && !cx.is_quote_mark(i))
            .find(|&i| cx.is_punct(i, &[',']))
    {
        start = comma + 1;
    }
    while start < end && cx.in_set(start, Section::SKIP_BEFORE_CUE) {
        start += 1;
    }
    // "Though she called …", "When Trump said …": the clause's subject after its conjunction.
    if start + 1 < end
        && start == first
        && opens_with_lead_in
        && (cx.in_set(start + 1, Section::PRONOUNS)
            || (tokens[start + 1].is_capitalised(cx.text)
                && !cx.in_set(start + 1, Section::WEEKDAYS)))
    {
        start += 1;
    }
    // A participle phrase whose end was not found: its first word names no one.
    if start >= end || (opens_with_participle && start == first) {
        return None;
    }
    if cx.in_set(start, Section::PRONOUNS)
        && !matches!(cx.lower(start), "it" | "we" | "i" | "kami" | "saya")
    {
        return Some(cx.token_mention(start, MentionKind::Pronoun));
    }
    // "A friend referred to him as "…"", "His campaign called it "…"": a determiner opens
    // a description, not a one-word name.
    if opens_description(cx, start) {
        return determined_description(cx, start, end);
    }
    let run = names::run_forward(cx.text, tokens, start)?;
    if cx.in_set(run.0, Section::WEEKDAYS) {
        return None;
    }
    // "It’s", "That’s", "He’s": a contraction, not a name.
    if run.1 - run.0 == 1 {
        let lower = cx.lower(run.0).to_string();
        if let Some(stem) = lower
            .strip_suffix("'s")
            .or_else(|| lower.strip_suffix("’s"))
        {
            if matches!(stem, "he" | "she") {
                return Some(cx.token_mention(run.0, MentionKind::Pronoun));
            }
            if cx.lexicon.is_opener(stem) || cx.lexicon.pronouns.contains(stem) {
                return None;
            }
            if matches!(stem, "it" | "that" | "there" | "what" | "here" | "who") {
                return None;
            }
        }
    }
    let lower: String = crate::text::lowercase(tokens[run.0].text(cx.text));
    if run.1 - run.0 == 1 && cx.lexicon.is_opener(&lower) {
        return None;
    }
    // "Spanduk lainnya menuntut …": "the other banners", a common noun, no one's name.
    if !cx.english && is_other_of_a_kind(cx, run) {
        return None;
    }
    if run.1 - run.0 == 1 && (cx.speech_cue(run.0).is_some() || cx.is_source_cue(run.0)) {
        return None;
    }
    // "Republican presidential candidate Donald Trump on Saturday tweeted", "Former US
    // secretary of state Madeleine Albright": a role made of a capitalised word (or a
    // capitalised role) and common nouns stands before the name.
    let mut run = run;
    if cx.english && (run.1 - run.0 == 1 || is_role(cx, run)) {
        let mut next = run.1;
        while next < end.min(run.1 + 4)
            && tokens[next].kind == Kind::Word
            && !tokens[next].is_capitalised(cx.text)
            && (!cx.in_set(next, Section::STOP_AFTER_SPEAKER | Section::CONJUNCTIONS)
                // "secretary of state": a title's "of" goes on to its domain.
                || next > run.1 && cx.lower(next) == "of" && cx.in_set(next - 1, Section::TITLES))
        {
            next += 1;
        }
        // "Sanders's campaign manager, Jeff Weaver, appeared": the name in apposition to an
        // owner's role ("Trump fired his campaign manager, Corey Lewandowski," has a verb).
        let apposed = is_possessive(tokens[run.1 - 1].text(cx.text))
            && next > run.1
            && next + 1 < end
            && cx.is_punct(next, &[','])
            && names::run_forward(cx.text, tokens, next + 1)
                .is_some_and(|r| r.1 < end && cx.is_punct(r.1, &[',']));
        if next > run.1
            && cx.in_set(next - 1, Section::TITLES)
            && let Some(name) =
                names::run_forward(cx.text, tokens, if apposed { next + 1 } else { next })
                    .filter(|r| r.1 < end)
        {
            run = name;
        }
    }
    // "Former royal PR aides called it …": a lone title opening a description, no name.
    if cx.english
        && run.1 - run.0 == 1
        && cx.in_set(run.0, Section::TITLES)
        && tokens
            .get(run.1)
            .is_some_and(|t| t.kind == Kind::Word && !t.is_capitalised(cx.text))
    {
        return determined_description(cx, run.0, end);
    }
    // A subject is followed by its predicate (or an apposition), not by more of a heading.
    tokens
        .get(run.1)
        .is_some_and(|t| {
            (t.kind == Kind::Word && !t.is_capitalised(cx.text))
                || cx.is_punct(run.1, &[','])
                || (cx.english && comma_after_name(cx, run.1))
                || (cx.english && cx.is_punct(run.1, &['(']))
                // "Pepi Viu (80) baru saja diusir": an age in parentheses.
                || (cx.is_punct(run.1, &['('])
                    && cx.tokens.get(run.1 + 1).is_some_and(|t| t.kind == Kind::Number)
                    && cx.is_punct(run.1 + 2, &[')']))
        })
        .then(|| cx.name_mention(run))
}

/// Whether a one-word run is a common noun followed by "lainnya" ("Spanduk lainnya", "Warga
/// lainnya": the other banners, the other residents); a name never takes it.
fn is_other_of_a_kind(cx: &mut Context<'_>, run: Run) -> bool {
    run.1 - run.0 == 1
        && cx.tokens.get(run.1).is_some_and(|t| t.kind == Kind::Word)
        && cx.lower(run.1) == "lainnya"
}

/// Indonesian "dikutip" / "dilansir" (quoted from, reported by): after a quotation they name
/// where it was taken from.
fn is_quoted_from(cx: &mut Context<'_>, k: usize) -> bool {
    !cx.english && matches!(cx.lower(k), "dikutip" | "dilansir")
}

/// "according to X", "dikutip dari X": skip the "to" or "dari".
fn skip_to(cx: &mut Context<'_>, i: usize) -> usize {
    if i < cx.tokens.len()
        && cx.tokens[i].kind == Kind::Word
        && matches!(cx.lower(i), "to" | "dari")
    {
        i + 1
    } else {
        i
    }
}

/// The speaker phrase after an inverted cue: a pronoun, a name (the last name of a role
/// apposition: "kata juru bicara Kremlin, Dmitry Peskov"), or a description.
pub fn phrase_after(cx: &mut Context<'_>, start: usize) -> Option<Mention> {
    let tokens = cx.tokens;
    let mut runs: Vec<Run> = Vec::new();
    let mut description: Option<(usize, usize)> = None;
    // "kata Kapolres X, AKBP Nama", "kata juru bicara Kremlin, Dmitry Peskov": a phrase that
    // opens with a title or a description is a role, and a name after its comma is the speaker.
    let opens_with_role = start < tokens.len()
        && (cx.in_set(start, Section::TITLES) || !tokens[start].is_capitalised(cx.text));
    let mut appositions = 0;
    let mut possessed_role = false;
    let mut j = start;
    while j < tokens.len() && j < start + 18 {
        let token = tokens[j];
        if token.kind == Kind::Break || cx.is_quote_mark(j) || cx.is_stop(j) {
            break;
        }
        match token.kind {
            Kind::Word => {
                if runs.is_empty() && description.is_none() && cx.in_set(j, Section::PRONOUNS) {
                    return Some(cx.token_mention(j, MentionKind::Pronoun));
                }
                if let Some(run) = names::run_forward(cx.text, tokens, j) {
                    if cx.in_set(j, Section::WEEKDAYS) {
                        break;
                    }
                    runs.push(run);
                    j = run.1;
                    continue;
                }
                // "according to calculations by Amy Glasmeier", "a report by the Congressional
                // Budget Office": who made the document is the source.
                if cx.english && description.is_some() && runs.is_empty() && cx.lower(j) == "by" {
                    let the = tokens.get(j + 1).is_some_and(|t| t.kind == Kind::Word)
                        && cx.lower(j + 1) == "the";
                    let next = j + 1 + usize::from(the);
                    if tokens.get(next).is_some_and(|t| t.is_capitalised(cx.text)) {
                        j = next;
                        continue;
                    }
                }
                // "wanita yang akrab disapa Kiki itu": the name the description gives.
                if description.is_some() && runs.is_empty() && cx.lower(j) == "yang" {
                    if let Some(name) = (j + 1..(j + 4).min(tokens.len())).find(|&k| {
                        matches!(cx.lower(k), "disapa" | "dipanggil" | "bernama" | "dikenal")
                            && tokens.get(k + 1).is_some_and(|t| t.is_capitalised(cx.text))
                    }) && let Some(run) = names::run_forward(cx.text, tokens, name + 1)
                    {
                        return Some(cx.name_mention(run));
                    }
                    break;
                }
                // "Menurut Dermatologist dr. Dikky Prawiratama": a role the title after it
                // ends; the name follows the title.
                if runs.len() == 1 && description.is_none() && cx.in_set(j, Section::TITLES) {
                    let next = j + 1 + usize::from(cx.is_punct(j + 1, &['.']));
                    if tokens.get(next).is_some_and(|t| t.is_capitalised(cx.text)) {
                        j = next;
                        continue;
                    }
                }
                // Role phrases join with "dan", "untuk", "of": "kuasa hukum Mensesneg dan PPKGBK".
                if !runs.is_empty() && opens_with_role && joins_roles(cx.lower(j)) {
                    // "said planetary geologist Rosaly Lopes of NASA's Jet Propulsion
                    // Laboratory": a person's full name is not a role; "of" gives where she
                    // works ("Secretary of State John Kerry" goes on).
                    let last = runs[runs.len() - 1];
                    let person = cx.english
                        && cx.lower(j) == "of"
                        && !is_role(cx, last)
                        && tokens[last.0..last.1]
                            .iter()
                            .filter(|t| t.kind == Kind::Word)
                            .count()
                            >= 2;
                    if person {
                        break;
                    }
                    j += 1;
                    continue;
                }
                // "Ohio State University professor Paul Beck": a role between an organisation
                // and the name.
                if !runs.is_empty() && cx.english && !cx.in_set(j, Section::STOP_AFTER_SPEAKER) {
                    let role_end = (j..(j + 3).min(tokens.len()))
                        .take_while(|&i| {
                            tokens[i].kind == Kind::Word && !tokens[i].is_capitalised(cx.text)
                        })
                        .last();
                    if let Some(last) = role_end.filter(|&last| {
                        cx.in_set(last, Section::TITLES)
                            && tokens
                                .get(last + 1)
                                .is_some_and(|t| t.is_capitalised(cx.text))
                    }) {
                        if description.is_none() {
                            description = Some((runs[runs.len() - 1].0, last + 1));
                        }
                        j = last + 1;
                        continue;
                    }
                    // "Rubio’s deputy campaign manager, Rich Beeson": a possessive and a role,
                    // then the name in apposition.
                    let possessive =
                        runs.len() == 1 && is_possessive(tokens[runs[0].1 - 1].text(cx.text));
                    // "deputy chief of staff": up to five words.
                    let possessed_end = (j..(j + 5).min(tokens.len()))
                        .take_while(|&i| {
                            tokens[i].kind == Kind::Word && !tokens[i].is_capitalised(cx.text)
                        })
                        .last();
                    if let Some(last) = possessed_end.filter(|&last| {
                        possessive
                            && cx.in_set(last, Section::TITLES)
                            && cx.is_punct(last + 1, &[','])
                            && tokens
                                .get(last + 2)
                                .is_some_and(|t| t.is_capitalised(cx.text))
                    }) {
                        description = Some((runs[0].0, last + 1));
                        possessed_role = true;
                        j = last + 1;
                        continue;
                    }
                    // "the Florida senator", "a Trump campaign aide": a determiner, a name
                    // used as a modifier and a role with no name after it describe the
                    // speaker; the name alone (a state, a campaign) is not who spoke.
                    let determined = description.is_some_and(|(a, _)| {
                        a == start && cx.lexicon.determiners.contains(cx.lower(a))
                    });
                    // "a Google spokesperson when contacted": the last title among the words.
                    let last_title = (j..(j + 3).min(tokens.len()))
                        .take_while(|&i| {
                            tokens[i].kind == Kind::Word && !tokens[i].is_capitalised(cx.text)
                        })
                        .filter(|&i| cx.in_set(i, Section::TITLES))
                        .last();
                    if let Some(last) = last_title.filter(|_| determined && runs.len() == 1) {
                        return Some(Mention {
                            start: tokens[start].start,
                            end: tokens[last].end,
                            kind: MentionKind::Description,
                            role: None,
                        });
                    }
                }
                // "kata politisi Partai Hanura itu", "tambah raksasa elektronik asal Korea
                // Selatan ini": a description holding a name and closed by a demonstrative
                // points back at someone; the name in it did not speak.
                if !cx.english
                    && runs.len() == 1
                    && description.is_some_and(|d| d.0 == start)
                    && lexicon::is_demonstrative(cx.lower(j))
                {
                    return Some(Mention {
                        start: tokens[start].start,
                        end: tokens[j].end,
                        kind: MentionKind::Description,
                        role: None,
                    });
                }
                if cx.in_set(j, Section::STOP_AFTER_SPEAKER) || !runs.is_empty() {
                    break;
                }
                // "…, says the wagon will be able to …": a clause follows the cue, so the
                // words after it are what was said, not who said it.
                if cx.english && is_finite_auxiliary(cx.lower(j)) {
                    return None;
                }
                description = Some((description.map_or(j, |d| d.0), j + 1));
            }
            // "ujar dr. Dikky": the period of an abbreviated title.
            Kind::Punct
                if runs.is_empty()
                    && description == Some((start, j))
                    && cx.is_punct(j, &['.'])
                    && !token.space_before
                    && cx.in_set(j - 1, Section::TITLES) => {}
            Kind::Punct if cx.is_punct(j, &[',']) => {
                // "Menurut Sekretaris Umum IGC, dr. Ray Wagiu Basrowi, …": a lower-case
                // title opens the name in apposition.
                let titled_name = (tokens.get(j + 1).is_some_and(|t| t.kind == Kind::Word)
                    && !tokens[j + 1].is_capitalised(cx.text)
                    && cx.in_set(j + 1, Section::TITLES))
                .then(|| j + 2 + usize::from(cx.is_punct(j + 2, &['.'])))
                .filter(|&at| tokens.get(at).is_some_and(|t| t.is_capitalised(cx.text)));
                let name_follows = titled_name.is_some()
                    || tokens.get(j + 1).is_some_and(|t| t.is_capitalised(cx.text))
                        && !cx.in_set(j + 1, Section::WEEKDAYS)
                        && !is_degree(cx, j + 1);
                let role_so_far = opens_with_role
                    || possessed_role
                    || runs.last().is_some_and(|&r| is_role(cx, r));
                if !(name_follows && role_so_far && appositions == 0) {
                    break;
                }
                appositions += 1;
                if let Some(at) = titled_name {
                    j = at;
                    continue;
                }
            }
            Kind::Number | Kind::Punct if runs.is_empty() && cx.is_punct_or_number(j) => {}
            // An Indonesian acronym in parentheses inside the phrase: the name goes on after
            // it ("kata Kepala Kantor Unit Penyelenggara Bandar Udara (UPBU) Komodo Ceppy
            // Triono"), or a demonstrative closes the description ("ujar politikus Partai
            // Kebangkitan Bangsa (PKB) itu").
            Kind::Punct
                if !cx.english && !runs.is_empty() && parenthesised_acronym(cx, j) && {
                    let next = j + 3;
                    tokens.get(next).is_some_and(|t| t.is_capitalised(cx.text))
                        || (runs.len() == 1
                            && description.is_some_and(|d| d.0 == start)
                            && tokens.get(next).is_some_and(|t| t.kind == Kind::Word)
                            && lexicon::is_demonstrative(cx.lower(next)))
                } =>
            {
                j += 3;
                continue;
            }
            _ => break,
        }
        j += 1;
    }
    if let Some(&run) = runs.last() {
        // "tulis salah satu akun Facebook": an account on a platform, not the platform.
        if !cx.english
            && runs.len() == 1
            && run.1 - run.0 == 1
            && !tokens[run.0].text(cx.text).starts_with('@')
            && let Some((first, _)) = description
                .filter(|&(_, end)| end == run.0 && end > 0 && cx.lower(end - 1) == "akun")
        {
            return Some(Mention {
                start: tokens[first].start,
                end: tokens[run.0].end,
                kind: MentionKind::Description,
                role: None,
            });
        }
        let mut mention = cx.name_mention(run);
        // "juru bicara Kremlin, Dmitry Peskov": everything before the name is its role.
        let description_is_role =
            description.is_some_and(|(a, b)| (a..b).any(|i| cx.in_set(i, Section::TITLES)));
        let role_start = description
            .filter(|_| description_is_role)
            .map(|d| tokens[d.0].start)
            .or_else(|| (runs.len() > 1).then(|| tokens[runs[0].0].start));
        if let Some(role_start) = role_start {
            let role_end = if runs.len() > 1 {
                tokens[runs[runs.len() - 2].1 - 1].end
            } else {
                description.map_or(role_start, |d| tokens[d.1 - 1].end)
            };
            mention.role = Some((role_start, role_end.max(role_start)));
        }
        return Some(mention);
    }
    description.map(|(a, b)| Mention {
        start: tokens[a].start,
        end: tokens[b - 1].end,
        kind: MentionKind::Description,
        role: None,
    })
}

/// Whether tokens `i..i + 3` are an acronym in parentheses: "(PKB)", "(UPBU)".
fn parenthesised_acronym(cx: &Context<'_>, i: usize) -> bool {
    cx.is_punct(i, &['('])
        && cx.is_punct(i + 2, &[')'])
        && cx.tokens[i + 1].kind == Kind::Word
        && names::is_acronym(cx.tokens[i + 1].text(cx.text))
}

/// The comma before a run of English appositions that only give an age, an origin ("of
/// Flint", "from Ohio") or a state ("Mich."), ending at comma `last`; none when there are
/// no such appositions, or no origin among them ("Smith, 45, said" has its own rule).
fn before_age_and_origin(cx: &mut Context<'_>, last: usize, floor: usize) -> Option<usize> {
    let tokens = cx.tokens;
    let mut comma = last;
    let mut origin = false;
    for _ in 0..4 {
        let Some(previous) = (comma.saturating_sub(6).max(floor + 1)..comma)
            .rev()
            .find(|&i| cx.is_punct(i, &[',']))
        else {
            break;
        };
        let segment = previous + 1..comma;
        let first = previous + 1;
        let is_age = segment.len() == 1 && tokens[first].kind == Kind::Number;
        let is_origin = tokens[first].kind == Kind::Word
            && matches!(cx.lower(first), "of" | "from")
            && tokens
                .get(first + 1)
                .is_some_and(|t| t.is_capitalised(cx.text));
        let is_state = segment.len() <= 2
            && tokens[first].is_capitalised(cx.text)
            && tokens[first].text(cx.text).len() <= 5
            && segment.clone().skip(1).all(|i| cx.is_punct(i, &['.']));
        if !(is_age || is_origin || is_state) {
            break;
        }
        origin |= is_origin;
        comma = previous;
    }
    (origin && comma < last).then_some(comma)
}

/// Whether an English description is something owned, not someone: opened by a possessive
/// pronoun and headed by a word that is no title ("her record", not "his spokesman").
fn owned_thing(cx: &Context<'_>, mention: Mention) -> bool {
    let words: Vec<&str> = cx.text[mention.start..mention.end]
        .split_whitespace()
        .collect();
    let owned = words.first().is_some_and(|w| {
        matches!(
            crate::text::lowercase(w).as_str(),
            "her" | "his" | "their" | "its" | "my" | "our" | "your"
        )
    });
    owned
        && words.last().is_some_and(|head| {
            let head = crate::text::lowercase(head);
            !cx.lexicon.titles.contains(head.as_str())
                && !cx.lexicon.person_nouns.contains(head.as_str())
        })
}

/// Whether token `i` opens an academic degree written after a name ("Sp.KK", "S.H.", "M.Si",
/// "Ph.D."): a short capitalised word glued to a period and more letters.
pub(crate) fn is_degree(cx: &Context<'_>, i: usize) -> bool {
    let tokens = cx.tokens;
    let glued = |k: usize| tokens.get(k).is_some_and(|t| !t.space_before);
    tokens[i].kind == Kind::Word
        && tokens[i].text(cx.text).chars().count() <= 3
        && cx.is_punct(i + 1, &['.'])
        && glued(i + 1)
        && glued(i + 2)
        && tokens[i + 2].kind == Kind::Word
}

/// The comma opening a list of academic degrees that ends at token `last` (", MSC, Sp.P
/// (K)"), when one of them is written with a period, as degrees are and acronyms ("AS",
/// "KPK") are not.
fn degrees_before(cx: &Context<'_>, last: usize, floor: usize) -> Option<usize> {
    let tokens = cx.tokens;
    let mut end = last;
    let mut opening = None;
    let mut with_period = false;
    for _ in 0..4 {
        // A specialist's "(K)" closes the last degree.
        if end >= floor + 3 && cx.is_punct(end, &[')']) && cx.is_punct(end - 2, &['(']) {
            end -= 3;
        }
        let Some(comma) = (end.saturating_sub(5).max(floor + 1)..end)
            .rev()
            .find(|&c| cx.is_punct(c, &[',']))
        else {
            break;
        };
        let first = comma + 1;
        let degree_like = tokens[first].kind == Kind::Word
            && tokens[first].is_capitalised(cx.text)
            && tokens[first].text(cx.text).chars().count() <= 4
            && (first + 1..=end).all(|i| !tokens[i].space_before);
        if !degree_like {
            break;
        }
        with_period |= is_degree(cx, first);
        opening = Some(comma);
        end = comma - 1;
    }
    opening.filter(|_| with_period)
}

impl Context<'_> {
    fn is_punct_or_number(&self, i: usize) -> bool {
        self.tokens[i].kind == Kind::Number || self.is_punct(i, &['(', ')', '/'])
    }
}

/// A run made only of titles and organisation words ("Jaksa KPK", "Kapolres"): a role, whose
/// apposition names the person.
fn is_role(cx: &Context<'_>, run: Run) -> bool {
    let words: Vec<&str> = cx.tokens[run.0..run.1]
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .map(|t| t.text(cx.text))
        .collect();
    let lexicon = cx.lexicon;
    let in_set = |set: &WordSet, w: &str| crate::wordset::contains_lowercased(set, w);
    let has_title = words.iter().any(|w| in_set(&lexicon.titles, w));
    // "Kepala Balai TNGM": titles, organisation words, places and acronyms only.
    let institutional = || words.iter().all(|w| names::is_role_word(w, lexicon));
    // "Ketua RW": nothing the name core would strip as a person's role either.
    let whole = || {
        names::core(cx.text, cx.tokens, run, lexicon) == run
            && words.iter().all(|w| {
                in_set(&lexicon.titles, w)
                    || in_set(&lexicon.organisation_words, w)
                    || w.chars().count() <= 5
            })
    };
    has_title && (institutional() || whole())
}

/// The subject of a speech verb at token `cue`: a pronoun, the name before it (skipping
/// "juga", "pun", …), or the sentence's subject when the verb is coordinated
/// ("… dan menyatakan").
pub fn subject_before(cx: &mut Context<'_>, cue: usize, floor: usize) -> Option<Mention> {
    let tokens = cx.tokens;
    // A run-on "sentence" (no full stops for megabytes) must not make this quadratic.
    let floor = floor.max(cue.saturating_sub(MAX_CLAUSE_TOKENS));
    // "he said, adding that "…"", "it attacked Trump, saying he "…"": a participle's
    // subject is the clause's.
    // "Sanders said, going on to say that …": the participle's subject.
    if cue >= floor + 3
        && cx.english
        && cx.tokens[cue - 1].kind == Kind::Word
        && cx.lower(cue - 1) == "to"
        && cx.lower(cue - 2) == "on"
        && matches!(cx.lower(cue - 3), "going" | "went" | "goes" | "go")
    {
        return subject_before(cx, cue - 3, floor);
    }
    // "O'Malley interjected to say", "Trump was quick to add": the verb before "to".
    if cue >= floor + 2
        && cx.english
        && cx.tokens[cue - 1].kind == Kind::Word
        && cx.lower(cue - 1) == "to"
        && cx.tokens[cue - 2].kind == Kind::Word
        && !cx.tokens[cue - 2].is_capitalised(cx.text)
        // Not "interrupted me in mid-sentence to announce": a noun before "to" is no verb.
        && {
            let before = cx.lower(cue - 2);
            before.ends_with("ed")
                || matches!(
                    before,
                    "quick" | "eager" | "careful" | "keen" | "ready" | "happy" | "sure" | "first"
                        | "able" | "willing" | "went" | "rose" | "stood"
                )
                || cx.speech_cue(cue - 2).is_some()
        }
    {
        return subject_before(cx, cue - 2, floor);
    }
    // `“…,” adding`: the comma inside the quotation also ends the clause.
    let comma_before = |cx: &mut Context<'_>, cue: usize| {
        // "Cruz replied, before adding": a linking word may stand between.
        let cue = if cue > floor + 1
            && cx.english
            && cx.tokens[cue - 1].kind == Kind::Word
            && matches!(
                cx.lower(cue - 1),
                "before" | "after" | "while" | "then" | "also"
            ) {
            cue - 1
        } else {
            cue
        };
        let comma = (cue > floor && cx.is_punct(cue - 1, &[',']))
            || (cue > floor + 1 && cx.is_quote_mark(cue - 1) && cx.is_punct(cue - 2, &[',']));
        comma.then(|| cue - 1)
    };
    let participle_comma = (cx.tokens[cue].kind == Kind::Word && is_participle(cx.lower(cue)))
        .then(|| comma_before(cx, cue))
        .flatten();
    if let Some(comma) = participle_comma {
        // "Trump said, adding that", "said Obama, adding": the speech verb's speaker.
        if let Some(subject) = participle_subject(cx, comma, floor) {
            return Some(subject);
        }
        if let Some(subject) = opening_subject(cx, floor, cue) {
            return Some(subject);
        }
    }
    if let Some(description) = demonstrative_description(cx, floor, cue) {
        return Some(description);
    }
    let mut j = cue;
    while j > floor {
        j -= 1;
        // "Paul D. Ryan (R-Wis.) said": the parenthesis is not the subject.
        if cx.is_punct(j, &[')']) {
            let Some(open) = opening_parenthesis(cx, j, floor) else {
                break;
            };
            j = open;
            continue;
        }
        // "Donald Trump hari Rabu mengatakan": the day is no subject.
        if !cx.english
            && j > floor + 1
            && cx.in_set(j, Section::WEEKDAYS)
            && matches!(cx.lower(j - 1), "hari" | "pada")
        {
            j -= 1;
            continue;
        }
        // "McConnell, …, who in 2010 said", "Obama on Monday said": the time is no subject.
        if cx.english
            && j > floor + 1
            && (tokens[j].kind == Kind::Number || cx.in_set(j, Section::WEEKDAYS))
            && tokens[j - 1].kind == Kind::Word
            && matches!(cx.lower(j - 1), "in" | "on" | "since" | "last")
        {
            j -= 1;
            continue;
        }
        if !cx.in_set(j, Section::SKIP_BEFORE_CUE) && !is_manner_adverb(cx, j) {
            break;
        }
    }
    // "Divani Aery Lovian, M.Psi. mengungkapkan", "Erlina Burhan, MSC, Sp.P (K) mengatakan":
    // degrees after the name.
    if let Some(comma) = degrees_before(cx, j, floor) {
        j = comma - 1;
    }
    if j >= cue || (j == floor && cue == floor) {
        return None;
    }
    if let Some(mention) = relative_clause_subject(cx, j, floor) {
        return Some(mention);
    }
    if cx.in_set(j, Section::PRONOUNS) {
        return Some(cx.token_mention(j, MentionKind::Pronoun));
    }
    if tokens[j].is_capitalised(cx.text)
        || (tokens[j].kind == Kind::Word && !tokens[j].space_before)
    {
        // "tweets early Friday saying": a date or a lead-in word is not a speaker.
        let lone_opener = |cx: &mut Context<'_>, run: Run| {
            run.1 - run.0 == 1 && {
                let lower = cx.lower(run.0).to_string();
                cx.lexicon.is_opener(&lower)
            }
        };
        if described_title(cx, j, floor)
            && let Some(mention) = determiner_phrase(cx, j, floor)
        {
            return Some(mention);
        }
        if let Some(run) =
            names::run_backward(cx.text, tokens, j).filter(|&run| !lone_opener(cx, run))
        {
            if let Some(skipped) = skip_reporting_credit(cx, run.0, floor) {
                return subject_before(cx, skipped, floor);
            }
            // "Another intelligence source speaking to Fox News said", "a letter to Attorney
            // General Loretta E. Lynch asking": a name after "to" is an object; the subject is
            // before it ("with" is not: "with Sen. John McCain calling it …").
            if cx.english
                && run.0 > floor
                && tokens[run.0 - 1].kind == Kind::Word
                && cx.lower(run.0 - 1) == "to"
            {
                return None;
            }
            // "PolitiFact rated 32% of Republican claims as …": after a preposition the
            // capitals and a cue word that is also a plural noun are a noun phrase, not a
            // subject and its verb.
            if cx.english
                && {
                    let lexicon = cx.lexicon;
                    lexicon.noun_cues.contains(cx.lower(cue))
                }
                && run.0 > floor
                && tokens[run.0 - 1].kind == Kind::Word
                && is_preposition(cx.lower(run.0 - 1))
            {
                return None;
            }
            // "Some delegates at the convention in Philadelphia said": a name after a
            // preposition inside the subject is not the subject (a participle's subject may
            // be anything: "No different from George H.W. Bush calling …").
            if !is_participle(cx.lower(cue))
                && let Some(subject) = subject_around_place(cx, run, floor)
            {
                return Some(subject);
            }
            // "Ketua Delegasi Hashim … pada konferensi di Baku Azerbaijan menyebutkan": a
            // place after a preposition is the adjunct's; the clause's subject speaks.
            if !cx.english
                && run.0 > floor
                && tokens[run.0 - 1].kind == Kind::Word
                && matches!(cx.lower(run.0 - 1), "di" | "ke" | "dari")
            {
                return opening_subject(cx, floor, run.0 - 1);
            }
            // "Gov. Earl Ray Tomblin of West Virginia lauded": the person before "of".
            if let Some(person) = person_before_of(cx, run, floor) {
                return Some(cx.name_mention(person));
            }
            return Some(cx.name_mention(run));
        }
    }
    if let Some(mention) = name_before_adverbials(cx, j, floor) {
        return Some(mention);
    }
    // "Cory James, 22, of Flint, Mich., said": an age, an origin and a state in apposition;
    // the name before them spoke.
    if cx.english
        && cx.is_punct(j, &[','])
        && let Some(comma) = before_age_and_origin(cx, j, floor)
        && let Some(run) = names::run_backward(cx.text, tokens, comma - 1).filter(|r| r.0 >= floor)
    {
        return Some(cx.name_mention(run));
    }
    // "X, role, mengatakan": the name before the apposition.
    if cx.is_punct(j, &[',']) && j > floor {
        let mut k = j - 1;
        // "Michael Shoebridge, pendiri dan direktur lembaga think tank Strategic Analysis
        // Australia, pernah menjelaskan": a role may be long.
        let longest = if cx.english { 24 } else { 14 };
        while k > floor
            && !cx.is_punct(k, &[','])
            && tokens[k].kind != Kind::Break
            && j - k < longest
        {
            k -= 1;
        }
        // "Several senators, including Ted Cruz, said": examples set off by commas are not
        // the subject; the description before them is (a name found there is in an adjunct:
        // "veterans interviewed at Trump rallies …, including Mr. Jebens, said").
        if cx.english
            && k > floor
            && cx.is_punct(k, &[','])
            && (matches!(cx.lower(k + 1), "including" | "especially" | "notably")
                || (cx.lower(k + 1) == "such" && cx.lower(k + 2) == "as"))
            && let Some(described) =
                subject_before(cx, k, floor).filter(|m| m.kind == MentionKind::Description)
        {
            return Some(described);
        }
        // "Jillian Chase, 27, a Tinder user in New York, said": the age is the name's too.
        if cx.english
            && k > floor + 2
            && cx.is_punct(k, &[','])
            && tokens[k - 1].kind == Kind::Number
            && cx.is_punct(k - 2, &[','])
        {
            k -= 2;
        }
        // "Johnny Isakson (R-Ga.), one of …, said": the party and state are the name's.
        let name_end = if k > floor + 1 && cx.is_punct(k - 1, &[')']) {
            opening_parenthesis(cx, k - 1, floor).map_or(k - 1, |open| open - 1)
        } else {
            k.saturating_sub(1)
        };
        // "X, the president of the Coalition, which is made up of …, said": a relative
        // clause is not the apposition; the relative-clause search below finds X.
        let relative = k + 1 < tokens.len()
            && tokens[k + 1].kind == Kind::Word
            && matches!(cx.lower(k + 1), "which" | "who" | "whose");
        // "The German automaker, which has focused on …, says", "A White House official,
        // who requested anonymity, said": the phrase before the relative clause, when no
        // name stands there for the search below to find.
        if cx.english
            && relative
            && k > floor
            && cx.is_punct(k, &[','])
            && let Some(((start, end), false)) = relative_antecedent(cx, k + 1, floor, true)
        {
            return Some(Mention {
                start,
                end,
                kind: MentionKind::Description,
                role: None,
            });
        }
        // "Ketua RW setempat, Hamdani (55), mengungkapkan": the role comes first and the
        // name is the apposition itself.
        if k > floor
            && cx.is_punct(k, &[','])
            && let Some(run) = names::run_forward(cx.text, tokens, k + 1).filter(|&run| {
                (run.1 == j || (comma_after_name(cx, run.1) && run.1 < j)) && !is_role(cx, run)
            })
            && names::run_backward(cx.text, tokens, name_end).is_none_or(|before| {
                // "Salah satu wisatawan asal Chili, Sebastian, mengaku": a place of origin.
                // "The Podesta Group's CEO, Kimberley Fritts, said": a title ends the role.
                is_role(cx, before)
                    || (cx.english && cx.in_set(before.1 - 1, Section::TITLES))
                    || (!cx.english && titled_phrase_before(cx, k, floor))
                    || (!cx.english
                        && before.0 > floor
                        && tokens[before.0 - 1].kind == Kind::Word
                        && matches!(cx.lower(before.0 - 1), "asal" | "dari"))
            })
        {
            return Some(cx.name_mention(run));
        }
        if k > floor
            && !relative
            && cx.is_punct(k, &[','])
            && let Some(run) = names::run_backward(cx.text, tokens, name_end)
        {
            // "Senator John Cornyn of Texas, the No. 2 Republican …, said".
            if let Some(person) = person_before_of(cx, run, floor) {
                return Some(cx.name_mention(person));
            }
            // "Cmdr. Sean Robertson, a spokesperson for Inherent Resolve, the U.S. military
            // operation …, told": the organisation ends the role in apposition; the name
            // before it spoke.
            if cx.english
                && let Some(role_comma) = (run.0.saturating_sub(6).max(floor + 1)..run.0)
                    .rev()
                    .find(|&i| cx.is_punct(i, &[',']))
                // "Mike Shields, president of the Congressional Leadership Fund, a super PAC
                // …, said": a bare title opens the role too.
                && (cx.lexicon.determiners.contains(cx.lower(role_comma + 1))
                    || cx.in_set(role_comma + 1, Section::TITLES))
                && (role_comma + 1..run.0).any(|i| cx.in_set(i, Section::TITLES))
                && let Some(person) =
                    names::run_backward(cx.text, tokens, role_comma - 1).filter(|p| p.0 >= floor)
            {
                return Some(cx.name_mention(person));
            }
            return Some(cx.name_mention(run));
        }
        // "Christie, who has campaigned … since February, blasted": a relative clause of any
        // length between the name and its verb.
        if cx.english {
            let mut k = j - 1;
            while k > floor + 1 && j - k < MAX_CLAUSE_TOKENS && !cx.is_stop(k) {
                if cx.is_punct(k - 1, &[',']) && matches!(cx.lower(k), "who" | "whose") {
                    if let Some(run) = names::run_backward(cx.text, tokens, k - 2) {
                        return Some(cx.name_mention(run));
                    }
                    break;
                }
                k -= 1;
            }
        }
        if let Some(run) = names::run_backward(cx.text, tokens, j - 1) {
            let lone_opener = run.1 - run.0 == 1 && {
                let lower = cx.lower(run.0).to_string();
                cx.lexicon.is_opener(&lower)
            };
            if !lone_opener {
                return Some(cx.name_mention(run));
            }
        }
    }
    // "Clinton aides said", "Senate Republican leaders have insisted": a name that opens
    // the clause modifies the people after it, who spoke.
    if let Some(mention) = named_group(cx, j, floor) {
        return Some(mention);
    }
    // "the New York businessman said", "a narrator in the Clinton ad asks": a noun phrase
    // opened by a determiner at the clause start.
    if let Some(mention) = determiner_phrase(cx, j, floor) {
        return Some(mention);
    }
    // A short description reaching back to the clause start ("peneliti tersebut mengatakan").
    if tokens[j].kind == Kind::Word && !cx.in_set(j, Section::CONJUNCTIONS) {
        let mut k = j;
        while k > floor
            && j - k < 3
            && tokens[k - 1].kind == Kind::Word
            && !tokens[k - 1].is_capitalised(cx.text)
        {
            k -= 1;
        }
        // "Kepala dinas mengatakan": a capitalised title opening the description; "Sejumlah
        // warga mengatakan", "A spokesman said": a capitalised determiner.
        if k > floor
            && tokens[k - 1].kind == Kind::Word
            && tokens[k - 1].is_capitalised(cx.text)
            && (cx.in_set(k - 1, Section::TITLES) || {
                let lexicon = cx.lexicon;
                lexicon.determiners.contains(cx.lower(k - 1))
            })
            && (k - 1 == floor || cx.is_punct(k - 2, &[',']) || tokens[k - 2].kind == Kind::Break)
        {
            k -= 1;
        }
        // "saying she hadn't yet called": the pronoun in it is the subject.
        if let Some(pronoun) = (k..=j).rev().find(|&i| cx.in_set(i, Section::PRONOUNS)) {
            return Some(cx.token_mention(pronoun, MentionKind::Pronoun));
        }
        // "Para analis memperingatkan": "para" opens the description.
        if k > floor
            && !cx.english
            && tokens[k - 1].kind == Kind::Word
            && lexicon::is_person_article(cx.lower(k - 1))
            && cx.clause_starts_at(k - 1, floor)
        {
            k -= 1;
        }
        // "Sementara perekam video menjawab": a lead-in word opens the clause.
        let after_lead_in = k > floor
            && tokens[k - 1].kind == Kind::Word
            && {
                let lower = cx.lower(k - 1).to_string();
                !cx.english && cx.lexicon.sentence_openers.contains(lower.as_str())
            }
            && cx.clause_starts_at(k - 1, floor);
        // "…, terutama dalam meningkatkan kemampuan memprediksi …": a phrase holding a
        // preposition or time word is an adjunct, not a subject ("…, dengan mengatakan": a
        // manner word right before the cue leaves the subject to the clause).
        let at_clause_start = cx.clause_starts_at(k, floor) || after_lead_in;
        if at_clause_start && !cx.english && (k..j).any(|i| cx.in_set(i, Section::ADJUNCT_OPENERS))
        {
            return None;
        }
        // "…, urging those calling for withdrawal to "…"": a speech participle opens the
        // phrase; the one urging is its clause's subject, not "urging those".
        if at_clause_start
            && cx.english
            && k < cue
            && tokens[k].kind == Kind::Word
            && is_participle(cx.lower(k))
            && (cx.speech_cue(k).is_some() || cx.in_set(k, Section::INDIRECT_CUES))
        {
            return subject_before(cx, k, floor);
        }
        // "Meski menilai …", "Usai …": a sentence opener is no one. A relative pronoun
        // ("who", "yang") stays: it stands for the speaker named before it.
        let opener = {
            let lower = cx.lower(k).to_string();
            cx.lexicon.is_opener(&lower)
                && !matches!(lower.as_str(), "who" | "which" | "that" | "yang")
                && !lexicon::is_person_article(&lower)
        };
        if at_clause_start && !opener && !cx.in_set(k, Section::CONJUNCTIONS) {
            // "who" is a subject, and so is "which" ("which said", "which together vowed"),
            // except before a subject of its own and a speech verb ("which critics say").
            let object_relative = cx.english
                && k < j
                && cx.lower(k) == "which"
                && is_speech_verb(cx.lower(cue))
                && !(k + 1..=j)
                    .any(|i| cx.speech_cue(i).is_some() || cx.in_set(i, Section::SKIP_BEFORE_CUE));
            if cx.english && !object_relative && matches!(cx.lower(k), "who" | "whose" | "which") {
                return Some(relative_mention(cx, k, floor));
            }
            let k = if object_relative { k + 1 } else { k };
            return Some(Mention {
                start: tokens[k].start,
                end: tokens[j].end,
                kind: MentionKind::Description,
                role: None,
            });
        }
    }
    if cx.in_set(j, Section::CONJUNCTIONS) {
        // "Cook berterima kasih … dan menyatakan": the clause's subject; failing that
        // ("Ketika ditanya …, Putin menolak menjawab, seraya mengatakan"), the nearest name.
        if let Some(subject) = opening_subject(cx, floor, j) {
            return Some(subject);
        }
        // "Cook menyampaikan apresiasi atas dukungan pemerintah China dan menyatakan": the
        // name before the first active ("me-") verb, not the nearest name.
        if !cx.english
            && let Some(subject) = active_verb_subject(cx, floor, j)
        {
            return Some(subject);
        }
        let mut k = j;
        while k > floor {
            k -= 1;
            if tokens[k].is_capitalised(cx.text)
                && let Some(run) = names::run_backward(cx.text, tokens, k)
            {
                if !cx.english && is_other_of_a_kind(cx, run) {
                    return Some(Mention {
                        start: tokens[run.0].start,
                        end: tokens[run.1].end,
                        kind: MentionKind::Description,
                        role: None,
                    });
                }
                let lower: String = crate::text::lowercase(tokens[run.0].text(cx.text));
                if !cx.lexicon.is_opener(&lower) || run.1 - run.0 > 1 {
                    return Some(cx.name_mention(run));
                }
            }
            if cx.in_set(k, Section::PRONOUNS) {
                return Some(cx.token_mention(k, MentionKind::Pronoun));
            }
        }
    }
    sentence_subject(cx, floor, cue)
}

/// The relative pronoun at token `relative` ("Marsh, who told the council:"), as a mention of
/// its own with the phrase before its comma: a name ("Sen. Marco Rubio of Florida" gives
/// Marco Rubio, not the place), or else, for "which", the noun phrase back to its
/// determiner ("the website for the initiative"; a determiner after a preposition is inside
/// it). With neither, the pronoun is a bare description.
fn relative_mention(cx: &mut Context<'_>, relative: usize, floor: usize) -> Mention {
    let kind = relative_antecedent(cx, relative, floor, false)
        .map_or(MentionKind::Description, |(antecedent, named)| {
            MentionKind::Relative { antecedent, named }
        });
    cx.token_mention(relative, kind)
}

/// The phrase before the comma of the relative pronoun at token `relative`, as byte offsets,
/// and whether it is a name. A description counts only after "which" unless `any_pronoun`:
/// as the subject of the cue itself, "the discussion, who" is more often a misreading.
fn relative_antecedent(
    cx: &mut Context<'_>,
    relative: usize,
    floor: usize,
    any_pronoun: bool,
) -> Option<((usize, usize), bool)> {
    /// Words a description before the comma may have.
    const LONGEST_DESCRIPTION: usize = 8;
    let tokens = cx.tokens;
    let comma = relative.checked_sub(1).filter(|&c| c > floor)?;
    if !cx.is_punct(comma, &[',']) {
        return None;
    }
    let last = comma - 1;
    if let Some(mut run) = names::run_backward(cx.text, tokens, last).filter(|r| r.0 >= floor) {
        if run.0 >= floor + 2
            && cx.lower(run.0 - 1) == "of"
            && let Some(person) = names::run_backward(cx.text, tokens, run.0 - 2)
        {
            run = person;
        }
        let core = names::core(cx.text, tokens, run, cx.lexicon);
        return (core.1 > core.0).then(|| ((tokens[core.0].start, tokens[core.1 - 1].end), true));
    }
    // A person after a description is more often a misreading ("the discussion, who").
    if !any_pronoun && cx.lower(relative) != "which" {
        return None;
    }
    let mut k = last;
    // The clause's first word may be the determiner ("The company, which …").
    while k + LONGEST_DESCRIPTION > last && k >= floor && tokens[k].kind == Kind::Word {
        let inside =
            k > floor && tokens[k - 1].kind == Kind::Word && is_phrase_preposition(cx.lower(k - 1));
        let lexicon = cx.lexicon;
        if lexicon.determiners.contains(cx.lower(k)) && !inside {
            return (k < last).then(|| ((tokens[k].start, tokens[last].end), false));
        }
        if k == floor {
            break;
        }
        k -= 1;
    }
    None
}

/// Prepositions that join a noun phrase's parts: "the description on the website", "the
/// website for the initiative".
fn is_phrase_preposition(lower: &str) -> bool {
    matches!(lower, "on" | "of" | "in" | "at" | "for" | "from")
}

/// An English preposition, before a noun phrase ("32% of Republican claims") or a relative
/// "which" ("a story in which Democratic sources said").
pub(crate) fn is_preposition(lower: &str) -> bool {
    is_phrase_preposition(lower)
        || matches!(
            lower,
            "to" | "during"
                | "by"
                | "with"
                | "about"
                | "against"
                | "into"
                | "over"
                | "under"
                | "after"
        )
}

/// The speaker of a verb in an Indonesian relative clause whose last word before the verb
/// is `j`: "Airlangga Hartarto yang meminta agar …" is Airlangga Hartarto's, "postingan
/// artikel yang menyebut …" the post's, not the sentence's subject ("Penolakan itu …").
/// Also past adverbs ("yang secara terbuka menyebut") and after a comma ("Sri Mulyani
/// Indrawati, yang menilai").
fn relative_clause_subject(cx: &mut Context<'_>, j: usize, floor: usize) -> Option<Mention> {
    let tokens = cx.tokens;
    if cx.english {
        return None;
    }
    let yang = (j.saturating_sub(3).max(floor + 1)..=j)
        .rev()
        .take_while(|&i| tokens[i].kind == Kind::Word && !tokens[i].is_capitalised(cx.text))
        .find(|&i| cx.lower(i) == "yang")?;
    // The phrase ends before "yang", or before the comma in front of it.
    let end = if yang >= floor + 2 && cx.is_punct(yang - 1, &[',']) {
        yang - 1
    } else {
        yang
    };
    let run = names::run_backward(cx.text, tokens, end - 1).filter(|r| r.0 >= floor);
    // "Banyak yang menilai" (many think): a quantifier, no name.
    let quantifier = run.is_some_and(|r| {
        r.1 - r.0 == 1 && {
            let lower = cx.lower(r.0).to_string();
            cx.lexicon.is_opener(&lower) || cx.lexicon.determiners.contains(lower.as_str())
        }
    });
    if let Some(run) = run.filter(|_| !quantifier) {
        return Some(cx.name_mention(run));
    }
    // At most two words: without a tagger, "di media sosial postingan artikel yang" has no
    // visible start.
    let mut start = end;
    while start > floor
        && end - start < 2
        && tokens[start - 1].kind == Kind::Word
        && !tokens[start - 1].is_capitalised(cx.text)
        && !cx.lexicon.is_opener(cx.lower(start - 1))
    {
        start -= 1;
    }
    (start < end).then(|| Mention {
        start: tokens[start].start,
        end: tokens[end - 1].end,
        kind: MentionKind::Description,
        role: None,
    })
}

/// "Eka Asmadi, saat dihubungi melalui telepon dari Mataram, Kamis, mengatakan": in
/// Indonesian, a weekday or a clause of time or place between commas (the last comma is
/// token `comma`) is no apposition; the name before them is the subject.
fn name_before_adverbials(cx: &mut Context<'_>, comma: usize, floor: usize) -> Option<Mention> {
    let tokens = cx.tokens;
    if cx.english || !cx.is_punct(comma, &[',']) {
        return None;
    }
    let mut first_comma = comma;
    for _ in 0..3 {
        let mut k = first_comma;
        while k > floor + 1 && first_comma - k < 12 && !cx.is_punct(k - 1, &[',']) {
            if tokens[k - 1].kind == Kind::Break || cx.is_quote_mark(k - 1) {
                break;
            }
            k -= 1;
        }
        if k <= floor + 1 || !cx.is_punct(k - 1, &[',']) || k >= first_comma {
            break;
        }
        let adverbial = cx.in_set(k, Section::WEEKDAYS | Section::ADJUNCT_OPENERS);
        if !adverbial {
            break;
        }
        first_comma = k - 1;
    }
    if first_comma == comma {
        return None;
    }
    let run = names::run_backward(cx.text, tokens, first_comma - 1).filter(|r| r.0 >= floor)?;
    Some(cx.name_mention(run))
}

/// In an Indonesian clause before `end`, the nearest name directly followed (past adverbs
/// such as "juga") by an active verb, which starts with "me": "Cook menyampaikan".
fn active_verb_subject(cx: &mut Context<'_>, floor: usize, end: usize) -> Option<Mention> {
    let tokens = cx.tokens;
    let mut verb = end;
    while verb > floor + 1 {
        verb -= 1;
        if cx.is_stop(verb) || tokens[verb].kind == Kind::Break || cx.is_quote_mark(verb) {
            return None;
        }
        let active = tokens[verb].kind == Kind::Word && !tokens[verb].is_capitalised(cx.text) && {
            let lower = cx.lower(verb);
            lower.starts_with("me")
                && !matches!(
                    lower,
                    "meskipun" | "mereka" | "menurut" | "media" | "mei" | "menit" | "merah"
                )
        };
        if !active {
            continue;
        }
        let mut last = verb - 1;
        while last > floor && cx.in_set(last, Section::SKIP_BEFORE_CUE) {
            last -= 1;
        }
        if tokens[last].is_capitalised(cx.text)
            && let Some(run) = names::run_backward(cx.text, tokens, last)
        {
            return Some(cx.name_mention(run));
        }
    }
    None
}

/// The speaker of the speech verb that a participle after `comma` continues: `he said, adding
/// that …`, `said Obama, adding …`, `Chaffetz said in a statement, adding …`. Looks back at
/// most twelve tokens, within the clause and not across a quotation mark.
fn participle_subject(cx: &mut Context<'_>, comma: usize, floor: usize) -> Option<Mention> {
    let tokens = cx.tokens;
    let mut k = comma;
    // `“…,” adding`: start before the quotation.
    if cx.is_quote_mark(k) {
        while k > floor && comma - k < MAX_CLAUSE_TOKENS && !cx.is_quote_mark(k - 1) {
            k -= 1;
        }
        k = k.saturating_sub(1);
    }
    let limit = k.saturating_sub(12).max(floor);
    while k > limit {
        k -= 1;
        if tokens[k].kind == Kind::Break || cx.is_quote_mark(k) || cx.is_stop(k) {
            return None;
        }
        // "even as he defended the campaign, saying": the nearest subject pronoun.
        if tokens[k].kind == Kind::Word && matches!(cx.lower(k), "he" | "she" | "they" | "we" | "i")
        {
            return Some(cx.token_mention(k, MentionKind::Pronoun));
        }
        if tokens[k].kind != Kind::Word || is_participle(cx.lower(k)) || cx.speech_cue(k).is_none()
        {
            continue;
        }
        // "said Obama, adding": the name after a verb in the inverted place (not the object
        // of "Trump attacked Clinton for …, saying").
        let inverted_place = k > floor && (cx.is_quote_mark(k - 1) || cx.is_punct(k - 1, &[',']));
        if inverted_place
            && tokens.get(k + 1).is_some_and(|t| t.is_capitalised(cx.text))
            && let Some(mention) = phrase_after(cx, k + 1).filter(|m| m.end <= tokens[comma].start)
        {
            return Some(mention);
        }
        // "“…,” he said, adding": the subject between the quotation (or clause start) and the verb.
        let mut from = k;
        while from > floor
            && k - from < MAX_CLAUSE_TOKENS
            && !cx.is_quote_mark(from - 1)
            && !cx.is_stop(from - 1)
            && tokens[from - 1].kind != Kind::Break
        {
            from -= 1;
        }
        if from < k {
            return subject_before(cx, k, from);
        }
        return None;
    }
    None
}

/// The determiner opening "the description on …" when token `inner` is the determiner after
/// its preposition and `last` ends the phrase: one or two plain words (no verb-like "-ed" or
/// function word) between the determiners and after the inner one, and the outer determiner
/// at a phrase boundary.
fn outer_determiner(
    cx: &mut Context<'_>,
    inner: usize,
    last: usize,
    floor: usize,
) -> Option<usize> {
    let tokens = cx.tokens;
    let plain = |cx: &mut Context<'_>, i: usize| {
        cx.tokens[i].kind == Kind::Word && {
            let lower = cx.lower(i);
            !lower.ends_with("ed") && !crate::language::is_function_word(lower)
        }
    };
    if last > inner + 3 || !(inner + 1..=last).all(|i| plain(cx, i)) {
        return None;
    }
    let preposition = inner.checked_sub(1)?;
    if tokens[preposition].kind != Kind::Word || !is_phrase_preposition(cx.lower(preposition)) {
        return None;
    }
    for outer in [preposition.checked_sub(2)?, preposition.checked_sub(3)?] {
        if outer < floor || tokens[outer].kind != Kind::Word {
            return None;
        }
        let plain_between =
            (outer + 1..preposition).all(|i| !tokens[i].is_capitalised(cx.text) && plain(cx, i));
        let lexicon = cx.lexicon;
        if plain_between
            && lexicon.determiners.contains(cx.lower(outer))
            && phrase_starts_at(cx, outer, floor)
        {
            return Some(outer);
        }
    }
    None
}

/// Whether a noun phrase may start at token `i`: at `floor`, or after a clause's
/// punctuation, a quotation mark or a line break.
fn phrase_starts_at(cx: &Context<'_>, i: usize, floor: usize) -> bool {
    cx.clause_starts_at(i, floor) || cx.is_punct(i - 1, &[';', ':'])
}

/// A noun phrase ending at token `last` and opened by a determiner right after a clause
/// boundary (with a prepositional phrase inside: "the description on the website"), at
/// most twelve words long. English only: an Indonesian phrase puts its
/// modifiers after the noun ("Seorang penghuni gedung itu tampak simpatik, tetapi tetap").
fn determiner_phrase(cx: &mut Context<'_>, last: usize, floor: usize) -> Option<Mention> {
    let tokens = cx.tokens;
    if !cx.english || tokens[last].kind != Kind::Word {
        return None;
    }
    let mut k = last;
    for _ in 0..12 {
        // "the public, in what State Department whistleblowers believed", "a story in which
        // Democratic sources said": "what", or "which" after a preposition, opens a clause of
        // its own whose subject is the noun phrase after it (not "was first" of "which was
        // first reported"; a bare "which" may be the subject itself: "which examines").
        let opens_clause = tokens[k].kind == Kind::Word
            && match cx.lower(k) {
                "what" => true,
                "which" | "whom" => {
                    k > floor && tokens[k - 1].kind == Kind::Word && is_preposition(cx.lower(k - 1))
                }
                _ => false,
            };
        if k < last && opens_clause {
            if cx.in_set(k + 1, Section::PRONOUNS) {
                return Some(cx.token_mention(k + 1, MentionKind::Pronoun));
            }
            let mut clause = k + 1..=last;
            if clause.any(|i| {
                tokens[i].kind == Kind::Word
                    && cx.in_set(i, Section::SKIP_BEFORE_CUE | Section::CONJUNCTIONS)
            }) {
                return None;
            }
            if let Some(run) =
                names::run_forward(cx.text, tokens, k + 1).filter(|run| run.1 == last + 1)
            {
                return Some(cx.name_mention(run));
            }
            return Some(Mention {
                start: tokens[k + 1].start,
                end: tokens[last].end,
                kind: MentionKind::Description,
                role: None,
            });
        }
        // A possessive name works as a determiner: "Obama's former campaign strategist".
        let possessive = tokens[k].is_capitalised(cx.text) && is_possessive(cx.lower(k));
        if tokens[k].kind == Kind::Word
            && (cx.lexicon.determiners.contains(cx.lower(k)) || (possessive && k < last))
        {
            // "the description on the website": a determiner, a noun or two and a
            // preposition before this one open the description.
            // A clause's subject may also follow "and", "but", "while" or "as".
            let after_conjunction = k > floor
                && tokens[k - 1].kind == Kind::Word
                && matches!(cx.lower(k - 1), "and" | "but" | "while" | "as");
            let start = if phrase_starts_at(cx, k, floor) || after_conjunction {
                Some(k)
            } else {
                outer_determiner(cx, k, last, floor)
            };
            return start.map(|start| Mention {
                start: tokens[start].start,
                end: tokens[last].end,
                kind: MentionKind::Description,
                role: None,
            });
        }
        // "the bespectacled, 71-year-old diplomat": adjectives, ages and their commas.
        let adjective_comma = k >= 2
            && k - 1 > floor
            && cx.is_punct(k - 1, &[','])
            && tokens[k - 2].kind == Kind::Word
            && !tokens[k - 2].is_capitalised(cx.text)
            && (tokens[k].kind == Kind::Number || !tokens[k].is_capitalised(cx.text));
        if k == floor
            || k == 0
            || !(matches!(tokens[k - 1].kind, Kind::Word | Kind::Number)
                || cx.is_punct(k - 1, &['-'])
                || adjective_comma)
        {
            return None;
        }
        k -= 1;
    }
    None
}

/// The first pronoun or name of the clause `floor..cue`.
fn sentence_subject(cx: &mut Context<'_>, floor: usize, cue: usize) -> Option<Mention> {
    let tokens = cx.tokens;
    // "In an AP interview Monday, Sanders …": past the lead-in.
    if cx.english
        && let Some(subject) = opening_subject(cx, floor, cue)
    {
        return Some(subject);
    }
    // "JAKARTA, KOMPAS.com - Xiaomi mengumumkan": the dateline is no subject.
    let start = after_dateline(cx, floor, cue);
    let mut i = start;
    while i < cue {
        if cx.in_set(i, Section::PRONOUNS) {
            return Some(cx.token_mention(i, MentionKind::Pronoun));
        }
        // "Seorang penghuni gedung itu … mengatakan": a description opening the sentence, not
        // the name "Seorang" (inside it, "dalam sebuah wawancara" is no subject).
        if i == start && opens_description(cx, i) {
            return determined_description(cx, i, cue);
        }
        if let Some(run) = names::run_forward(cx.text, tokens, i) {
            let core = names::core(cx.text, tokens, run, cx.lexicon);
            let lower: String = crate::text::lowercase(tokens[core.0].text(cx.text));
            if !cx.lexicon.is_opener(&lower) {
                return Some(cx.name_mention(run));
            }
            i = run.1;
            continue;
        }
        i += 1;
    }
    None
}

/// An Indonesian description closed by a demonstrative just before the verb ("Pria 26 tahun
/// itu mengaku", "Mantan presenter Insert itu menambahkan", "Politikus Partai NasDem itu
/// menyebut"): the whole phrase, from its clause's start, is the subject. Its capitalised
/// first word is no name, and a name inside it ("Insert", "NasDem") is not who spoke.
fn demonstrative_description(cx: &mut Context<'_>, floor: usize, cue: usize) -> Option<Mention> {
    /// Longer phrases are clauses, not descriptions.
    const LONGEST: usize = 7;
    if cx.english {
        return None;
    }
    let tokens = cx.tokens;
    let mut end = cue;
    while end > floor && cx.in_set(end - 1, Section::SKIP_BEFORE_CUE) {
        end -= 1;
    }
    if end <= floor + 1 || !lexicon::is_demonstrative(cx.lower(end - 1)) {
        return None;
    }
    let demonstrative = end - 1;
    let mut start = demonstrative;
    while start > floor
        && demonstrative - start < LONGEST
        && matches!(tokens[start - 1].kind, Kind::Word | Kind::Number)
    {
        start -= 1;
    }
    let at_clause_start = cx.clause_starts_at(start, floor);
    // "Sementara itu", "Selain itu": a lead-in, not a description; "Para pedagang itu" is one.
    let first = cx.lower(start).to_string();
    let lead_in = cx.lexicon.is_opener(&first) && !lexicon::is_person_article(&first);
    // "Budi saat itu mengatakan", "Budi dalam kesempatan itu menegaskan": a time or a
    // place after the subject, not a description.
    let adjunct = (start + 1..demonstrative).any(|i| cx.in_set(i, Section::ADJUNCT_OPENERS));
    (start < demonstrative
        && !adjunct
        && at_clause_start
        && !lead_in
        && tokens[start].kind == Kind::Word
        && !cx.in_set(start, Section::PRONOUNS))
    .then(|| Mention {
        start: tokens[start].start,
        end: tokens[demonstrative].end,
        kind: MentionKind::Description,
        role: None,
    })
}

/// The subject between a quotation and a following verb: `"…," Smith said`.
fn subject_between(cx: &mut Context<'_>, from: usize, cue: usize) -> Option<Mention> {
    let tokens = cx.tokens;
    for i in from..cue {
        if cx.in_set(i, Section::PRONOUNS) {
            return Some(cx.token_mention(i, MentionKind::Pronoun));
        }
    }
    let mut last = cue;
    while last > from {
        last -= 1;
        if cx.is_punct(last, &[')']) {
            // "Rep. Gwen Moore (D-Wis.) said": skip the parenthesis.
            while last > from && !cx.is_punct(last, &['(']) {
                last -= 1;
            }
            continue;
        }
        if cx.is_punct(last, &['(']) || !cx.in_set(last, Section::SKIP_BEFORE_CUE) {
            break;
        }
    }
    // "Scott Pruitt, the attorney general of Oklahoma, said": the name before the apposition.
    if let Some(run) =
        names::run_forward(cx.text, tokens, from).filter(|r| r.1 < cue && comma_after_name(cx, r.1))
    {
        return Some(cx.name_mention(run));
    }
    if cx.english
        && let Some(run) = affiliated_name(cx, from, cue)
    {
        return Some(cx.name_mention(run));
    }
    // "Sanders's campaign manager, Jeff Weaver, said": the name closing the apposition.
    if cx.english
        && last > from
        && cx.is_punct(last, &[','])
        && let Some(run) = names::run_backward(cx.text, tokens, last - 1)
            .filter(|r| r.0 > from && cx.is_punct(r.0 - 1, &[',']))
    {
        return Some(cx.name_mention(run));
    }
    // "as one neo-bank CEO told me": a lone title after words describing it.
    if described_title(cx, last, from)
        && let Some(phrase) = determiner_phrase(cx, last, from)
    {
        return Some(phrase);
    }
    if let Some(run) = names::run_backward(cx.text, tokens, last).filter(|r| r.0 >= from) {
        return Some(cx.name_mention(run));
    }
    if let Some(phrase) = determiner_phrase(cx, last, from) {
        return Some(phrase);
    }
    // `"…," federal prosecutors wrote`: up to three plain words that are not a clause's start.
    let plain = (from..=last).all(|i| tokens[i].kind == Kind::Word)
        && last + 1 - from <= 3
        && !cx.in_set(
            from,
            Section::CONJUNCTIONS | Section::STOP_AFTER_SPEAKER | Section::SKIP_BEFORE_CUE,
        )
        && !matches!(
            cx.lower(from),
            "and" | "but" | "while" | "which" | "who" | "that"
        );
    (plain && cx.english).then(|| Mention {
        start: tokens[from].start,
        end: tokens[last].end,
        kind: MentionKind::Description,
        role: None,
    })
}

/// Whether token `i` is an English title standing alone after words that describe it ("one
/// neo-bank CEO", "a Silicon Valley CEO"): with its determiner, a description, not a name.
fn described_title(cx: &mut Context<'_>, i: usize, floor: usize) -> bool {
    let tokens = cx.tokens;
    cx.english
        && i > floor + 1
        && cx.in_set(i, Section::TITLES)
        && (tokens[i - 1].kind == Kind::Word
            && !tokens[i - 1].is_capitalised(cx.text)
            && !cx.lexicon.determiners.contains(cx.lower(i - 1)))
}

/// `"…," Jeffrey Lewis of the James Martin Center wrote`, `"…," nuclear experts David
/// Albright of the institute wrote`: a person named first, with up to three role words
/// before, and then "of" or "at" their organisation. The person spoke, not the organisation
/// nearest the cue. A run of titles alone ("Secretary of State John Kerry") is not a person.
fn affiliated_name(cx: &mut Context<'_>, from: usize, cue: usize) -> Option<Run> {
    let tokens = cx.tokens;
    let mut start = from;
    while start < cue
        && start - from < 3
        && tokens[start].kind == Kind::Word
        && !tokens[start].is_capitalised(cx.text)
    {
        start += 1;
    }
    let run = names::run_forward(cx.text, tokens, start).filter(|r| r.1 + 1 < cue)?;
    let only_titles = (run.0..run.1).all(|i| cx.in_set(i, Section::TITLES));
    let affiliated = tokens[run.1].kind == Kind::Word && matches!(cx.lower(run.1), "of" | "at");
    (affiliated && !only_titles && run.1 - run.0 >= 2).then_some(run)
}

/// An English present participle ("saying", "going", "telling"), lower-cased: it opens a
/// clause that shares the sentence's subject.
pub(crate) fn is_participle(lower: &str) -> bool {
    lower.len() > 4 && lower.ends_with("ing")
}

/// A possessive ("Obama's", "Trump’s", "voters'"): what follows it is a noun.
pub(super) fn is_possessive(word: &str) -> bool {
    names::without_possessive(word) != word || word.ends_with("s'")
}

/// Whether an English cue word (lower-cased) is a verb, not a noun like "statement": a past
/// form or a present one of the verbs an object relative clause takes ("which critics say").
fn is_speech_verb(lower: &str) -> bool {
    lower.ends_with("ed")
        || matches!(
            lower.strip_suffix('s').unwrap_or(lower),
            "say"
                | "claim"
                | "argue"
                | "contend"
                | "allege"
                | "suggest"
                | "describe"
                | "call"
                | "believe"
                | "insist"
        )
}

/// "told", "tells", "telling" (lower-cased): who follows was told, and never spoke.
pub(super) fn is_telling(lower: &str) -> bool {
    matches!(lower, "told" | "tells" | "tell" | "telling")
}

/// Past a dateline that opens a sentence ("NEW YORK -", "WASHINGTON, Dec. 8 (UPI) —",
/// "Washington (AFP) –"): capitalised words, numbers and the agency, then a dash.
fn after_dateline(cx: &mut Context<'_>, first: usize, end: usize) -> usize {
    let tokens = cx.tokens;
    let limit = end.min(first + 10);
    let Some(dash) = (first..limit).find(|&i| cx.is_punct(i, &['-', '–', '—', '―'])) else {
        return first;
    };
    let dateline = dash > first
        && (first..dash).all(|i| match tokens[i].kind {
            // "KOMPAS.com", "Liputan6.com": a site's domain after its name.
            Kind::Word => {
                tokens[i].is_capitalised(cx.text)
                    || (i > first && !tokens[i].space_before && cx.is_punct(i - 1, &['.']))
            }
            Kind::Number => true,
            Kind::Break => false,
            _ => cx.is_punct(i, &[',', '.', '(', ')']),
        });
    // "JAKARTA -", "Palembang, Kabar Kota -", "WASHINGTON (Reuters) -"; not a name and an
    // apposition ("Kall -- co-editor of …").
    let dateline = dateline
        && ((first..dash).any(|i| cx.is_punct(i, &[',', '(']))
            || (first..dash).all(|i| {
                tokens[i].kind != Kind::Word
                    || tokens[i].text(cx.text).chars().all(|c| !c.is_lowercase())
            }));
    if dateline && dash + 1 < end {
        dash + 1
    } else {
        first
    }
}

/// Whether a lower-case English word is a finite auxiliary or modal ("will", "is", "has"):
/// after a noun it makes a clause, so the noun is a subject, not a speaker after a cue.
pub(crate) fn is_finite_auxiliary(lower: &str) -> bool {
    matches!(
        lower,
        "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "shall"
            | "may"
            | "might"
            | "must"
            | "is"
            | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "does"
            | "do"
            | "did"
    )
}

/// Whether a lower-case English word opens an adjunct after a speech verb rather than what
/// was said: "said in an interview", "said while visiting …", "told reporters on Tuesday",
/// "said citing …".
pub(crate) fn opens_adjunct(lower: &str) -> bool {
    is_preposition(lower)
        || is_participle(lower)
        || matches!(
            lower,
            "while" | "when" | "as" | "before" | "later" | "earlier" | "then"
        )
}

/// Whether a lower-case English word opens a reported clause ("that", "whether", "how").
pub(crate) fn is_complementizer(lower: &str) -> bool {
    matches!(
        lower,
        "that" | "whether" | "if" | "how" | "what" | "why" | "when" | "where"
    )
}

/// "were told", "was asked", "was charged": the subject of a passive cue did not speak.
pub(crate) fn is_passive_address(cx: &mut Context<'_>, k: usize) -> bool {
    let lower = cx.lower(k);
    let questioned = matches!(lower, "asked" | "questioned" | "pressed");
    (lower.ends_with("ed")
        || matches!(
            lower,
            "told" | "said" | "written" | "thought" | "known" | "seen" | "shown" | "understood"
        ))
        && k > 0
        && cx.tokens[k - 1].kind == Kind::Word
        && (matches!(
            cx.lower(k - 1),
            "was" | "were" | "been" | "being" | "is" | "are" | "be"
        )
            // "who told Congress when asked about it: "…"": a reduced passive clause.
            || questioned && matches!(cx.lower(k - 1), "when" | "if"))
}

/// Whether an English conjunction opens a clause that sets the scene for what is said, not
/// what is said: "when", "while", "because", "if" … ("as" is not one: "as Trump said").
pub(super) fn opens_setting(lower: &str) -> bool {
    matches!(
        lower,
        "when" | "while" | "because" | "since" | "if" | "until" | "although" | "though"
    )
}

/// Whether a lower-case word joins the parts of a role: "kuasa hukum Mensesneg dan PPKGBK",
/// "Secretary of State", "Direktur Jenderal Strategi Ekonomi dan Fiskal".
fn joins_roles(lower: &str) -> bool {
    matches!(
        lower,
        "dan" | "serta" | "untuk" | "bidang" | "of" | "and" | "for"
    )
}

/// Whether the Indonesian phrase before the comma at `comma` is a role of capitalised words,
/// opened by a title in its first two words: "Kepala Daker Madinah", "Corporate Secretary
/// Siantar Top", "Direktur Jenderal Strategi Ekonomi dan Fiskal Kemenkeu". A name in
/// apposition after it is the one it describes.
fn titled_phrase_before(cx: &mut Context<'_>, comma: usize, floor: usize) -> bool {
    let tokens = cx.tokens;
    let mut k = comma;
    while k > floor
        && tokens[k - 1].kind == Kind::Word
        && (tokens[k - 1].is_capitalised(cx.text) || joins_roles(cx.lower(k - 1)))
        && comma - k < 12
    {
        k -= 1;
    }
    let opening = (k..comma.min(k + 2)).any(|i| cx.in_set(i, Section::TITLES));
    // Only a whole clause opening: not "… kepada Menteri Keuangan, Sri Mulyani, …".
    opening && (k == floor || tokens[k - 1].kind != Kind::Word)
}

/// In English, the subject whose phrase of place ("in", "at", "from" …) ends with the name
/// `run` right before a speech verb: the noun phrase back to the clause's start ("Some
/// delegates at the convention in Philadelphia", "Clinton's biggest boosters in New
/// Hampshire"), or the name before the preposition ("Sanders in Iowa"). None when no such
/// preposition stands before `run`.
fn subject_around_place(cx: &mut Context<'_>, run: Run, floor: usize) -> Option<Mention> {
    let tokens = cx.tokens;
    if !cx.english || run.0 < floor + 2 || tokens[run.0 - 1].kind != Kind::Word {
        return None;
    }
    // Where, not whose: "a spokesman for Google" and "the mayor of Chicago" stay the names'.
    if !matches!(
        cx.lower(run.0 - 1),
        "in" | "at" | "from" | "across" | "near" | "outside" | "inside"
    ) {
        return None;
    }
    let head = run.0 - 2;
    if tokens[head].kind != Kind::Word {
        return None;
    }
    if tokens[head].is_capitalised(cx.text) {
        return names::run_backward(cx.text, tokens, head)
            .filter(|r| r.0 >= floor)
            .map(|r| cx.name_mention(r));
    }
    // Back over the words of the noun phrase to the clause's start.
    let mut start = head;
    while start > floor
        && head - start < 8
        && tokens[start - 1].kind == Kind::Word
        && !cx.in_set(start - 1, Section::CONJUNCTIONS)
        && !matches!(cx.lower(start - 1), "who" | "which" | "that")
    {
        start -= 1;
    }
    let first = cx.lower(start).to_string();
    // "Trump, speaking at a rally in Wilmington, warned": the participle's subject.
    if is_participle(&first) {
        return (start > floor + 1 && cx.is_punct(start - 1, &[',']))
            .then(|| names::run_backward(cx.text, tokens, start - 2))
            .flatten()
            .filter(|r| r.0 >= floor)
            .map(|r| cx.name_mention(r));
    }
    // "with the campaign of … saying": no subject opens with a preposition.
    if is_preposition(&first) {
        return None;
    }
    (start == floor || tokens[start - 1].kind != Kind::Word).then(|| Mention {
        start: tokens[start].start,
        end: tokens[run.1 - 1].end,
        kind: MentionKind::Description,
        role: None,
    })
}

/// In English, people named by a name used as a modifier, ending at token `last` before
/// their verb: "Clinton aides", "Trump supporters", "Senate Republican leaders", "Sanders
/// campaign officials". The name opens the clause; one or two plain words follow, the last a
/// plural or a word for a person.
fn named_group(cx: &mut Context<'_>, last: usize, floor: usize) -> Option<Mention> {
    let tokens = cx.tokens;
    if !cx.english || tokens[last].kind != Kind::Word || tokens[last].is_capitalised(cx.text) {
        return None;
    }
    let head = cx.lower(last).to_string();
    let lexicon = cx.lexicon;
    let people = head.len() > 3 && head.ends_with('s') && !head.ends_with("ss")
        || lexicon.heads_a_person(&head);
    if !people {
        return None;
    }
    // One plain word may stand before the last ("Sanders campaign officials").
    let first = if last > floor
        && tokens[last - 1].kind == Kind::Word
        && !tokens[last - 1].is_capitalised(cx.text)
    {
        last - 1
    } else {
        last
    };
    let plain = (first..=last).all(|i| {
        let lower = cx.lower(i);
        !crate::language::is_function_word(lower)
            && !lower.ends_with("ed")
            && !lower.ends_with("ly")
            && !cx.in_set(i, Section::SKIP_BEFORE_CUE | Section::CONJUNCTIONS)
    });
    if !plain || first == 0 {
        return None;
    }
    let run = names::run_backward(cx.text, tokens, first - 1)
        .filter(|r| r.1 == first && r.0 >= floor && cx.clause_starts_at(r.0, floor))?;
    // A sentence-opening word alone is no name ("Many voters said").
    if run.1 - run.0 == 1 && {
        let lower = cx.lower(run.0).to_string();
        cx.lexicon.is_opener(&lower) || cx.lexicon.determiners.contains(lower.as_str())
    } {
        return None;
    }
    Some(Mention {
        start: tokens[run.0].start,
        end: tokens[last].end,
        kind: MentionKind::Description,
        role: None,
    })
}

/// In English, the person's name before "of" and a place or organisation run `run`:
/// "Senator John Cornyn of Texas", "Gov. Earl Ray Tomblin of West Virginia".
fn person_before_of(cx: &mut Context<'_>, run: Run, floor: usize) -> Option<Run> {
    let tokens = cx.tokens;
    if !cx.english
        || run.0 <= floor + 1
        || tokens[run.0 - 1].kind != Kind::Word
        || cx.lower(run.0 - 1) != "of"
    {
        return None;
    }
    names::run_backward(cx.text, tokens, run.0 - 2).filter(|p| p.0 >= floor && p.1 - p.0 >= 2)
}

/// The "(" that the ")" at token `close` closes, within twelve tokens and after `floor`:
/// "Paul D. Ryan (R-Wis.)".
fn opening_parenthesis(cx: &Context<'_>, close: usize, floor: usize) -> Option<usize> {
    (close.saturating_sub(12).max(floor)..close)
        .rev()
        .find(|&i| cx.is_punct(i, &['(']))
        .filter(|&open| open > floor)
}

/// Whether a comma follows a name ending before token `end`, past a parenthesis for party and
/// state: "Scott Pruitt, …", "Rep. Jim Jordan (R-Ohio), …".
fn comma_after_name(cx: &Context<'_>, end: usize) -> bool {
    let tokens = cx.tokens;
    let mut after = end;
    if after < tokens.len() && cx.is_punct(after, &['(']) {
        while after + 1 < tokens.len() && after < end + 8 && !cx.is_punct(after, &[')']) {
            after += 1;
        }
        after += 1;
    }
    after < tokens.len() && cx.is_punct(after, &[','])
}
