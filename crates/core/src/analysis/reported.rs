//! Reported speech without quotation marks: "X mengatakan bahwa …", "Menurut X, …", "X said
//! that …", "…, kata X." and "…, Smith said." at a sentence's end; in English, what follows
//! the verb only when it is a clause, not an adjunct ("said in an interview").

use super::QuoteKind;
use super::attribution::{self, Context, Mention, MentionKind};
use super::lexicon::Section;
use super::quotes::Found;
use super::sentences::Sentence;
use super::tokens::Kind;

/// Reported speech in sentences without quotation marks: "X mengatakan bahwa …",
/// "Menurut X, …", "X said that …", and "…, kata X." at a sentence's end.
pub(super) fn reported_speech(
    cx: &mut Context<'_>,
    sentences: &[Sentence],
    direct: &[Found],
) -> Vec<Found> {
    let tokens = cx.tokens;
    let mut out = Vec::new();
    let mut direct_at = 0;
    for sentence in sentences {
        while direct
            .get(direct_at)
            .is_some_and(|d| d.end < sentence.start)
        {
            direct_at += 1;
        }
        if direct
            .get(direct_at)
            .is_some_and(|d| d.start < sentence.end)
        {
            continue;
        }
        let (first, end) = (sentence.first_token, sentence.end_token);
        let mut last_content = end;
        while last_content > first && tokens[last_content - 1].kind == Kind::Punct {
            last_content -= 1;
        }
        if last_content <= first {
            continue;
        }
        let content_end = tokens[last_content - 1].end;
        // "Harga naik 12 persen, kata Kepala Dinas, Siti Aminah." / "Prices rose, Smith said."
        if let Some((comma, cue, mention)) = trailing_attribution(cx, first, last_content) {
            let words = (first..comma)
                .filter(|&i| tokens[i].kind == Kind::Word)
                .count();
            if words >= 3 {
                out.push(Found {
                    kind: QuoteKind::Indirect,
                    start: tokens[first].start,
                    end: tokens[comma - 1].end,
                    mention: Some(mention),
                    cue: Some((tokens[cue].start, tokens[cue].end)),
                    speaker: None,
                    role: None,
                });
                continue;
            }
        }
        for k in first..end {
            if tokens[k].kind != Kind::Word {
                continue;
            }
            // One cached lookup per word: most words are not cues.
            if !cx.in_set(k, Section::INDIRECT_CUES | Section::SOURCE_CUES)
                && cx.lower(k) != "menurutnya"
            {
                continue;
            }
            let lexicon = cx.lexicon;
            let lower = cx.lower(k).to_string();
            let source_cue = lexicon.source_cues.contains(lower.as_str()) && lower != "kata"
                || lower == "menurutnya";
            if source_cue && k <= first + 2 {
                // "Menurut X, isi." / "According to X, content."
                let Some(mut comma) = (k + 1..end.min(k + 14)).find(|&i| cx.is_punct(i, &[',']))
                else {
                    break;
                };
                // "Menurut dr. Dikky Prawiratama, M.Sc, Sp.DVE, isi": the degrees after the
                // name are not what was said.
                while comma + 1 < end
                    && attribution::is_degree(cx, comma + 1)
                    && let Some(next) =
                        (comma + 2..end.min(comma + 8)).find(|&i| cx.is_punct(i, &[',']))
                {
                    comma = next;
                }
                let mention = if lower.ends_with("nya") {
                    Some(Mention {
                        start: tokens[k].end - 3,
                        end: tokens[k].end,
                        kind: MentionKind::Pronoun,
                        role: None,
                    })
                } else {
                    let from = if tokens
                        .get(k + 1)
                        .is_some_and(|t| &cx.text[t.start..t.end] == "to")
                    {
                        k + 2
                    } else {
                        k + 1
                    };
                    attribution::phrase_after(cx, from)
                };
                // "Menurut Sekretaris Umum IGC, dr. Ray Wagiu Basrowi, isi": the name in
                // apposition is the source's; what was said starts after its comma.
                if let Some(m) = mention
                    && !cx.english
                    && m.role.is_some()
                    && m.end > tokens[comma].start
                    && let Some(after) = (comma + 1..end.min(comma + 14))
                        .find(|&i| tokens[i].start >= m.end && cx.is_punct(i, &[',']))
                {
                    comma = after;
                }
                push_reported(
                    &mut out,
                    cx,
                    comma + 1,
                    last_content,
                    content_end,
                    mention,
                    k,
                );
                break;
            }
            if lexicon.indirect_cues.contains(lower.as_str()) && k > first {
                // "Untuk memastikan keselamatan, …", "to ensure that …": a purpose, not speech;
                // nor "berperan penting dalam memastikan …" (a role in ensuring).
                if tokens[k - 1].kind == Kind::Word
                    && matches!(
                        cx.lower(k - 1),
                        "untuk" | "demi" | "guna" | "agar" | "supaya" | "dalam" | "to"
                    )
                {
                    continue;
                }
                // "… have been accused of …", "they aren't admitted until …": a passive's
                // subject said nothing; "an estimated 25 million" estimates nothing.
                // "Hilly areas, thought to represent …": a participle after a comma qualifies
                // the words before it.
                let reduced_passive = cx.is_punct(k - 1, &[','])
                    && tokens.get(k + 1).is_some_and(|t| t.kind == Kind::Word)
                    && cx.lower(k + 1) == "to";
                // "of alleged abuse", "despite claims that": after a preposition a cue word is
                // a noun or an adjective; "reported by", "maintained by": a passive.
                let noun_or_passive = tokens[k - 1].kind == Kind::Word
                    && attribution::is_preposition(cx.lower(k - 1))
                    || tokens.get(k + 1).is_some_and(|t| t.kind == Kind::Word)
                        && cx.lower(k + 1) == "by";
                if cx.english
                    && (attribution::is_passive_address(cx, k)
                        || reduced_passive
                        || noun_or_passive
                        || tokens[k - 1].kind == Kind::Word
                            && attribution::NOUN_DETERMINERS.contains(&cx.lower(k - 1)))
                {
                    continue;
                }
                let Some(mention) = attribution::subject_before(cx, k, first) else {
                    continue;
                };
                let mut from = k + 1;
                // Skip "kepada wartawan" / "reporters" up to "bahwa" / "that".
                if let Some(that) = (k + 1..end.min(k + 6))
                    .find(|&i| tokens[i].kind == Kind::Word && matches!(cx.lower(i), "bahwa" | "that"))
                // "said it found no evidence that …": a subject before "that" opens what was
                // said ("that" is inside it), and so does "believes that is because …",
                // where "that" is the subject itself.
                && !(cx.english
                    && ((k + 1..that)
                        .any(|i| tokens[i].kind == Kind::Word && is_subject_pronoun(cx.lower(i)))
                        || (that + 1 < end
                            && tokens[that + 1].kind == Kind::Word
                            && attribution::is_finite_auxiliary(cx.lower(that + 1)))))
                {
                    from = that + 1;
                }
                let after_that = from > k + 1;
                while from < last_content && cx.is_punct(from, &[',', ':']) {
                    from += 1;
                }
                if cx.english && !after_that {
                    let Some(start) = english_content_start(cx, k, from, last_content) else {
                        break;
                    };
                    from = start;
                }
                push_reported(
                    &mut out,
                    cx,
                    from,
                    last_content,
                    content_end,
                    Some(mention),
                    k,
                );
                break;
            }
        }
    }
    out
}

