//! Quotations: which marked spans are quotations, who said each (own cue, else the chain it
//! belongs to, else the sentence before), reported speech without marks, and speakers'
//! names in their fullest form.

use super::QuoteKind;
use super::attribution::{self, Attribution, Context, Mention, MentionKind};
use super::lexicon::Lexicon;
use super::marks::{self, Marked};
use super::names::{CommonWords, Honorific, NameIndex};
use super::sentences::{self, Sentence};
use super::tokens::{Kind, Token};

/// A quotation found in the text; byte offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub kind: QuoteKind,
    pub start: usize,
    pub end: usize,
    pub mention: Option<Mention>,
    pub cue: Option<(usize, usize)>,
    pub speaker: Option<String>,
    pub role: Option<String>,
}

/// The quotation and sentence layer of an analysis.
pub struct Findings {
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Found>,
}

/// A marked span with what was learned about it.
struct Candidate {
    marked: Marked,
    paragraph: usize,
    /// The token of the opening mark (or the first content token when it is missing).
    open_token: usize,
    attribution: Option<Attribution>,
    /// True when the attribution is the quotation's own, not its chain's.
    own: bool,
    /// True when it comes right after the previous quotation's attribution, in the same
    /// paragraph: it goes on with that speaker rather than the next quotation's.
    continues_speech: bool,
}

/// Quotations with fewer words than this need their own attribution to count.
const SHORT_QUOTE_WORDS: usize = 3;
/// The most bytes between a quotation's attribution and a short sentence that goes on with
/// it (`," O'Donnell said. "`).
const CONTINUATION_GAP: usize = 60;
/// How many paragraphs back a quotation without a cue may take its chain's speaker from.
const CHAIN_PARAGRAPHS: usize = 2;

