//! Where else a quotation appears (`factdesk quote-search`): the stored claims and
//! quotations of every article whose words are the same or nearly the same, oldest first,
//! so the checker sees which article had it first.

use crate::{Workbench, WorkbenchError};
use factdesk_core::quote_match::{MatchClass, match_quote};
use factdesk_core::{ArticleId, VersionId};
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// Claims read from the store at a time while scanning.
const PAGE: usize = 5_000;

/// One article where the words appear.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct QuoteSighting {
    pub claim_id: i64,
    pub article_id: ArticleId,
    pub version_id: VersionId,
    /// "direct", "indirect" or "claim".
    pub kind: String,
    pub text: String,
    pub speaker: Option<String>,
    pub title: String,
    pub site: Option<String>,
    pub published: Option<String>,
    pub captured_at: String,
    /// When it appeared: the article's publication time, or its capture when that is unknown.
    pub appeared: String,
    /// How the searched words compare with this claim's: verbatim (within it) or altered.
    #[ts(type = "'verbatim' | 'altered' | 'not_found'")]
    pub class: MatchClass,
    pub score: f64,
    /// The earliest appearance found.
    pub first: bool,
}

impl Workbench {
    /// Stored claims and quotations (not rejected) that contain `words` verbatim or nearly,
    /// one per article (its best match), ordered by when they appeared. Every claim is
    /// compared, so the time grows with the number of claims in the workbench.
    /// Where else the words of a stored claim or quotation appear, oldest first.
    pub fn sightings(
        &self,
        claim_id: i64,
        limit: usize,
    ) -> Result<Vec<QuoteSighting>, WorkbenchError> {
        let claim = self
            .store
            .claim(claim_id)?
            .ok_or(WorkbenchError::ClaimNotFound(claim_id))?;
        self.quote_search(&claim.text, limit)
    }

    pub fn quote_search(
        &self,
        words: &str,
        limit: usize,
    ) -> Result<Vec<QuoteSighting>, WorkbenchError> {
        if words
            .split(|c: char| !c.is_alphanumeric())
            .all(str::is_empty)
        {
            return Err(WorkbenchError::InvalidInput(
                "give the words of a quotation to look for".into(),
            ));
        }
        let mut best: HashMap<ArticleId, (factdesk_core::StoredClaim, MatchClass, f64)> =
            HashMap::new();
        let filter = factdesk_store::ClaimFilter::default();
        for offset in (0..).step_by(PAGE) {
            let claims = self.store.claims(&filter, PAGE, offset)?;
            let done = claims.len() < PAGE;
            for claim in claims {
                let Ok(found) = match_quote(words, &claim.text) else {
                    continue;
                };
                if found.class == MatchClass::NotFound {
                    continue;
                }
                // Ties go to a quotation over the sentence holding it, then to the older version.
                let rank = |claim: &factdesk_core::StoredClaim, score: f64| {
                    (
                        std::cmp::Reverse(to_thousandths(score)),
                        claim.kind == "claim",
                        claim.version_id,
                    )
                };
                let better = best
                    .get(&claim.article_id)
                    .is_none_or(|(kept, _, score)| rank(&claim, found.score) < rank(kept, *score));
                if better {
                    best.insert(claim.article_id, (claim, found.class, found.score));
                }
            }
            if done {
                break;
            }
        }
        let mut sightings = Vec::with_capacity(best.len());
        for (article_id, (claim, class, score)) in best {
            let Some(article) = self.store.article(article_id)? else {
                continue;
            };
            let captured_at = self
                .store
                .versions(article_id)?
                .into_iter()
                .find(|v| v.id == claim.version_id)
                .map_or_else(|| article.captured_at.clone(), |v| v.captured_at);
            let appeared = article
                .published
                .clone()
                .unwrap_or_else(|| captured_at.clone());
            sightings.push(QuoteSighting {
                claim_id: claim.id,
                article_id,
                version_id: claim.version_id,
                kind: claim.kind,
                text: claim.text,
                speaker: claim.speaker,
                title: article.title,
                site: article.site,
                published: article.published,
                captured_at,
                appeared,
                class,
                score,
                first: false,
            });
        }
        sightings.sort_by_key(|s| (instant(&s.appeared), s.article_id));
        if let Some(first) = sightings.first_mut() {
            first.first = true;
        }
        sightings.truncate(limit);
        Ok(sightings)
    }
}

/// Scores are rounded to thousandths; as integers they order totally.
fn to_thousandths(score: f64) -> i64 {
    (score * 1000.0).round() as i64
}

/// An RFC 3339 time as UTC seconds for ordering (times in different zones compare right);
/// an unreadable one sorts last.
fn instant(at: &str) -> i64 {
    time::OffsetDateTime::parse(at, &time::format_description::well_known::Rfc3339)
        .map_or(i64::MAX, |t| t.unix_timestamp())
}