/// Where what was said starts after the English speech verb at token `cue`, from token
/// `from` (past a comma), when no "that" follows it: past who was told ("told reporters …",
/// "told CNN …"), a short time ("said for weeks he's …", "vowed last month to take …") and a
/// medium ("said in a statement Thursday night they …"). An adjunct that is all there is ("said in an interview.", "said while
/// visiting …") gives none, unless a "that" follows it ("said earlier on Friday during a news
/// conference that …").
fn english_content_start(
    cx: &mut Context<'_>,
    cue: usize,
    from: usize,
    end: usize,
) -> Option<usize> {
    let tokens = cx.tokens;
    let mut at = from;
    if from == cue + 1 && attribution::is_telling(cx.lower(cue)) {
        at += listener_at(cx, at, end);
    }
    let from = at;
    at += time_between(cx, at, end);
    at += medium_between(cx, at, end);
    if at > from {
        at += time_between(cx, at, end);
    }
    let word = |cx: &mut Context<'_>, i: usize| -> Option<String> {
        tokens
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|_| cx.lower(i).to_string())
    };
    let Some(first) = word(cx, at) else {
        return Some(at);
    };
    let next = word(cx, at + 1);
    let lexicon = cx.lexicon;
    // "vowed to ban …" is an infinitive, what was vowed; "said to reporters" is not.
    let infinitive = first == "to"
        && tokens
            .get(at + 1)
            .is_some_and(|t| !t.is_capitalised(cx.text))
        && next.as_deref().is_some_and(|n| {
            !lexicon.determiners.contains(n) && !lexicon.pronouns.contains(n) && !is_listener(n)
        });
    // "said about half of …", "reported at least six …": a quantity, not a place.
    let quantity =
        first == "about" || first == "at" && matches!(next.as_deref(), Some("least" | "most"));
    // "have said overturning the ruling should be …": a gerund right after the verb is what
    // was said.
    let adjunct = attribution::opens_adjunct(&first)
        && !attribution::is_participle(&first)
        && !infinitive
        && !quantity;
    if !adjunct {
        return Some(at);
    }
    (at + 1..end.min(at + 14))
        .find(|&i| tokens[i].kind == Kind::Word && cx.lower(i) == "that")
        .map(|that| that + 1)
}