/// `language` decides one convention: English news quotes single words to attribute them
/// (`called her "disgusting"`); Indonesian news puts single words in marks as scare quotes.
pub fn find(text: &str, tokens: &[Token], lexicon: &Lexicon, language: Option<&str>) -> Findings {
    let mut marked = Vec::new();
    let mut paragraph_of = Vec::new();
    let mut start = 0;
    for (paragraph, line) in text.split('\n').enumerate() {
        let before = marked.len();
        marks::marked_spans(text, start, start + line.len(), lexicon, &mut marked);
        paragraph_of.extend(std::iter::repeat_n(paragraph, marked.len() - before));
        start += line.len() + 1;
    }
    let sentences = sentences::sentences(text, tokens, &marked, lexicon);
    let mut cx = Context::new(text, tokens, lexicon);
    cx.english = language == Some("en");
    let token_at = |byte: usize| tokens.partition_point(|t| t.start < byte);
    let sentence_floor = |token: usize| {
        let s = sentences.partition_point(|s| s.first_token <= token);
        s.checked_sub(1).map_or(0, |s| sentences[s].first_token)
    };

    let mut candidates: Vec<Candidate> = Vec::new();
    for (m, &paragraph) in marked.iter().zip(&paragraph_of) {
        let open_token = token_at(m.open.unwrap_or(m.start));
        // After the closing mark; for a quotation that lost it, after its content
        // ("…WFA,ungkap Nur").
        let after_from = m.close.map_or_else(|| token_at(m.end), |c| token_at(c) + 1);
        let ended_sentence = text[m.start..m.end].ends_with('.');
        let after = attribution::after(&mut cx, after_from, ended_sentence);
        // A paragraph that ends with a colon introduces the next: `Dr. Ward stated:` ⏎ `"…"`.
        let mut lead = open_token;
        while lead > 0 && lead + 3 > open_token && tokens[lead - 1].kind == Kind::Break {
            lead -= 1;
        }
        // English only: in Indonesian news such a colon more often ends a cited rule's
        // heading ("sebagaimana bunyi pasal 42 ayat (6):") than a speaker's frame.
        let colon_frame =
            cx.english && lead < open_token && lead > 0 && cx.is_punct(lead - 1, &[':']);
        let before = if colon_frame {
            attribution::before(&mut cx, lead, sentence_floor(lead - 1))
        } else {
            attribution::before(&mut cx, open_token, sentence_floor(open_token))
        };
        let attribution = match (before, after) {
            // "… is recorded in detail:" ⏎ `"…," she said`: the quotation's own cue wins
            // over a frame at the end of the paragraph before.
            (Some(_), Some(a)) if colon_frame => Some(a),
            // "Trump asserted that France had lost its identity: "…," he claimed.": a
            // colon after a word that is no cue yields to the quotation's own cue.
            (Some(b), Some(a)) if is_bare_colon_frame(&cx, &b) => Some(a),
            (Some(b), Some(a)) => {
                let before_gap = m.open.unwrap_or(m.start).saturating_sub(b.cue_end);
                let after_gap = a.cue_start.saturating_sub(m.outer_end(text));
                Some(if before_gap < after_gap { b } else { a })
            }
            (b, a) => a.or(b),
        };
        // `… "stagnant for a month" as donors waited, he said.`: the sentence's closing
        // attribution, past the window right after the quotation.
        let attribution = attribution.or_else(|| {
            let sentence = sentences.partition_point(|s| s.first_token <= open_token);
            let end = sentence.checked_sub(1).map(|i| sentences[i].end_token)?;
            attribution::sentence_tail(&mut cx, after_from, end)
        });
        // English reporters quote fragments of what the sentence's subject said inside their
        // own sentence (`Trump openly admires Putin as a "strong leader"`): the subject
        // attributes them when no cue does.
        let embedded =
            m.open.is_some() && open_token > 0 && tokens[open_token - 1].kind == Kind::Word;
        let attribution = attribution.or_else(|| {
            if !(cx.english && embedded) {
                return None;
            }
            let floor = sentence_floor(open_token);
            attribution::opening_subject(&mut cx, floor, open_token).map(Attribution::of_subject)
        });
        // `"It's taxing," O'Donnell said. "Big time."`: a short sentence right after its
        // speaker's attribution goes on with the quotation before it.
        let continues_speech = candidates.last().is_some_and(|previous| {
            let between = m
                .open
                .map(|open| &text[previous.marked.outer_end(text)..open]);
            previous.paragraph == paragraph
                && previous
                    .attribution
                    .is_some_and(|a| a.cue_start >= previous.marked.outer_end(text))
                && between.is_some_and(|b| {
                    b.len() <= CONTINUATION_GAP && b.trim_end().ends_with('.') && !b.contains('\n')
                })
        });
        let candidate = Candidate {
            marked: *m,
            paragraph,
            open_token,
            attribution,
            own: attribution.is_some(),
            continues_speech,
        };
        if is_quotation(
            &mut cx,
            &candidate,
            language == Some("en"),
            continues_speech,
        ) {
            candidates.push(candidate);
        }
    }
    // The quotations only: a title in marks ("On "Face the Nation," Sanders said …") quotes
    // no one.
    let quotations: Vec<Marked> = candidates.iter().map(|c| c.marked).collect();
    link_chains(&mut candidates, |candidate| {
        lead_in_attribution(&mut cx, &sentences, &quotations, candidate)
    });
    for candidate in candidates.iter_mut().filter(|c| c.attribution.is_none()) {
        let sentence = sentences.partition_point(|s| s.first_token <= candidate.open_token);
        if let Some(previous) = sentence.checked_sub(2).map(|i| sentences[i]) {
            // "Kemudian, dia menandatangani buku tamu. "…"": the sentence's subject wrote it,
            // in the same paragraph.
            let same_paragraph = !tokens[previous.end_token..candidate.open_token]
                .iter()
                .any(|t| t.kind == Kind::Break);
            candidate.attribution = sentence_attribution(&mut cx, previous, |_| same_paragraph);
        }
    }

    // The first word of a quotation is what was said, never who said it: a sentence that
    // opens with a quotation has no subject before it ("“We all miss Steve,” Benioff weighed
    // in, telling Cook, “…”" must not make "We" the speaker).
    let openings: Vec<usize> = candidates.iter().map(|c| c.marked.start).collect();
    let mut found: Vec<Found> = candidates
        .iter()
        .map(|c| {
            let attribution = c
                .attribution
                .filter(|a| openings.binary_search(&a.mention.start).is_err());
            Found {
                kind: QuoteKind::Direct,
                start: c.marked.start,
                end: c.marked.end,
                mention: attribution.map(|a| a.mention),
                cue: attribution.map(|a| (a.cue_start, a.cue_end)),
                speaker: None,
                role: None,
            }
        })
        .collect();
    found.extend(super::reported::reported_speech(
        &mut cx, &sentences, &found,
    ));
    found.sort_by_key(|f| f.start);
    // Sentence subjects matter only to resolve pronouns and descriptions.
    let needs_subjects = found.iter().any(|f| {
        f.mention.is_some_and(|m| {
            m.kind != MentionKind::Name
                || (!cx.english
                    && is_role_only(
                        m.role
                            .map_or(&text[m.start..m.end], |(a, _)| &text[a..m.end]),
                        lexicon,
                    ))
        })
    });
    // A heading's capitals and verbs ("Nora Ravel Blasts Harbor Board") are no name and no
    // subject to point back to.
    let headings = super::names::headings(text, tokens);
    let subjects: Vec<Mention> = if needs_subjects {
        let mut subjects = Vec::new();
        for s in sentences
            .iter()
            .filter(|s| !super::names::in_heading(&headings, s.first_token))
        {
            if let Some(subject) = attribution::opening_subject(&mut cx, s.first_token, s.end_token)
            {
                subjects.push(subject);
            }
            // "Hal itu disampaikan ketua majelis hakim Rosihan …": a passive's agent is
            // someone "hakim" or "ia" can point back to.
            if !cx.english
                && let Some(agent) = passive_agent(&mut cx, s.first_token, s.end_token)
            {
                subjects.push(agent);
            }
        }
        subjects
    } else {
        Vec::new()
    };
    resolve_speakers(
        text, tokens, lexicon, &mut found, &subjects, &headings, cx.english,
    );
    Findings {
        sentences,
        quotes: found,
    }
}

/// Whether an attribution before a quotation rests on nothing but a colon after a word that
/// is no cue ("… had lost its identity: "…""); a name's own colon ("Carl Bialik: "…"")
/// and a speech verb's ("Trump boomed: "…"") are cues.
fn is_bare_colon_frame(cx: &Context<'_>, attribution: &Attribution) -> bool {
    let text = cx.text;
    let word = &text[attribution.cue_start..attribution.cue_end];
    text[attribution.cue_end..].trim_start().starts_with(':')
        && word.chars().all(char::is_alphabetic)
        && {
            let lower = crate::text::lowercase(word);
            cx.lexicon.speech_cue(&lower).is_none()
                && !cx.lexicon.source_cues.contains(lower.as_str())
        }
}

