//! Quotation ↔ source matching: hand-written Indonesian and English pairs for each class,
//! and properties over generated sources.

use factdesk_core::quote_match::{EditOp, MatchClass, QuoteMatch, SourceIndex, match_quote};
use proptest::prelude::*;

const SOURCE_ID: &str = "Transkrip konferensi pers, Jakarta, 14 Maret 2024.\n\
Menteri Perdagangan: Terima kasih atas kehadiran rekan-rekan media. Pemerintah tidak akan menaikkan harga beras \
sampai akhir tahun, kecuali cuaca buruk merusak panen di Jawa Tengah. Stok di gudang Bulog cukup untuk empat bulan. \
Kami juga menyalurkan bantuan pangan kepada 22 juta keluarga penerima manfaat setiap bulan.\n\
Wartawan: Bagaimana dengan harga gula?\n\
Menteri Perdagangan: Harga gula kami pantau setiap minggu bersama dinas di daerah.";

const SOURCE_EN: &str = "Press briefing transcript, March 14, 2024.\n\
THE SECRETARY: Thanks for coming. We will not raise fuel duties this year, unless the deficit grows beyond \
3 percent of GDP. Our reserves cover four months of imports. We are also sending food aid to 22 million \
families every month.\n\
Q: What about sugar prices?\n\
THE SECRETARY: We watch sugar prices every week with the regional offices.";

fn passage(source: &str, found: &QuoteMatch) -> String {
    source
        .chars()
        .skip(found.source_start.unwrap())
        .take(found.source_end.unwrap() - found.source_start.unwrap())
        .collect()
}

#[test]
fn verbatim_ignores_case_punctuation_quote_marks_and_whitespace() {
    for (quote, source, expected) in [
        (
            "“Stok di gudang BULOG cukup untuk empat bulan!”",
            SOURCE_ID,
            "Stok di gudang Bulog cukup untuk empat bulan",
        ),
        (
            "\"our reserves cover   four months of imports\"",
            SOURCE_EN,
            "Our reserves cover four months of imports",
        ),
    ] {
        let found = match_quote(quote, source).unwrap();
        assert_eq!(found.class, MatchClass::Verbatim, "{quote}: {found:?}");
        assert_eq!(found.score, 1.0);
        assert!(found.edits.is_empty());
        assert_eq!(passage(source, &found), expected);
    }
}

#[test]
fn words_glued_or_split_by_punctuation_or_spacing_are_still_verbatim() {
    // Scraped text lost a space after a comma; the quotation has none of the comma either.
    let source = "Harga emas naik lagi.Kini,desain gelang emas yang sederhana kerap menjadi pilihan, kata Rina.";
    let found = match_quote(
        "“Kinidesain gelang emas yang sederhana kerap menjadi pilihan”",
        source,
    )
    .unwrap();
    assert_eq!(found.class, MatchClass::Verbatim, "{found:?}");
    assert_eq!(
        passage(source, &found),
        "Kini,desain gelang emas yang sederhana kerap menjadi pilihan"
    );
    let split = match_quote("kerap menjadi pilihan, kata Ri na", source).unwrap();
    assert_eq!(split.class, MatchClass::Verbatim, "{split:?}");
    // Letters that run on into a word the source does not end there are not the same words.
    assert_eq!(
        match_quote(
            "Kini desain gelang emas yang sederhana kerap menjadi pilih",
            source
        )
        .unwrap()
        .class,
        MatchClass::Altered
    );
}

#[test]
fn offsets_are_code_points_into_the_source() {
    let source = "Ré\u{AD}sumé: “Kami menolak tuduhan itu,” kata Ibu Siti.";
    let found = match_quote("kami menolak tuduhan itu", source).unwrap();
    let start = source.chars().position(|c| c == 'K').unwrap();
    assert_eq!(
        (found.source_start, found.source_end),
        (
            Some(start),
            Some(start + "Kami menolak tuduhan itu".chars().count())
        )
    );
}

#[test]
fn a_changed_number_is_a_replacement() {
    let found = match_quote("Kami juga menyalurkan bantuan pangan kepada 25 juta keluarga penerima manfaat setiap bulan", SOURCE_ID).unwrap();
    assert_eq!(found.class, MatchClass::Altered);
    assert_eq!(found.edits.len(), 1, "{found:?}");
    assert_eq!(
        (
            found.edits[0].op,
            found.edits[0].quote.as_str(),
            found.edits[0].source.as_str()
        ),
        (EditOp::Replace, "25", "22")
    );
    assert!(found.score > 0.8 && found.score < 1.0, "{}", found.score);
    assert_eq!(
        passage(SOURCE_ID, &found),
        "Kami juga menyalurkan bantuan pangan kepada 22 juta keluarga penerima manfaat setiap bulan"
    );
}

