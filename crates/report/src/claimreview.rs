//! schema.org ClaimReview JSON-LD for each claim with a verdict, and an offline validator
//! that says which required fields are missing before anything is published.
//!
//! The numeric rating follows the rating scale's order over the verdicts that rate truth:
//! with N of them, the best (first) is N and the last is 1 (`bestRating` N, `worstRating`
//! 1). A verdict off that axis ("Unproven") gets no `ratingValue`: ranking it below "False"
//! would say something the checker did not. `alternateName` carries the verdict's label in
//! the report's language, which is what readers and search engines show.

use crate::{ReportArticle, ReportClaim, ReportData};
use serde::Serialize;
use serde_json::{Value, json};

/// Past this many characters `claimReviewed` is cut short where it is shown.
pub const CLAIM_REVIEWED_MAX_CHARS: usize = 75;

/// A problem the validator found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// "error" (the ClaimReview is not usable) or "warning" (usable, but worth fixing).
    pub severity: Severity,
    /// Which ClaimReview: its position in the file (1-based) and what it reviews.
    pub item: String,
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{severity}: {}: {}", self.item, self.message)
    }
}

/// The ClaimReview documents of a report's claims that have a verdict, as one JSON array.
pub fn claim_reviews(data: &ReportData) -> Value {
    Value::Array(
        data.claims()
            .filter(|(_, claim)| claim.verdict.is_some())
            .map(|(article, claim)| claim_review(data, article, claim))
            .collect(),
    )
}

fn claim_review(data: &ReportData, article: &ReportArticle, claim: &ReportClaim) -> Value {
    let key = claim.verdict.as_deref().unwrap_or_default();
    let rated: Vec<&str> = data
        .scale
        .iter()
        .filter(|v| v.rated)
        .map(|v| v.key.as_str())
        .collect();
    let best = rated.len();
    let mut rating = json!({ "@type": "Rating", "alternateName": data.verdict_label(key) });
    if let Some(position) = rated.iter().position(|k| *k == key) {
        rating["ratingValue"] = json!(best - position);
        rating["bestRating"] = json!(best);
        rating["worstRating"] = json!(1);
    }
    let mut review = json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim.text,
        "reviewRating": rating,
        "itemReviewed": claim_item(article, claim),
    });
    if let Some(organisation) = &data.organisation {
        let mut author = json!({ "@type": "Organization", "name": organisation.name });
        if let Some(url) = &organisation.url {
            author["url"] = json!(url);
            review["url"] = json!(format!("{}#claim-{}", url.trim_end_matches('/'), claim.id));
        }
        review["author"] = author;
    }
    if let Some(date) = claim.updated_at.as_deref().or(claim.reviewed_at.as_deref()) {
        review["datePublished"] = json!(date.get(..10).unwrap_or(date));
    }
    review
}

/// The reviewed claim: who made it (the speaker, or the outlet for an unattributed claim),
/// when and where it appeared.
fn claim_item(article: &ReportArticle, claim: &ReportClaim) -> Value {
    let mut item = json!({ "@type": "Claim" });
    let author = match (&claim.speaker, &article.outlet) {
        (Some(speaker), _) => Some((
            if speaker.kind == "organization" {
                "Organization"
            } else {
                "Person"
            },
            speaker.name.as_str(),
        )),
        (None, Some(outlet)) => Some(("Organization", outlet.as_str())),
        (None, None) => None,
    };
    if let Some((kind, name)) = author {
        item["author"] = json!({ "@type": kind, "name": name });
    }
    if let Some(published) = &article.published {
        item["datePublished"] = json!(published);
    }
    if let Some(url) = &article.url {
        item["appearance"] = json!({ "@type": "CreativeWork", "url": url });
    }
    if let Some(first) = &claim.first_appearance {
        item["firstAppearance"] = json!({ "@type": "CreativeWork", "url": first.url });
    }
    item
}

/// Checks ClaimReview JSON-LD offline: a single object, an array of them, or an `@graph`.
/// Returns every problem found; no errors means every required field is there.
pub fn validate(document: &Value) -> Vec<Finding> {
    let items: Vec<&Value> = match document {
        Value::Array(items) => items.iter().collect(),
        Value::Object(map) => match map.get("@graph") {
            Some(Value::Array(items)) => items.iter().collect(),
            _ => vec![document],
        },
        _ => {
            return vec![Finding {
                severity: Severity::Error,
                item: "file".into(),
                message: "expected a ClaimReview object, an array of them or an @graph".into(),
            }];
        }
    };
    let mut findings = Vec::new();
    if items.is_empty() {
        findings.push(Finding {
            severity: Severity::Error,
            item: "file".into(),
            message: "holds no ClaimReview".into(),
        });
    }
    for (index, item) in items.iter().enumerate() {
        check_item(index + 1, item, &mut findings);
    }
    findings
}