/// Whether a marked span reproduces someone's words, rather than naming a title, a term, a
/// name or a scare-quoted word.
fn is_quotation(
    cx: &mut Context<'_>,
    candidate: &Candidate,
    single_words_attributable: bool,
    continues_speech: bool,
) -> bool {
    let (text, tokens) = (cx.text, cx.tokens);
    let m = &candidate.marked;
    let first = tokens.partition_point(|t| t.start < m.start);
    let end = tokens.partition_point(|t| t.start < m.end);
    let content = &tokens[first..end];
    let words = content.iter().filter(|t| t.kind == Kind::Word).count();
    if words == 0 {
        return false;
    }
    let has_sentence_punct = content.iter().any(|t| {
        t.kind == Kind::Punct
            && matches!(
                &text[t.start..t.end],
                "." | "," | "?" | "!" | "…" | ":" | ";"
            )
    });
    let open = candidate.open_token;
    let preceding_word = open
        .checked_sub(1)
        .filter(|&p| tokens[p].kind == Kind::Word && m.open.is_some());
    // Several lower-case words read as speech, not as a title ("which he called "an evil,
    // hateful act""); in English only the words that announce a title count before them.
    let long_content = content
        .iter()
        .filter(|t| t.kind == Kind::Word && t.end - t.start > 3);
    let (long, capitalised_long) = long_content.fold((0, 0), |(n, c), t| {
        (n + 1, c + usize::from(t.is_capitalised(text)))
    });
    let speech_like = cx.english && words >= 3 && capitalised_long * 2 < long;
    if m.open.is_some() && introduced_as_title(cx, open, speech_like) {
        return false;
    }
    // Names and titles: (nearly) every word capitalised, no sentence punctuation at the end.
    let long_words: Vec<&Token> = content
        .iter()
        .filter(|t| t.kind == Kind::Word && t.end - t.start > 3)
        .collect();
    let capitalised = long_words.iter().filter(|t| t.is_capitalised(text)).count();
    let ends_like_speech = text[m.start..m.end].ends_with(['.', ',', '!', '?', '…']);
    if !long_words.is_empty()
        && capitalised * 4 >= long_words.len() * 3
        && !ends_like_speech
        && words <= 14
    {
        return false;
    }
    // English puts a title's comma or period inside the marks: `on CBS's "Face the Nation,"`.
    // Inside a sentence, a few capitalised words are a title even so.
    if cx.english
        && preceding_word.is_some()
        && !long_words.is_empty()
        && capitalised == long_words.len()
        && words <= 5
        && !text[m.start..m.end].ends_with(['!', '?'])
    {
        return false;
    }
    // An attribute's value in scraped markup (`author="@handle"`) is no quotation, nor is a
    // link someone pasted in marks ("https://…").
    if m.open.is_some_and(|open| text[..open].ends_with('=')) {
        return false;
    }
    let quoted = text[m.start..m.end].trim_start();
    if ["http://", "https://", "www."].iter().any(|scheme| {
        quoted
            .get(..scheme.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
    }) && !quoted.trim_end().contains(' ')
    {
        return false;
    }
    let own_cue = candidate.own;
    let embedded = preceding_word.is_some();
    // Short marked text is a quotation only with its own attribution: a fragment the
    // sentence attributes (`menyebut Musk telah "keluar jalur"`), or a short reply.
    let continuation = continues_speech && !embedded && ends_like_speech;
    if words < SHORT_QUOTE_WORDS
        && !continuation
        && !(own_cue
            && (has_sentence_punct || words >= 2 || (embedded && single_words_attributable)))
    {
        return false;
    }
    // A fragment inside the reporter's sentence ("menyebut Musk telah "keluar jalur"") is a
    // quotation only when the sentence attributes it.
    !embedded || own_cue
}

/// Words up to six back from an opening mark (within the sentence, or across a line ending
/// with ":") that make the marked text a title, theme or term: "bertajuk", "Tonton juga",
/// "Tema besar … adalah:". A speech cue in between wins ("kata Budi, "…"").
fn introduced_as_title(cx: &mut Context<'_>, open: usize, speech_like: bool) -> bool {
    let tokens = cx.tokens;
    let mut k = open;
    let mut words = 0;
    while k > 0 && words < 6 {
        k -= 1;
        let token = tokens[k];
        if token.kind == Kind::Break {
            if k > 0 && cx.is_punct(k - 1, &[':']) {
                continue;
            }
            return false;
        }
        if cx.is_quote_mark(k) || cx.is_punct(k, &['.', '!', '?']) {
            return false;
        }
        if token.kind != Kind::Word {
            continue;
        }
        words += 1;
        let lexicon = cx.lexicon;
        let lower = cx.lower(k);
        if lexicon.speech_cue(lower).is_some()
            && !(words == 1 && lexicon.title_cues.contains(lower))
        {
            return false;
        }
        if speech_like {
            if words == 1 && TITLE_ANNOUNCING_CUES.contains(&lower) {
                return true;
            }
            continue;
        }
        if lexicon.title_cues.contains(lower)
            && (words == 1 || !ADJACENT_ONLY_TITLE_CUES.contains(&lower))
        {
            return true;
        }
    }
    false
}

/// English words that announce a title or a slogan even before speech-like words
/// (`a video titled "how the system is rigged"`).
const TITLE_ANNOUNCING_CUES: &[&str] = &[
    "titled",
    "entitled",
    "headlined",
    "dubbed",
    "hashtag",
    "slogan",
    "motto",
    "tagline",
    "headline",
    "banner",
    "sign",
    "signs",
    "reading",
    "label",
];

/// Title cues that only count right before the mark ("kata "X"" is the word X; "kata Budi,
/// "…"" is a quotation).
const ADJACENT_ONLY_TITLE_CUES: &[&str] = &[
    "kata", "nama", "label", "called", "named", "word", "words", "reading", "kalimat", "tulisan",
];

/// Quotations without their own cue take their chain's: the following quotation's in the
/// same or next paragraph if it has one, else the one `lead_in` finds in the sentence before
/// (see [`lead_in_attribution`]), else the preceding quotation's.
fn link_chains(
    candidates: &mut [Candidate],
    mut lead_in: impl FnMut(&Candidate) -> Option<Attribution>,
) {
    for i in (0..candidates.len()).rev() {
        if candidates[i].attribution.is_some() {
            continue;
        }
        // "“…,” Rubio said. “They told me we had no chance.” His campaign manager, Alex
        // Conant, …": Rubio goes on; the next quotation's speaker is someone else's.
        if candidates[i].continues_speech {
            continue;
        }
        if let Some(next) = candidates.get(i + 1) {
            let same_or_next = next.paragraph <= candidates[i].paragraph + 1;
            if same_or_next
                && next.attribution.is_some()
                && (next.paragraph == candidates[i].paragraph
                    || candidates[i].marked.close.is_none())
            {
                candidates[i].attribution = next.attribution;
            }
        }
    }
    for i in 0..candidates.len() {
        if candidates[i].attribution.is_some() {
            continue;
        }
        if let Some(attribution) = lead_in(&candidates[i]) {
            candidates[i].attribution = Some(attribution);
        } else if i > 0 && candidates[i].paragraph <= candidates[i - 1].paragraph + CHAIN_PARAGRAPHS
        {
            candidates[i].attribution = candidates[i - 1].attribution;
        }
    }
}

/// Who a reporter's sentence says speaks in the quotation after it: its speech cue's
/// subject, unless the cue asks (`[question-cues]`: after "callers asked how much he was
/// paid" the answer is someone else's); else the subject it opens with, when
/// `subject_speaks` lets that subject speak.
fn sentence_attribution(
    cx: &mut Context<'_>,
    sentence: Sentence,
    subject_speaks: impl Fn(&Mention) -> bool,
) -> Option<Attribution> {
    let (text, lexicon) = (cx.text, cx.lexicon);
    let asks = |cued: &Attribution| {
        let cue = crate::text::lowercase(&text[cued.cue_start..cued.cue_end]);
        lexicon.question_cues.contains(cue.as_str())
    };
    attribution::in_sentence(cx, sentence.first_token, sentence.end_token)
        .filter(|cued| !asks(cued))
        .or_else(|| {
            acting_subject(cx, sentence.first_token, sentence.end_token)
                .filter(subject_speaks)
                .map(Attribution::of_subject)
        })
}

/// The subject that opens a sentence, unless the sentence is a passive: in "Momen itu
/// dibagikan Cyril Benzaquen …" the moment was shared, and the one who acted is the name after
/// the verb (or after "oleh"), if any; "X have been accused of …" names no one who spoke.
/// The named agent of an Indonesian passive verb of speech among a sentence's first words:
/// "Hal itu disampaikan ketua majelis hakim Rosihan Juhriah Rangkuti …", "… diungkapkan oleh
/// Budi".
fn passive_agent(cx: &mut Context<'_>, first: usize, end: usize) -> Option<Mention> {
    let tokens = cx.tokens;
    // Only a verb of speech (`[passive-speech-cues]`): the agent of "diteken" or "diunggah"
    // signed or posted, and a pronoun after it may mean someone else.
    let verb = (first..end.min(first + 4)).find(|&k| {
        tokens[k].kind == Kind::Word && {
            let lexicon = cx.lexicon;
            lexicon.passive_speech_cues.contains(cx.lower(k))
        }
    })?;
    named_agent(cx, verb, end)
}

/// The name after the Indonesian passive verb at token `verb`, past "oleh" ("dibagikan Cyril
/// Benzaquen", "diungkapkan oleh Budi").
fn named_agent(cx: &mut Context<'_>, verb: usize, end: usize) -> Option<Mention> {
    let tokens = cx.tokens;
    let mut agent = verb + 1;
    if agent < end && tokens[agent].kind == Kind::Word && cx.lower(agent) == "oleh" {
        agent += 1;
    }
    attribution::phrase_after(cx, agent).filter(|m| m.kind == MentionKind::Name)
}

fn acting_subject(cx: &mut Context<'_>, first: usize, end: usize) -> Option<Mention> {
    let mention = attribution::opening_subject(cx, first, end)?;
    let tokens = cx.tokens;
    let mut next = tokens.partition_point(|t| t.start < mention.end);
    if cx.english {
        // "Russia and the Syrian government have been accused of …": the same in English.
        // The verb comes within a few words, before any comma.
        let clause_end = (next..end.min(next + 8))
            .find(|&k| tokens[k].kind != Kind::Word)
            .unwrap_or(end.min(next + 8));
        let passive = (next + 1..clause_end).any(|k| attribution::is_passive_address(cx, k));
        return (!passive).then_some(mention);
    }
    while next < end && tokens[next].kind == Kind::Word && is_demonstrative(cx.lower(next)) {
        next += 1;
    }
    let passive = next < end && tokens[next].kind == Kind::Word && {
        let word = cx.lower(next);
        word.len() >= 6
            && word
                .strip_prefix("di")
                .is_some_and(|rest| rest.bytes().all(|b| b.is_ascii_lowercase()))
    };
    if !passive {
        return Some(mention);
    }
    named_agent(cx, next, end)
}

/// Who a quotation that opens its sentence is given by the reporter's sentence right before
/// it in the same paragraph, when that sentence quotes no one: its speech cue's subject
/// ("Sanders said he would sign it. "…"") or the person or pronoun it opens with ("Clinton
/// touted her credentials as a co-sponsor. "We need …""). Such a sentence turns to its
/// subject, so it outranks a quotation further back that the quotation would otherwise go on
/// with.
fn lead_in_attribution(
    cx: &mut Context<'_>,
    sentences: &[Sentence],
    quotations: &[Marked],
    candidate: &Candidate,
) -> Option<Attribution> {
    let tokens = cx.tokens;
    let sentence = sentences
        .partition_point(|s| s.first_token <= candidate.open_token)
        .checked_sub(1)?;
    if sentences[sentence].first_token != candidate.open_token {
        return None;
    }
    let previous = sentences[sentence.checked_sub(1)?];
    let same_paragraph = !tokens[previous.end_token..candidate.open_token]
        .iter()
        .any(|t| t.kind == Kind::Break);
    let quotes_someone = quotations
        .iter()
        .any(|m| m.start < previous.end && m.end > previous.start);
    if !same_paragraph || quotes_someone {
        return None;
    }
    sentence_attribution(cx, previous, |mention| {
        matches!(mention.kind, MentionKind::Name | MentionKind::Pronoun)
    })
}

/// Names become their fullest form; pronouns and descriptions the latest named speaker
/// mentioned before them.
///
/// The named mentions a pronoun can point to are the named attributions and the names that
/// open sentences (`subjects`): "Kim berterima kasih … . Kemudian, dia menandatangani …".
fn resolve_speakers(
    text: &str,
    tokens: &[Token],
    lexicon: &Lexicon,
    found: &mut Vec<Found>,
    subjects: &[Mention],
    headings: &[(usize, usize)],
    english: bool,
) {
    let wanted: foldhash::HashSet<&str> = found
        .iter()
        .filter_map(|f| f.mention)
        .chain(subjects.iter().copied())
        .filter_map(|m| match m.kind {
            MentionKind::Name => Some(&text[m.start..m.end]),
            MentionKind::Relative {
                antecedent,
                named: true,
            } => Some(&text[antecedent.0..antecedent.1]),
            _ => None,
        })
        .flat_map(|name| name.split(|c: char| c.is_whitespace() || c == '.'))
        .filter(|w| !w.is_empty())
        .map(super::names::without_possessive)
        .collect();
    let mut index = NameIndex::build(text, tokens, lexicon, &wanted, headings);
    let first_word = |m: &Mention| {
        let words = &text[m.start..m.end];
        &words[..words.bytes().position(|b| b == b' ').unwrap_or(words.len())]
    };
    // One-word subjects that may be a capitalised common word opening the sentence: of
    // Indonesian reported speech ("Hasil pemeriksaan memastikan …") and of an English
    // fragment left to its sentence ("Use code "…"").
    let lone_opener = |f: &Found| -> Option<&str> {
        let left_to_opener = if english {
            is_subject_fallback(f)
        } else {
            f.kind == QuoteKind::Indirect
        };
        f.mention
            .filter(|m| left_to_opener && m.kind == MentionKind::Name)
            .map(|m| &text[m.start..m.end])
            .filter(|words| !words.contains(' '))
    };
    let common = CommonWords::find(
        text,
        lexicon,
        index
            .first_words()
            .chain(
                subjects
                    .iter()
                    .filter(|m| {
                        m.kind == MentionKind::Name
                            && text[m.start..m.end].contains(' ')
                            && !index.occurs_mid_sentence(&text[m.start..m.end])
                    })
                    .map(first_word),
            )
            .chain(
                found
                    .iter()
                    .filter_map(lone_opener)
                    .filter(|words| !index.occurs_mid_sentence(words)),
            ),
        !english,
    );
    index.drop_common_first_words(text, &common);
    // A one-word sentence subject is a name only if the article has it in a longer name
    // ("Kim" of "Kim Jong Un"); otherwise it is a capitalised common word ("Harga").
    // A sentence-opening word the article also writes in lower case is a common word, not
    // the start of a name: "Spanduk", "Lagu Cahaya Negeriku", "Unggahan Maia Estianty".
    let works = if subjects.is_empty() {
        foldhash::HashSet::default()
    } else {
        work_titles(text, tokens)
    };
    let subjects: Vec<Mention> = subjects
        .iter()
        .filter_map(|&m| {
            if m.kind != MentionKind::Name {
                return Some(m);
            }
            let first = first_word(&m);
            if !common.contains(first) || index.occurs_mid_sentence(&text[m.start..m.end]) {
                return Some(m);
            }
            let rest = text[m.start + first.len()..m.end].trim_start();
            (rest.contains(' ') || rest.chars().next().is_some_and(char::is_uppercase)).then(|| {
                Mention {
                    start: m.end - rest.len(),
                    ..m
                }
            })
        })
        // "… merilis single bertajuk Cahaya Negeriku. Cahaya Negeriku membawa cerita …":
        // a song's, book's or film's title opening a sentence is no one to point back to.
        .filter(|m| m.kind != MentionKind::Name || !works.contains(&text[m.start..m.end]))
        .filter(|m| {
            m.kind != MentionKind::Name
                || text[m.start..m.end].contains(' ')
                // "Prince Andrew gave …", "Menteri Bahlil menilai …": a title right before
                // one word makes it a name ("Politikus Partai Gerindra" does not).
                || m.role.is_some_and(|(a, b)| {
                    text[a..b]
                        .split(|c: char| c.is_whitespace() || c == '.')
                        .rfind(|w| !w.is_empty())
                        .is_some_and(|w| {
                            lexicon.titles.contains(crate::text::lowercase(w).as_str())
                        })
                })
                || index
                    .fullest_with_role(text, &text[m.start..m.end])
                    .0
                    .contains(' ')
        })
        .collect();
    let mut named: Vec<(usize, String, Option<String>)> = found
        .iter()
        .filter_map(|f| f.mention)
        .chain(subjects.iter().copied())
        .filter(|m| m.kind == MentionKind::Name)
        .map(|m| {
            let (name, role) = index.fullest_as(text, &text[m.start..m.end], honorific_of(text, m));
            // The role the attribution gives ("ujar ketua majelis hakim Rosihan …") first.
            let own_role = m.role.map(|(a, b)| {
                text[a..b]
                    .trim_matches(|c: char| c == ',' || c.is_whitespace())
                    .to_string()
            });
            (
                m.start,
                name.to_string(),
                own_role
                    .filter(|r| !r.is_empty())
                    .or(role.map(str::to_string)),
            )
        })
        .collect();
    named.sort_by_key(|(at, _, _)| *at);
    // A sentence-opening word the article also writes in lower case, and no one's name, is
    // a thing: "Hasil pemeriksaan memastikan …" confirms, it does not speak ("Pelaku
    // menyebut …" is a person's word); "Use code "…"" and "Remember when …" name nobody.
    let opens_as_common_word = |f: &Found| {
        lone_opener(f).is_some_and(|words| {
            common.contains(words)
                && !lexicon.heads_a_person(&crate::text::lowercase(words))
                && !index.occurs_mid_sentence(words)
                && index.fullest_with_role(text, words).0 == words
        })
    };
    // Reported speech without a speaker is no speech; a fragment stays, unattributed.
    found.retain(|f| english || !opens_as_common_word(f));
    for f in found.iter_mut() {
        if english && opens_as_common_word(f) {
            f.mention = None;
            f.cue = None;
        }
    }
    // English descriptions seen so far, by their last word, and who they turned out to be:
    // "A doctor on the scene told Ruptly …" then ""…," the doctor said" is that doctor, not
    // whoever was named in between.
    // Who "he", "dia" or "the judge" can stand for: not "the Business Forum", a place or a
    // product named in between.
    let is_person = |name: &str| {
        !index.is_institutional(name)
            && !names_a_place(name, lexicon)
            && !names_a_product(name)
            // English surnames are places too often ("Cornel West", "Jim Jordan").
            && (english || !ends_with_a_place(name, lexicon))
    };
    // "Joko Widodo (Jokowi)", "pria yang akrab disapa Ipunk": a nickname is the person.
    let nicknames = if english {
        super::nicknames::Nicknames::default()
    } else {
        super::nicknames::find(text, tokens, &index, &named, &lexicon.titles, is_person)
    };
    if !nicknames.is_empty() {
        for (_, name, _) in &mut named {
            *name = nicknames.person(name).to_string();
        }
    }
    let mut described: Vec<(usize, String, Option<String>)> = Vec::new();
    // The latest Indonesian group that spoke ("sejumlah warga", "para pedagang"): "mereka"
    // with no institution before it is that group.
    let mut group: Option<(usize, String)> = None;
    for f in found.iter_mut() {
        let Some(mention) = f.mention else { continue };
        f.role = mention
            .role
            .map(|(a, b)| {
                text[a..b]
                    .trim_matches(|c: char| c == ',' || c.is_whitespace())
                    .to_string()
            })
            .filter(|r| !r.is_empty());
        let words = &text[mention.start..mention.end];
        // English points back with a definite article or a demonstrative ("the senator");
        // "Former royal PR aides" are new to the text.
        let definite = !english
            || words.split_whitespace().next().is_some_and(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "the" | "this" | "that" | "these" | "those"
                )
            });
        // "kata pria yang menjabat sebagai …": a lone Indonesian person noun is the man or
        // woman named before, like "pria itu".
        let lone_person_noun =
            !english && mention.kind == MentionKind::Description && !words.contains(' ') && {
                let lower = words.to_lowercase();
                lexicon.person_nouns.contains(lower.as_str())
                    && !lexicon.titles.contains(lower.as_str())
            };
        let refers_back = mention.kind == MentionKind::Pronoun
            || lone_person_noun
            || (definite && is_anaphoric(words, lexicon));
        f.speaker = match mention.kind {
            MentionKind::Name => {
                let (name, role) = index.fullest_as(text, words, honorific_of(text, mention));
                // "tambah Panglima TNI", "kata Kapolri": a role and nothing else is the one
                // named before with all of that role ("Panglima TNI Jenderal Agus Subiyanto").
                let whole_role = mention.role.map_or(words, |(a, _)| &text[a..mention.end]);
                let holder = (!english && is_role_only(whole_role, lexicon) && {
                    whole_role
                        .split_whitespace()
                        .any(|w| lexicon.titles.contains(crate::text::lowercase(w).as_str()))
                })
                .then(|| {
                    let before = named.partition_point(|(at, _, _)| *at < mention.start);
                    named[..before].iter().rev().find(|(_, other, role)| {
                        other != words && role.as_deref().is_some_and(|r| covers(r, whole_role))
                    })
                })
                .flatten();
                if let Some((_, holder, role)) = holder {
                    f.role = role.clone();
                    Some(holder.clone())
                } else {
                    if f.role.is_none() {
                        f.role = role.map(str::to_string);
                    }
                    Some(nicknames.person(name).to_string())
                }
            }
            _ if refers_back => {
                // "Also, Trump isn't a conservative, he said.": a pronoun and cue that close the
                // sentence report the clause before them, so the names in that clause are what
                // was said, not who said it.
                let trailing = mention.kind == MentionKind::Pronoun
                    && f.cue.is_some_and(|(cue_start, cue_end)| {
                        cue_start >= mention.end && text[cue_end..].starts_with('.')
                    })
                    && text[..mention.start].trim_end().ends_with(',');
                let reported_from = if trailing {
                    text[..mention.start]
                        .char_indices()
                        .rev()
                        .find(|&(_, c)| {
                            matches!(c, '.' | '!' | '?' | '\n') || marks::is_quote_mark(c)
                        })
                        .map_or(0, |(at, c)| at + c.len_utf8())
                } else {
                    mention.start
                };
                let before = named.partition_point(|(at, _, _)| *at < reported_from);
                // A bare role ("kata hakim") is someone named with that role, or someone
                // unnamed; not whoever spoke last. English "the senator" keeps pointing back.
                let bare_role = mention.kind == MentionKind::Description
                    && !english
                    && !lone_person_noun
                    && !words
                        .split_whitespace()
                        .any(|w| is_demonstrative(&w.to_lowercase()));
                let pointing = if lone_person_noun {
                    Some(Pointing::Person)
                } else if english || mention.kind != MentionKind::Description {
                    None
                } else {
                    pointing(words, lexicon)
                };
                // "Mereka mengatakan …": a group, never one person named before.
                let they = !english && words.eq_ignore_ascii_case("mereka");
                let pick = if bare_role {
                    named[..before]
                        .iter()
                        .rev()
                        .position(|(_, _, role)| {
                            role.as_deref().is_some_and(|r| shares_a_word(r, words))
                        })
                        .map(|back| before - 1 - back)
                } else if english
                    && mention.kind == MentionKind::Description
                    && lexicon.heads_a_person(&head_word(words))
                {
                    // "the judge": the latest one named with that role ("U.S. District Judge
                    // Emmet G. Sullivan"), else the latest person.
                    let head = head_word(words);
                    named[..before]
                        .iter()
                        .rposition(|(_, _, role)| {
                            role.as_deref()
                                .is_some_and(|r| role_words(r).contains(&head))
                        })
                        .or_else(|| {
                            named[..before]
                                .iter()
                                .rposition(|(_, name, _)| is_person(name))
                        })
                } else if is_personal_pronoun(words) || pointing == Some(Pointing::Person) {
                    // "he", "dia", "beliau", "pria itu" and "the judge" stand for a person,
                    // not for "the Business Forum" or "the Post" named in between.
                    let pronoun = crate::text::lowercase(words);
                    named[..before].iter().rposition(|(_, name, role)| {
                        is_person(name) && !honorific_says_otherwise(&pronoun, role.as_deref())
                    })
                } else if pointing == Some(Pointing::Organisation) || they {
                    // An institution may be "mereka".
                    named[..before]
                        .iter()
                        .rposition(|(_, name, _)| index.is_institutional(name))
                } else if pointing == Some(Pointing::Unnamed) {
                    None
                } else {
                    before.checked_sub(1)
                };
                let same_description =
                    (english && mention.kind == MentionKind::Description && !described.is_empty())
                        .then(|| head_word(words))
                        .and_then(|head| {
                            described
                                .iter()
                                .rev()
                                .find(|(at, h, _)| *h == head && *at < mention.start)
                        })
                        .filter(|(at, _, _)| pick.is_none_or(|i| named[i].0 < *at));
                match pick {
                    _ if let Some((_, _, speaker)) = same_description => speaker.clone(),
                    None if they => group
                        .as_ref()
                        .filter(|(at, _)| *at < mention.start)
                        .map(|(_, speaker)| speaker.clone()),
                    Some(i) => {
                        let (_, name, role) = &named[i];
                        if f.role.is_none() {
                            f.role = role.clone();
                        }
                        Some(name.clone())
                    }
                    // "the spokesman", "Akun itu" with no one named before: the description.
                    None if mention.kind == MentionKind::Description => Some(words.to_string()),
                    None => None,
                }
            }
            // "Loretta Lynch, who told Congress: "…"": the relative pronoun stays the
            // mention, and the phrase it follows speaks.
            MentionKind::Relative { antecedent, named } => {
                let phrase = &text[antecedent.0..antecedent.1];
                Some(if named {
                    let (name, role) = index.fullest_with_role(text, phrase);
                    if f.role.is_none() {
                        f.role = role.map(str::to_string);
                    }
                    name.to_string()
                } else {
                    phrase.to_string()
                })
            }
            // "the transit authority", "para pedagang": the description is the speaker.
            _ => Some(words.to_string()),
        };
        if english && mention.kind == MentionKind::Description {
            described.push((mention.start, head_word(words), f.speaker.clone()));
        }
        if !english
            && mention.kind == MentionKind::Description
            && is_group(words)
            && let Some(speaker) = &f.speaker
        {
            group = Some((mention.start, speaker.clone()));
        }
    }
}