#[test]
fn a_dropped_word_is_a_deletion() {
    let found = match_quote(
        "We are sending food aid to 22 million families every month.",
        SOURCE_EN,
    )
    .unwrap();
    assert_eq!(found.class, MatchClass::Altered);
    assert_eq!(found.edits.len(), 1);
    assert_eq!(
        (
            found.edits[0].op,
            found.edits[0].quote.as_str(),
            found.edits[0].source.as_str()
        ),
        (EditOp::Delete, "", "also")
    );
}

#[test]
fn a_cut_clause_that_changes_the_meaning_is_altered() {
    // "unless the deficit grows…" is gone: the promise reads as unconditional.
    let found = match_quote(
        "We will not raise fuel duties this year. Our reserves cover four months of imports.",
        SOURCE_EN,
    )
    .unwrap();
    assert_eq!(found.class, MatchClass::Altered);
    let dropped: Vec<&str> = found
        .edits
        .iter()
        .filter(|e| e.op == EditOp::Delete)
        .map(|e| e.source.as_str())
        .collect();
    assert_eq!(
        dropped,
        ["unless the deficit grows beyond 3 percent of GDP"]
    );
}

#[test]
fn joined_sentences_are_altered() {
    // Two sentences run together with a word the minister did not say.
    let found = match_quote(
        "Stok di gudang Bulog cukup untuk empat bulan dan kami juga menyalurkan bantuan pangan",
        SOURCE_ID,
    )
    .unwrap();
    assert_eq!(found.class, MatchClass::Altered);
    assert_eq!(found.edits.len(), 1);
    assert_eq!(
        (found.edits[0].op, found.edits[0].quote.as_str()),
        (EditOp::Insert, "dan")
    );
}

#[test]
fn reordered_clauses_are_found_and_altered() {
    let found =
        match_quote("Kecuali cuaca buruk merusak panen di Jawa Tengah, pemerintah tidak akan menaikkan harga beras sampai akhir tahun", SOURCE_ID).unwrap();
    assert_eq!(found.class, MatchClass::Altered, "{found:?}");
    assert!(passage(SOURCE_ID, &found).contains("menaikkan harga beras"));
    // The moved clause: added at the front, dropped where the minister said it.
    let ops: Vec<(EditOp, &str, &str)> = found
        .edits
        .iter()
        .map(|e| (e.op, e.quote.as_str(), e.source.as_str()))
        .collect();
    assert!(
        ops.contains(&(
            EditOp::Insert,
            "Kecuali cuaca buruk merusak panen di Jawa Tengah",
            ""
        )),
        "{ops:?}"
    );
    assert!(
        ops.contains(&(
            EditOp::Delete,
            "",
            "kecuali cuaca buruk merusak panen di Jawa Tengah"
        )),
        "{ops:?}"
    );
    assert!(found.score > 0.9, "{}", found.score);
}

#[test]
fn an_ellipsis_stands_for_text_left_out() {
    let found = match_quote("Pemerintah tidak akan menaikkan harga beras … Stok di gudang Bulog cukup untuk empat bulan.", SOURCE_ID).unwrap();
    assert_eq!(found.class, MatchClass::Verbatim, "{found:?}");
    let shown = passage(SOURCE_ID, &found);
    assert!(
        shown.starts_with("Pemerintah") && shown.ends_with("empat bulan"),
        "{shown}"
    );
    // The longer part also stands earlier in the source: the parts are still found in order.
    let repeated = "Harga naik karena stok beras di gudang menipis. Menteri: Stok beras di gudang menipis, \
                    jadi kami akan mengimpor beras bulan depan.";
    let found = match_quote(
        "kami akan mengimpor … stok beras di gudang menipis",
        repeated,
    )
    .unwrap();
    assert_ne!(
        found.class,
        MatchClass::Verbatim,
        "the second part is not after the first: {found:?}"
    );
    let found = match_quote(
        "Menteri: … stok beras di gudang menipis, jadi kami akan mengimpor",
        repeated,
    )
    .unwrap();
    assert_eq!(found.class, MatchClass::Verbatim, "{found:?}");
    let found = match_quote(
        "Menteri … stok beras di gudang menipis … mengimpor beras",
        repeated,
    )
    .unwrap();
    assert_eq!(found.class, MatchClass::Verbatim, "{found:?}");
    assert!(
        passage(repeated, &found).starts_with("Menteri"),
        "{}",
        passage(repeated, &found)
    );
    // Parts in the wrong order are not an elision.
    let swapped = match_quote("Stok di gudang Bulog cukup untuk empat bulan ... Pemerintah tidak akan menaikkan harga beras", SOURCE_ID).unwrap();
    assert_ne!(swapped.class, MatchClass::Verbatim, "{swapped:?}");
    let english = match_quote(
        "We will not raise fuel duties this year... we are also sending food aid",
        SOURCE_EN,
    )
    .unwrap();
    assert_eq!(english.class, MatchClass::Verbatim, "{english:?}");
}