/// How many tokens who was told takes at token `at`: a name ("told CNN"), "reporters" or an
/// object pronoun ("told him"); none when the words after the verb are what was said.
fn listener_at(cx: &mut Context<'_>, at: usize, end: usize) -> usize {
    let tokens = cx.tokens;
    if tokens.get(at).is_none_or(|t| t.kind != Kind::Word) {
        return 0;
    }
    let listener_end = match super::names::run_forward(cx.text, tokens, at) {
        Some(run) => run.1,
        None if is_listener(cx.lower(at)) => at + 1,
        None => at,
    };
    if listener_end < end {
        listener_end - at
    } else {
        0
    }
}

/// Words for who is told, not what: "reporters", "him", "them".
fn is_listener(lower: &str) -> bool {
    matches!(
        lower,
        "reporters" | "journalists" | "him" | "her" | "them" | "me" | "us"
    )
}

/// How many tokens "in a statement", "in an interview", "in an email" and the like take at
/// token `at`; none when there is no such phrase.
fn medium_between(cx: &mut Context<'_>, at: usize, end: usize) -> usize {
    let tokens = cx.tokens;
    if at + 3 >= end || (at..at + 3).any(|i| tokens[i].kind != Kind::Word) {
        return 0;
    }
    let opens = cx.lower(at) == "in"
        && matches!(
            cx.lower(at + 1),
            "a" | "an" | "his" | "her" | "its" | "their"
        );
    let medium = matches!(
        cx.lower(at + 2),
        "statement"
            | "interview"
            | "email"
            | "e-mail"
            | "tweet"
            | "post"
            | "letter"
            | "release"
            | "speech"
            | "memo"
    );
    if opens && medium { 3 } else { 0 }
}

/// How many tokens a short English time phrase at token `at` takes: "last month", "this
/// week", "for weeks", "on Tuesday"; none when there is no such phrase.
fn time_between(cx: &mut Context<'_>, at: usize, end: usize) -> usize {
    let tokens = cx.tokens;
    if at + 2 >= end || tokens[at].kind != Kind::Word || tokens[at + 1].kind != Kind::Word {
        return 0;
    }
    let second_is_weekday = cx.in_set(at + 1, Section::WEEKDAYS);
    let (first, second) = (cx.lower(at).to_string(), cx.lower(at + 1));
    let time = match first.as_str() {
        "last" | "this" | "next" | "earlier" => matches!(
            second,
            "week"
                | "month"
                | "year"
                | "weekend"
                | "summer"
                | "fall"
                | "spring"
                | "winter"
                | "night"
                | "morning"
        ),
        "for" => matches!(second, "days" | "weeks" | "months" | "years" | "decades"),
        "on" => second_is_weekday,
        _ => false,
    };
    // "Thursday night", "Tuesday": a weekday on its own.
    if !time && cx.in_set(at, Section::WEEKDAYS) {
        return 1 + usize::from(matches!(
            cx.lower(at + 1),
            "night" | "morning" | "afternoon" | "evening"
        ));
    }
    if time { 2 } else { 0 }
}