/// Whether an Indonesian description names a group: opened by "para", "sejumlah",
/// "beberapa", "banyak" or "kedua", or headed by a doubled noun ("warga-warga").
fn is_group(words: &str) -> bool {
    let mut parts = words.split_whitespace();
    parts.next().is_some_and(|first| {
        matches!(
            crate::text::lowercase(first).as_str(),
            "para" | "sejumlah" | "beberapa" | "banyak" | "kedua"
        ) || first
            .split_once('-')
            .is_some_and(|(a, b)| a.eq_ignore_ascii_case(b))
    })
}

/// The head of an English description, lower-cased: its last word before any preposition
/// ("one legal expert", "a doctor on the scene").
fn head_word(words: &str) -> String {
    words
        .split_whitespace()
        .take_while(|w| {
            !matches!(
                crate::text::lowercase(w).as_str(),
                "on" | "in" | "at" | "of" | "for" | "from" | "with" | "who" | "that"
            )
        })
        .last()
        .map(crate::text::lowercase)
        .unwrap_or_default()
}

/// The names the article introduces as titles of works: the capitalised run right after
/// "bertajuk", "berjudul", "titled" or "entitled", an opening quotation mark allowed between.
/// Found with memchr's SIMD search: most articles have none of these words.
fn work_titles<'t>(text: &'t str, tokens: &[Token]) -> foldhash::HashSet<&'t str> {
    let mut works = foldhash::HashSet::default();
    for cue in ["bertajuk", "berjudul", "titled"] {
        for at in memchr::memmem::find_iter(text.as_bytes(), cue.as_bytes()) {
            // The word holding the match: the cue itself, or "entitled" around "titled".
            let Some(i) = tokens.partition_point(|t| t.start <= at).checked_sub(1) else {
                continue;
            };
            let token = tokens[i];
            let whole = token.kind == Kind::Word
                && token.end == at + cue.len()
                && (token.start == at || token.text(text).eq_ignore_ascii_case("entitled"));
            if !whole {
                continue;
            }
            let mut next = i + 1;
            while tokens.get(next).is_some_and(|t| t.kind == Kind::Punct) && next <= i + 2 {
                next += 1;
            }
            if let Some(run) = super::names::run_forward(text, tokens, next) {
                works.insert(&text[tokens[run.0].start..tokens[run.1 - 1].end]);
            }
        }
    }
    works
}

