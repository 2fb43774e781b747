//! Nicknames an Indonesian article gives its people: "Joko Widodo (Jokowi)", "Mualem, sapaan
//! akrab Muzakir Manaf", "Pung Nugroho Saksono … pria yang akrab disapa Ipunk", and an
//! office's short title in parentheses before the name ("Menteri Perdagangan (Mendag) Budi
//! Santoso"). A quotation attributed to the nickname is the person's, reported under the
//! fullest name.

use super::names::{self, NameIndex};
use super::tokens::{Kind, Token};
use crate::wordset::{WordSet, contains_lowercased};
use std::collections::HashMap;

/// Nickname → the fullest name it stands for.
#[derive(Default)]
pub(crate) struct Nicknames(HashMap<String, String>);

impl Nicknames {
    /// The person a name stands for: the name itself unless it is a nickname.
    pub(crate) fn person<'a>(&'a self, name: &'a str) -> &'a str {
        self.0.get(name).map_or(name, String::as_str)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The nicknames the article introduces. `named` holds the named mentions by position and
/// fullest name, to find whom "pria yang akrab disapa Ipunk" points back to; `is_person`
/// keeps organisations and places out.
pub(crate) fn find<'t>(
    text: &'t str,
    tokens: &[Token],
    index: &NameIndex<'t>,
    named: &[(usize, String, Option<String>)],
    titles: &WordSet,
    is_person: impl Fn(&str) -> bool,
) -> Nicknames {
    let mut found = HashMap::new();
    let word = |i: usize| {
        tokens
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.text(text))
    };
    let punct = |i: usize, c: &str| {
        tokens
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && t.text(text) == c)
    };
    // A name of two words or more, as the article writes it in full.
    let full_name = |run: names::Run| {
        let words = tokens[run.0..run.1]
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .count();
        let written = &text[tokens[run.0].start..tokens[run.1 - 1].end];
        let name = index.fullest_with_role(text, written).0;
        (words >= 2 && name.contains(' ') && is_person(name)).then(|| name.to_string())
    };
    // Most articles introduce no nickname in words: then only parentheses are looked at.
    let in_words = ["sapaan", "disapa", "dipanggil"]
        .iter()
        .any(|cue| memchr::memmem::find(text.as_bytes(), cue.as_bytes()).is_some());
    for i in 0..tokens.len() {
        if !in_words && tokens[i].kind != Kind::Punct {
            continue;
        }
        let Some(this) = word(i) else {
            if punct(i, "(") && punct(i + 2, ")") {
                // "Joko Widodo (Jokowi)": one word in parentheses made from the name's letters.
                if i > 0
                    && let Some(nickname) = word(i + 1).filter(|w| is_nickname_word(w))
                    && let Some(name) = names::run_backward(text, tokens, i - 1).and_then(full_name)
                    && shares_letters(nickname, &name)
                {
                    found.insert(nickname.to_string(), name);
                }
                // "Menteri Perdagangan (Mendag) Budi Santoso": the office's short title in
                // parentheses before the name stands for the person ("kata Mendag").
                if let Some(title) =
                    word(i + 1).filter(|w| is_nickname_word(w) && contains_lowercased(titles, w))
                    && let Some(name) = names::run_forward(text, tokens, i + 3).and_then(full_name)
                {
                    found.insert(title.to_string(), name);
                }
            }
            continue;
        };
        // Most words are none of these three: compared without lower-casing.
        let is = |cue: &str| this.len() == cue.len() && this.eq_ignore_ascii_case(cue);
        if is("sapaan") {
            // "Mualem, sapaan akrab Muzakir Manaf,": the word before the comma.
            if i >= 2 && punct(i - 1, ",") {
                let after = i + 1 + usize::from(word(i + 1).is_some_and(is_fond));
                if let Some(nickname) = names::run_backward(text, tokens, i - 2)
                    .filter(|r| r.1 - r.0 == 1)
                    .map(|r| tokens[r.0].text(text))
                    .filter(|w| is_nickname_word(w))
                    && let Some(name) = names::run_forward(text, tokens, after).and_then(full_name)
                {
                    found.insert(nickname.to_string(), name);
                }
            }
        } else if (is("disapa") || is("dipanggil"))
            && let Some(nickname) = names::run_forward(text, tokens, i + 1)
                .filter(|r| r.1 - r.0 == 1)
                .map(|r| tokens[r.0].text(text))
                .filter(|w| is_nickname_word(w))
        {
            // "Muzakir Manaf, yang akrab disapa Mualem", "pria yang karib disapa Ipunk".
            let opens = |w: &str| is_fond(w) || w.eq_ignore_ascii_case("yang");
            let mut k = i;
            while k > 0 && (word(k - 1).is_some_and(opens) || punct(k - 1, ",")) {
                k -= 1;
            }
            if k == i || !word(i - 1).is_some_and(opens) {
                continue;
            }
            let name = match k.checked_sub(1).and_then(|last| {
                names::run_backward(text, tokens, last).filter(|_| word(last).is_some())
            }) {
                Some(run) => full_name(run),
                // A description ("pria yang …"): the latest person named before it.
                None => {
                    let at = tokens[i].start;
                    named
                        .iter()
                        .rev()
                        .filter(|(start, _, _)| *start < at)
                        .map(|(_, name, _)| name)
                        .find(|name| name.contains(' ') && is_person(name))
                        .cloned()
                }
            };
            if let Some(name) = name {
                found.insert(nickname.to_string(), name);
            }
        }
    }
    // A nickname is never one of the words of the name it stands for.
    found.retain(|nickname, name| !name.split_whitespace().any(|w| w == nickname));
    Nicknames(found)
}

/// "akrab", "karib", "biasa": the words of "yang akrab disapa".
fn is_fond(word: &str) -> bool {
    ["akrab", "karib", "biasa"]
        .iter()
        .any(|fond| word.eq_ignore_ascii_case(fond))
}

/// A capitalised word of letters, not an acronym: "Jokowi", "Ipunk", not "MUI" or "R".
fn is_nickname_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word.chars().count() >= 3
        && word.chars().all(char::is_alphabetic)
        && chars.any(char::is_lowercase)
}

/// Whether a nickname in parentheses is made from the name: it holds the first three letters
/// of one of its words ("Jokowi" of Joko Widodo, "Ipunk" of Pung Nugroho Saksono). Without
/// that, "(Gerindra)" after a name is a party, not what the person is called.
fn shares_letters(nickname: &str, name: &str) -> bool {
    let nickname = crate::text::lowercase(nickname);
    name.split_whitespace().any(|w| {
        let start: String = crate::text::lowercase(w).chars().take(3).collect();
        start.chars().count() == 3 && nickname.contains(&start)
    })
}