fn text<'a>(value: &'a Value, field: &str) -> Option<&'a str> {
    value
        .get(field)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn check_item(position: usize, item: &Value, findings: &mut Vec<Finding>) {
    let label = match text(item, "claimReviewed") {
        Some(claim) => format!(
            "ClaimReview {position} (\u{201c}{}\u{201d})",
            claim.chars().take(40).collect::<String>()
        ),
        None => format!("ClaimReview {position}"),
    };
    let mut problems: Vec<(Severity, String)> = Vec::new();
    if item.get("@type").and_then(Value::as_str) != Some("ClaimReview") {
        problems.push((Severity::Error, "@type must be \"ClaimReview\"".into()));
    }
    if !item
        .get("@context")
        .and_then(Value::as_str)
        .is_some_and(|c| c.contains("schema.org"))
    {
        problems.push((
            Severity::Error,
            "@context must be \"https://schema.org\"".into(),
        ));
    }
    match text(item, "claimReviewed") {
        None => problems.push((Severity::Error, "claimReviewed is missing: the text of the claim that was checked".into())),
        Some(claim) if claim.chars().count() > CLAIM_REVIEWED_MAX_CHARS => problems.push((
            Severity::Warning,
            format!("claimReviewed has {} characters; past {CLAIM_REVIEWED_MAX_CHARS} it is cut short where it is shown", claim.chars().count()),
        )),
        Some(_) => {}
    }
    match text(item, "url") {
        None => problems.push((
            Severity::Error,
            "url is missing: the page that publishes the fact-check (set the organisation's URL)"
                .into(),
        )),
        Some(url) if !(url.starts_with("https://") || url.starts_with("http://")) => {
            problems.push((
                Severity::Error,
                format!("url {url:?} is not an http(s) address"),
            ))
        }
        Some(_) => {}
    }
    match item.get("author") {
        Some(author) if text(author, "name").is_some() => {}
        Some(_) => problems.push((Severity::Error, "author has no name".into())),
        None => problems.push((
            Severity::Error,
            "author is missing: the organisation that checked the claim (set it in preferences)"
                .into(),
        )),
    }
    if text(item, "datePublished").is_none() {
        problems.push((
            Severity::Error,
            "datePublished is missing: when the fact-check was published".into(),
        ));
    }
    check_rating(item.get("reviewRating"), &mut problems);
    check_claim(item.get("itemReviewed"), &mut problems);
    findings.extend(problems.into_iter().map(|(severity, message)| Finding {
        severity,
        item: label.clone(),
        message,
    }));
}

fn check_rating(rating: Option<&Value>, problems: &mut Vec<(Severity, String)>) {
    let Some(rating) = rating.filter(|r| r.is_object()) else {
        problems.push((
            Severity::Error,
            "reviewRating is missing: the verdict as a Rating".into(),
        ));
        return;
    };
    if text(rating, "alternateName").is_none() {
        problems.push((
            Severity::Error,
            "reviewRating.alternateName is missing: the verdict in words (\"False\", \"Salah\")"
                .into(),
        ));
    }
    let number = |field: &str| {
        rating.get(field).and_then(|v| {
            v.as_f64()
                .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
        })
    };
    let (value, best, worst) = (
        number("ratingValue"),
        number("bestRating"),
        number("worstRating"),
    );
    // A verdict off the truth scale ("Unproven") is given by its name alone; a number
    // given without its range cannot be read.
    let numbered = ["ratingValue", "bestRating", "worstRating"]
        .iter()
        .any(|field| rating.get(*field).is_some());
    for (field, found) in [
        ("ratingValue", value),
        ("bestRating", best),
        ("worstRating", worst),
    ] {
        if numbered && found.is_none() {
            problems.push((
                Severity::Error,
                format!("reviewRating.{field} is missing or not a number"),
            ));
        }
    }
    if let (Some(value), Some(best), Some(worst)) = (value, best, worst)
        && (worst > best || value < worst || value > best)
    {
        problems.push((Severity::Error, format!("reviewRating.ratingValue {value} is not between worstRating {worst} and bestRating {best}")));
    }
}