/// An attribution closing a sentence after its last comma: `, kata X`, `, ujarnya`,
/// `, said X`, `, X said`. Returns the comma, the cue and the speaker mention.
fn trailing_attribution(
    cx: &mut Context<'_>,
    first: usize,
    end: usize,
) -> Option<(usize, usize, Mention)> {
    let commas: Vec<usize> = (first + 1..end)
        .rev()
        .take(24)
        .filter(|&i| cx.is_punct(i, &[',']))
        .take(3)
        .collect();
    // "While Democrats pushed for talks, Cornyn told …": a subordinate clause opening the
    // sentence is its setting, not what was said.
    let opens_subordinate = cx.english
        && cx.tokens[first].kind == Kind::Word
        && (attribution::opens_setting(cx.lower(first))
            || matches!(cx.lower(first), "as" | "after" | "before" | "once"));
    let first_comma = (first + 1..end).find(|&i| cx.is_punct(i, &[',']));
    let (comma, cue, mention) = commas
        .into_iter()
        .rev()
        .filter(|&comma| !(opens_subordinate && Some(comma) == first_comma))
        .find_map(|comma| attribution_after_comma(cx, comma, end))?;
    // "The Trump campaign said the candidate will …, CNN reported.": with a verb other than
    // "said", what was said keeps the speaker it names itself.
    let nested = cx.english
        && !is_plain_cue(cx.lower(cue))
        && cx.lower(cue) != "according"
        && (first..comma).any(|i| matches!(cx.lower(i), "said" | "says" | "told"));
    (!nested).then_some((comma, cue, mention))
}

/// The verbs of speech that close a sentence with their speaker whatever follows them:
/// "said", "says", "added", "told" (others must end it: "…, Kunin predicted.").
fn is_plain_cue(lower: &str) -> bool {
    matches!(lower, "said" | "says" | "added" | "told")
}

/// An English subject pronoun: "said it found no evidence that …" reports the clause.
fn is_subject_pronoun(lower: &str) -> bool {
    matches!(lower, "it" | "he" | "she" | "they" | "we" | "i" | "there")
}