/// Whether a quotation was left to its sentence's subject, with no cue word of its own.
fn is_subject_fallback(f: &Found) -> bool {
    f.cue.is_some_and(|(start, end)| start == end)
}

/// Whether every word of a name is a place's ("Palestina", "Jawa Barat"): no one "dia" or
/// "he" can stand for.
fn names_a_place(name: &str, lexicon: &Lexicon) -> bool {
    name.split_whitespace()
        .all(|w| crate::wordset::contains_lowercased(&lexicon.places, w))
}

/// Whether a name of two words or more ends with a place: in Indonesian news a company or
/// an institution of that country or city ("Pupuk Indonesia", "Strategic Analysis
/// Australia"), which people's names there seldom do.
fn ends_with_a_place(name: &str, lexicon: &Lexicon) -> bool {
    let mut words = name.split_whitespace();
    let last = words.next_back();
    words.next().is_some()
        && last.is_some_and(|w| crate::wordset::contains_lowercased(&lexicon.places, w))
}

/// Whether a name holds a code in capitals ("Chery Tiggo CSH", "ONE HUNDRED"): a product,
/// a model or a group, no one "dia" or "he" can stand for.
fn names_a_product(name: &str) -> bool {
    name.split_whitespace()
        .any(|w| super::names::is_model_code(w) || w.chars().any(|c| c.is_ascii_digit()))
}