#[test]
fn words_that_are_not_in_the_source_are_not_found() {
    for (quote, source) in [
        (
            "Kami akan membangun tiga bendungan baru di Sulawesi tahun depan",
            SOURCE_ID,
        ),
        (
            "The bridge will open to traffic before the winter holidays",
            SOURCE_EN,
        ),
        ("Harga beras", SOURCE_EN),
    ] {
        let found = match_quote(quote, source).unwrap();
        assert_eq!(found.class, MatchClass::NotFound, "{quote}: {found:?}");
        assert_eq!((found.source_start, found.source_end), (None, None));
        assert!(found.score < 0.5, "{}", found.score);
    }
}

#[test]
fn a_quote_without_words_is_an_error() {
    assert!(match_quote("… “ ” !!", SOURCE_EN).is_err());
}

#[test]
fn one_index_answers_many_quotations() {
    let index = SourceIndex::new(SOURCE_EN);
    assert_eq!(
        index
            .find("we watch sugar prices every week")
            .unwrap()
            .class,
        MatchClass::Verbatim
    );
    assert_eq!(
        index.find("we watch sugar prices every day").unwrap().class,
        MatchClass::Altered
    );
}

/// Words for generated sources: a small vocabulary so words repeat as in real text.
fn word() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "harga", "beras", "naik", "kata", "menteri", "yang", "dan", "di", "the", "price", "said",
        "of", "Jakarta", "2024", "22", "persen", "tidak", "akan", "we", "will", "Bulog", "stok",
        "gudang", "é", "ñandú",
    ])
    .prop_map(str::to_string)
}