fn attribution_after_comma(
    cx: &mut Context<'_>,
    comma: usize,
    end: usize,
) -> Option<(usize, usize, Mention)> {
    let tokens = cx.tokens;
    let mut after = comma + 1;
    // ",'' said Sara Fagen": apostrophes doubled as a closing mark (typewriter style).
    while after < end && after <= comma + 2 && cx.is_punct(after, &['\'', '’']) {
        after += 1;
    }
    if after >= end || tokens[after].kind != Kind::Word {
        return None;
    }
    let lexicon = cx.lexicon;
    let lower = cx.lower(after).to_string();
    let plain_inverted = matches!(lower.as_str(), "said" | "says" | "added" | "according");
    // "…, predicted Madeleine Kunin, the former governor.": another English verb of
    // reported speech, when the speaker after it closes the sentence or its apposition does.
    let other_english_cue = cx.english
        && !plain_inverted
        && !attribution::is_telling(&lower)
        && cx.in_set(after, Section::INDIRECT_CUES);
    if lexicon.inverted_cues.contains(lower.as_str()) || plain_inverted || other_english_cue {
        // "Scissors, who consults …, said whether Trump will agree …": the cue opens the
        // reported clause; its speaker is before the comma.
        if cx.english
            && tokens.get(after + 1).is_some_and(|t| t.kind == Kind::Word)
            && attribution::is_complementizer(cx.lower(after + 1))
        {
            return None;
        }
        // ", said nearly every conversation …": an English description after the cue opens
        // with a determiner or a title ("said study co-author Anezina Solomonidou" has a
        // name in it).
        let bare_words = cx.english
            && tokens.get(after + 1).is_some_and(|t| {
                t.kind == Kind::Word && !t.is_capitalised(cx.text) && {
                    let lower = cx.lower(after + 1);
                    !lexicon.determiners.contains(lower) && !lexicon.titles.contains(lower)
                }
            })
            // "said lobbyist and GOP strategist Charlie Black": a role before a name.
            && !(after + 1..end)
                .take_while(|&i| tokens[i].kind == Kind::Word)
                .any(|i| tokens[i].is_capitalised(cx.text));
        let mention = attribution::phrase_after(cx, after + 1)?;
        if bare_words && mention.kind == MentionKind::Description {
            return None;
        }
        // The name right after the verb, ending the sentence or followed by its apposition
        // ("declared Senator Jeff Flake, Republican of Arizona, who …" is Flake's).
        if other_english_cue
            && (mention.kind != MentionKind::Name
                || (after + 1..end)
                    .take_while(|&i| tokens[i].start < mention.start)
                    .any(|i| cx.is_punct(i, &[',']))
                || (after + 1..end)
                    .find(|&i| tokens[i].start >= mention.end)
                    .is_some_and(|i| !cx.is_punct(i, &[','])))
        {
            return None;
        }
        // "Simone Perry, a tea party activist, says Trump's rise is …", "…, said it would
        // be easier": a pronoun or an owner followed by more words is the reported clause's
        // subject, not a speaker closing the sentence.
        if cx.english {
            let next = (after + 1..end).find(|&i| tokens[i].start >= mention.end);
            let clause_goes_on = next.is_some_and(|i| {
                tokens[i].kind == Kind::Word && !attribution::opens_adjunct(cx.lower(i))
            });
            let owner = attribution::is_possessive(&cx.text[mention.start..mention.end]);
            let right_after = tokens
                .get(after + 1)
                .is_some_and(|t| t.start == mention.start);
            if clause_goes_on && right_after && (mention.kind == MentionKind::Pronoun || owner) {
                return None;
            }
        }
        return Some((comma, after, mention));
    }
    if lower
        .strip_suffix("nya")
        .is_some_and(|stem| lexicon.inverted_cues.contains(stem))
    {
        let end_byte = tokens[after].end;
        return Some((
            comma,
            after,
            Mention {
                start: end_byte - 3,
                end: end_byte,
                kind: MentionKind::Pronoun,
                role: None,
            },
        ));
    }
    // ", Smith said." / ", the minister said." / ", Cook said while visiting …"; another
    // verb only as the sentence's last word (", the reports said." is not cued by "reports").
    let cue = (after + 1..end)
        .find(|&i| tokens[i].kind == Kind::Word && is_plain_cue(cx.lower(i)))
        .or_else(|| {
            (cx.english
                && end > after + 1
                && tokens[end - 1].kind == Kind::Word
                && cx.in_set(end - 1, Section::INDIRECT_CUES))
            .then_some(end - 1)
        })?;
    // An adjunct that ends the sentence: no finite verb after it ("… Trump said during the
    // debate were sparked by …" goes on with a clause).
    let adjunct_follows = cx.english
        && tokens.get(cue + 1).is_some_and(|t| t.kind == Kind::Word)
        && attribution::opens_adjunct(cx.lower(cue + 1))
        && !(cue + 1..end).any(|i| {
            tokens[i].kind == Kind::Word && attribution::is_finite_auxiliary(cx.lower(i))
        })
        // "…, Smith said in a statement that prices rose": a clause of its own after all
        // ("… in an email that was reviewed by Reuters" is a relative clause).
        && !(cue + 1..end).any(|i| {
            tokens[i].kind == Kind::Word
                && cx.lower(i) == "that"
                && !tokens
                    .get(i + 1)
                    .is_some_and(|t| t.kind == Kind::Word && attribution::is_finite_auxiliary(cx.lower(i + 1)))
        });
    // Another verb than "said" closes the sentence ("…, Kunin predicted."): in "Ivanka
    // Trump acknowledged their uphill battle", "Webb admitted to threatening …" what follows
    // it is its content.
    let plain_cue = is_plain_cue(cx.lower(cue));
    // "Apple has had a place in his heart since 1984, Benioff said, ever since …", "…, the
    // news agency said, citing …": an attribution set off by commas, and after it an adjunct
    // or a participle; what was said is before it. (After "In his state, Christie said,"
    // the clause that follows is what was said.)
    let set_off = cx.english
        && plain_cue
        && cx.is_punct(cue + 1, &[','])
        && tokens.get(cue + 2).is_some_and(|t| {
            t.kind == Kind::Word && {
                let next = cx.lower(cue + 2);
                (next.len() > 5 && next.ends_with("ing"))
                    || matches!(next, "and" | "ever" | "even" | "as" | "adding")
            }
        });
    if if plain_cue {
        end - cue > 4 && !adjunct_follows && !set_off
    } else {
        end - cue > 1
    } {
        return None;
    }
    let Some(run) = super::names::run_forward(cx.text, tokens, after).filter(|r| r.1 == cue) else {
        // ", the minister said.": a description opened by a determiner, a few plain words.
        let lexicon = cx.lexicon;
        // With another verb, only a name after the determiner ("…, the Daily Caller
        // reported"): ", a point Feinstein also acknowledged" is a relative clause.
        let described = cx.english
            && cue - after <= 5
            && lexicon.determiners.contains(cx.lower(after))
            && (after..cue).all(|i| tokens[i].kind == Kind::Word)
            && (plain_cue || (after + 1..cue).all(|i| tokens[i].is_capitalised(cx.text)));
        return described.then(|| {
            (
                comma,
                cue,
                Mention {
                    start: tokens[after].start,
                    end: tokens[cue - 1].end,
                    kind: MentionKind::Description,
                    role: None,
                },
            )
        });
    };
    let core = super::names::core(cx.text, tokens, run, cx.lexicon);
    // "…, I thought.": the reporter's own view.
    if !plain_cue
        && matches!(
            &cx.text[tokens[core.0].start..tokens[core.1 - 1].end],
            "I" | "We"
        )
    {
        return None;
    }
    Some((
        comma,
        cue,
        Mention {
            start: tokens[core.0].start,
            end: tokens[core.1 - 1].end,
            kind: MentionKind::Name,
            role: None,
        },
    ))
}