/// The honorific right before a mention ("Mr. Obama", "Mrs Khan"), if any: written with
/// its capital, and "Miss" without a full stop ("… a near miss. Obama said" has none).
fn honorific_of(text: &str, mention: Mention) -> Option<Honorific> {
    let before = text[..mention.start].trim_end();
    let (before, dotted) = match before.strip_suffix('.') {
        Some(rest) => (rest, true),
        None => (before, false),
    };
    // ASCII letters only, so the cut is on a char boundary.
    let letters = before
        .bytes()
        .rev()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    match &before[before.len() - letters..] {
        "Miss" if dotted => None,
        word => Honorific::of_word(word),
    }
}

/// Whether the honorific the article gives a person ("Mrs. Clinton", "Mr. Clinton") says
/// the other gender than an English "he" or "she".
fn honorific_says_otherwise(pronoun: &str, role: Option<&str>) -> bool {
    matches!(
        (pronoun, role.and_then(Honorific::of_role)),
        ("he", Some(Honorific::Ms)) | ("she", Some(Honorific::Mr))
    )
}

/// Pronouns that only a person is: "he", "she", "ia", "dia", "beliau", and the "-nya" of a
/// speech cue ("ujarnya": he or she said); not "they" or "mereka".
fn is_personal_pronoun(words: &str) -> bool {
    ["he", "she", "ia", "dia", "beliau", "nya"]
        .iter()
        .any(|p| words.eq_ignore_ascii_case(p))
}