fn check_claim(claim: Option<&Value>, problems: &mut Vec<(Severity, String)>) {
    let Some(claim) = claim.filter(|c| c.is_object()) else {
        problems.push((
            Severity::Error,
            "itemReviewed is missing: the Claim that was checked".into(),
        ));
        return;
    };
    if claim.get("@type").and_then(Value::as_str) != Some("Claim") {
        problems.push((
            Severity::Error,
            "itemReviewed.@type must be \"Claim\"".into(),
        ));
    }
    match claim.get("author") {
        Some(author) => {
            if !matches!(
                author.get("@type").and_then(Value::as_str),
                Some("Person" | "Organization")
            ) {
                problems.push((
                    Severity::Error,
                    "itemReviewed.author.@type must be \"Person\" or \"Organization\"".into(),
                ));
            }
            if text(author, "name").is_none() {
                problems.push((Severity::Error, "itemReviewed.author has no name".into()));
            }
        }
        None => problems.push((
            Severity::Warning,
            "itemReviewed.author is missing: who made the claim".into(),
        )),
    }
    if text(claim, "datePublished").is_none() {
        problems.push((
            Severity::Warning,
            "itemReviewed.datePublished is missing: when the claim was made".into(),
        ));
    }
    let appearance_url = claim.get("appearance").and_then(|a| {
        if a.is_string() {
            a.as_str()
        } else {
            text(a, "url")
        }
    });
    if appearance_url.is_none() {
        problems.push((
            Severity::Warning,
            "itemReviewed.appearance is missing: where the claim appeared (the article's URL)"
                .into(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete() -> Value {
        json!({
            "@context": "https://schema.org", "@type": "ClaimReview",
            "claimReviewed": "Harga beras naik 40 persen", "url": "https://cekfakta.example/#claim-1",
            "author": {"@type": "Organization", "name": "Cek Fakta"}, "datePublished": "2025-06-20",
            "reviewRating": {"@type": "Rating", "ratingValue": 2, "bestRating": 5, "worstRating": 1, "alternateName": "Salah"},
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Budi"}, "datePublished": "2025-06-18",
                             "appearance": {"@type": "CreativeWork", "url": "https://berita.example/a"}}
        })
    }

    #[test]
    fn a_complete_claim_review_has_no_findings() {
        assert_eq!(validate(&complete()), vec![]);
        assert_eq!(validate(&json!([complete(), complete()])), vec![]);
    }

    #[test]
    fn missing_required_fields_are_named() {
        let mut review = complete();
        let map = review.as_object_mut().unwrap();
        map.remove("author");
        map.remove("url");
        map["reviewRating"]
            .as_object_mut()
            .unwrap()
            .remove("alternateName");
        let messages: Vec<String> = validate(&review).iter().map(|f| f.to_string()).collect();
        assert_eq!(messages.len(), 3, "{messages:#?}");
        assert!(messages.iter().any(|m| {
            m.contains("error: ClaimReview 1 (“Harga beras naik 40 persen”): author is missing")
        }));
        assert!(messages.iter().any(|m| m.contains("url is missing")));
        assert!(
            messages
                .iter()
                .any(|m| m.contains("alternateName is missing"))
        );
    }

    #[test]
    fn a_long_claim_and_a_rating_off_the_scale() {
        let mut review = complete();
        review["claimReviewed"] = json!("x".repeat(76));
        review["reviewRating"]["ratingValue"] = json!(9);
        let findings = validate(&review);
        assert_eq!(findings.len(), 2, "{findings:#?}");
        assert_eq!(findings[0].severity, Severity::Warning);
        assert!(findings[0].message.contains("76 characters"));
        assert!(findings[1].message.contains("ratingValue 9 is not between"));
        review["claimReviewed"] = json!("x".repeat(75));
        review["reviewRating"]["ratingValue"] = json!(1);
        assert_eq!(validate(&review), vec![]);
    }

    #[test]
    fn a_verdict_given_by_name_alone_is_valid_but_a_half_given_number_is_not() {
        let mut review = complete();
        review["reviewRating"] = json!({"@type": "Rating", "alternateName": "Tidak terbukti"});
        assert_eq!(validate(&review), vec![]);
        review["reviewRating"]["ratingValue"] = json!(2);
        let messages: Vec<String> = validate(&review).iter().map(|f| f.to_string()).collect();
        assert_eq!(messages.len(), 2, "{messages:#?}");
        assert!(messages.iter().any(|m| m.contains("bestRating is missing")));
        assert!(
            messages
                .iter()
                .any(|m| m.contains("worstRating is missing"))
        );
    }

    #[test]
    fn not_a_claim_review_at_all() {
        assert_eq!(validate(&json!("text"))[0].item, "file");
        assert!(
            validate(&json!([]))
                .iter()
                .any(|f| f.message == "holds no ClaimReview")
        );
        assert!(
            validate(&json!({"@type": "Article"}))
                .iter()
                .any(|f| f.message.contains("@type must be"))
        );
    }
}