fn push_reported(
    out: &mut Vec<Found>,
    cx: &mut Context<'_>,
    from: usize,
    last_content: usize,
    content_end: usize,
    mention: Option<Mention>,
    cue: usize,
) {
    let tokens = cx.tokens;
    // English: what was said ends before ", but …" (the reporter's own clause) and before a
    // second verb of speech ("… and added that …").
    let (last_content, content_end) = if cx.english {
        let cut = (from + 1..last_content).find(|&i| {
            tokens[i].kind == Kind::Word
                && (matches!(cx.lower(i), "but" | "though" | "although")
                    && cx.is_punct(i - 1, &[','])
                    || matches!(cx.lower(i), "and" | "but")
                        && tokens.get(i + 1).is_some_and(|t| t.kind == Kind::Word)
                        && cx.in_set(i + 1, Section::INDIRECT_CUES))
        });
        match cut {
            Some(cut) => {
                let mut last = cut;
                while last > from && tokens[last - 1].kind == Kind::Punct {
                    last -= 1;
                }
                (last, tokens[last.max(from + 1) - 1].end)
            }
            None => (last_content, content_end),
        }
    } else {
        (last_content, content_end)
    };
    let words = (from..last_content)
        .filter(|&i| tokens[i].kind == Kind::Word)
        .count();
    if words < 3 || from >= last_content {
        return;
    }
    out.push(Found {
        kind: QuoteKind::Indirect,
        start: tokens[from].start,
        end: content_end,
        mention,
        cue: Some((tokens[cue].start, tokens[cue].end)),
        speaker: None,
        role: None,
    });
}