/// What an Indonesian description closed by a demonstrative points back at, by its head
/// (first) word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pointing {
    /// "Pria 26 tahun itu", "Politikus Partai NasDem itu", "peneliti tersebut": a person.
    Person,
    /// "Lembaga tersebut", "Partai itu": an organisation.
    Organisation,
    /// "Akun itu", "Peraturan tersebut", "Para pendukung itu": nobody to name; the
    /// description itself is the speaker.
    Unnamed,
}

fn pointing(words: &str, lexicon: &Lexicon) -> Option<Pointing> {
    let words: Vec<String> = words.split_whitespace().map(str::to_lowercase).collect();
    if !words
        .last()
        .is_some_and(|w| super::lexicon::is_demonstrative(w))
    {
        return None;
    }
    // "Para pendukung itu" stays a crowd: only "sang" and "si" stand before one person.
    let head = match words.first()?.as_str() {
        "sang" | "si" => words.get(1)?,
        first => first,
    };
    Some(if lexicon.heads_a_person(head) {
        Pointing::Person
    } else if lexicon.organisation_words.contains(head) {
        Pointing::Organisation
    } else {
        Pointing::Unnamed
    })
}

/// Whether a word points a description back at someone already named ("peneliti
/// tersebut", "this official").
fn is_demonstrative(lower: &str) -> bool {
    super::lexicon::is_demonstrative(lower) || matches!(lower, "this" | "that")
}