/// A source of words joined by varied punctuation and whitespace.
fn source() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec(
        (
            word(),
            prop::sample::select(vec![" ", ", ", ". ", "\n", " “", "” ", " - ", "... "])
                .prop_map(str::to_string),
        ),
        1..300,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// A quotation cut from a source at word boundaries is found verbatim, and where its
    /// words occur only once, at exactly the place it was cut from.
    #[test]
    fn a_quote_cut_from_the_source_is_verbatim_at_its_place(pieces in source(), cut in any::<(prop::sample::Index, prop::sample::Index)>()) {
        let mut text = String::new();
        let mut spans = Vec::new();
        for (word, gap) in &pieces {
            let start = text.chars().count();
            text.push_str(word);
            spans.push((start, text.chars().count()));
            text.push_str(gap);
        }
        let (a, b) = (cut.0.index(pieces.len()), cut.1.index(pieces.len()));
        let (first, last) = (a.min(b), a.max(b));
        let (start, end) = (spans[first].0, spans[last].1);
        let quote: String = text.chars().skip(start).take(end - start).collect();
        // An ellipsis inside the cut would mean "text left out": strip them from the quote
        // so it is one part.
        let quote = quote.replace("...", " ");
        let found = match_quote(&quote, &text).unwrap();
        prop_assert_eq!(found.class, MatchClass::Verbatim);
        prop_assert_eq!(found.score, 1.0);
        let words: Vec<String> = pieces[first..=last].iter().map(|(w, _)| w.to_lowercase()).collect();
        let occurrences = pieces.windows(words.len()).filter(|w| w.iter().map(|(x, _)| x.to_lowercase()).eq(words.iter().cloned())).count();
        let (found_start, found_end) = (found.source_start.unwrap(), found.source_end.unwrap());
        let shown: String = text.chars().skip(found_start).take(found_end - found_start).collect();
        prop_assert_eq!(shown.replace("...", " ").split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect::<Vec<_>>(), words);
        if occurrences == 1 {
            prop_assert_eq!((found_start, found_end), (start, end));
        }
    }

    /// Dropping a word from the inside of a cut quotation makes it altered, unless the
    /// shorter run of words happens to be in the source as it is.
    #[test]
    fn a_dropped_inner_word_is_altered(pieces in source(), cut in any::<(prop::sample::Index, prop::sample::Index, prop::sample::Index)>()) {
        prop_assume!(pieces.len() >= 3);
        let (a, b) = (cut.0.index(pieces.len()), cut.1.index(pieces.len()));
        let (first, last) = (a.min(b), a.max(b));
        prop_assume!(last - first >= 2);
        let dropped = first + 1 + cut.2.index(last - first - 1);
        let text: String = pieces.iter().map(|(w, gap)| format!("{w}{gap}")).collect();
        let quote: String = (first..=last).filter(|&i| i != dropped).map(|i| pieces[i].0.as_str()).collect::<Vec<_>>().join(" ");
        let found = match_quote(&quote, &text).unwrap();
        let words: Vec<String> = (first..=last).filter(|&i| i != dropped).map(|i| pieces[i].0.to_lowercase()).collect();
        let as_is = pieces.windows(words.len()).any(|w| w.iter().map(|(x, _)| x.to_lowercase()).eq(words.iter().cloned()));
        // A generated source can hold "..." between words: those are ellipses in the quotation
        // only if the quotation has them, which it does not here.
        if as_is {
            prop_assert_eq!(found.class, MatchClass::Verbatim);
        } else {
            prop_assert_ne!(found.class, MatchClass::Verbatim);
        }
    }

    /// Two stretches cut from a source and joined by an ellipsis are verbatim, the passage
    /// running from the first to the last (when each stretch's words occur once: with
    /// repeats, the longer part is placed first and may pick another copy).
    #[test]
    fn stretches_joined_by_an_ellipsis_are_verbatim(pieces in source(), cuts in any::<[prop::sample::Index; 4]>(), ellipsis in prop::sample::select(vec!["…", "...", " . . . ", " [...] "])) {
        let mut bounds: Vec<usize> = cuts.iter().map(|c| c.index(pieces.len())).collect();
        bounds.sort_unstable();
        prop_assume!(bounds[1] < bounds[2]);
        let words = |from: usize, to: usize| pieces[from..=to].iter().map(|(w, _)| w.to_lowercase()).collect::<Vec<_>>();
        let occurs = |run: &[String]| pieces.windows(run.len()).filter(|w| w.iter().map(|(x, _)| x.to_lowercase()).eq(run.iter().cloned())).count();
        let (first, second) = (words(bounds[0], bounds[1]), words(bounds[2], bounds[3]));
        prop_assume!(occurs(&first) == 1 && occurs(&second) == 1);
        let mut text = String::new();
        let mut spans = Vec::new();
        for (word, gap) in &pieces {
            let start = text.chars().count();
            text.push_str(word);
            spans.push((start, text.chars().count()));
            text.push_str(gap);
        }
        // The source's own gaps may hold "..." too: the quotation's words are joined by spaces.
        let quote = format!("{}{ellipsis}{}", first.join(" "), second.join(" "));
        let found = match_quote(&quote, &text).unwrap();
        prop_assert_eq!(found.class, MatchClass::Verbatim, "{:?}", found);
        prop_assert_eq!((found.source_start, found.source_end), (Some(spans[bounds[0]].0), Some(spans[bounds[3]].1)));
    }

    /// Any quotation against any source: no panic, offsets within the source on character
    /// boundaries, a score in 0..1, and a class consistent with the edits.
    #[test]
    fn any_quote_and_source_give_a_sound_answer(quote in "\\PC{0,80}", source in "\\PC{0,400}") {
        if let Ok(found) = match_quote(&quote, &source) {
            prop_assert!((0.0..=1.0).contains(&found.score));
            let length = source.chars().count();
            match (found.source_start, found.source_end) {
                (Some(start), Some(end)) => prop_assert!(start < end && end <= length),
                (None, None) => prop_assert_eq!(found.class, MatchClass::NotFound),
                _ => prop_assert!(false, "one offset without the other"),
            }
            prop_assert_eq!(found.class == MatchClass::Verbatim, found.class != MatchClass::NotFound && found.edits.is_empty());
        }
    }
}