/// Whether every word of a phrase is a title, an organisation word, a place or an acronym:
/// a role with no name in it ("Panglima TNI", "Kapolri").
fn is_role_only(phrase: &str, lexicon: &Lexicon) -> bool {
    let mut words = phrase
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some() && words.all(|w| super::names::is_role_word(w, lexicon))
}

/// The words of a role that tell roles apart, lower-cased: three letters or more.
fn role_words(role: &str) -> Vec<String> {
    role.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 2)
        .map(str::to_lowercase)
        .collect()
}

/// Whether a role holds every word of a shorter one: "Panglima TNI Jenderal" covers
/// "Panglima TNI".
fn covers(role: &str, shorter: &str) -> bool {
    let (role, shorter) = (role_words(role), role_words(shorter));
    !shorter.is_empty() && shorter.iter().all(|w| role.contains(w))
}

/// Whether `role` and `description` share a word, ignoring case ("Hakim Ketua" and "hakim").
fn shares_a_word(role: &str, description: &str) -> bool {
    let role = role_words(role);
    role_words(description).iter().any(|w| role.contains(w))
}

/// A description that points back to someone already named: "peneliti tersebut", "the
/// senator", "jaksa".
fn is_anaphoric(words: &str, lexicon: &Lexicon) -> bool {
    let mut words = words
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .peekable();
    // "a campaign aide", "an official", "seorang pejabat": someone new, not someone named before.
    if words.peek().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "a" | "an" | "one" | "another" | "seorang" | "salah"
        )
    }) {
        return false;
    }
    // A person's title points back ("the governor"); an organisation's word, though it may
    // head a title ("campaign manager"), does not: "the campaign" is no one named before.
    words.any(|w| {
        let lower = w.to_lowercase();
        is_demonstrative(&lower)
            || (lexicon.is_person_title(lower.as_str())
                && !lexicon.organisation_words.contains(lower.as_str()))
    })
}
