//! Speakers across the workbench: finding them, the speaker page (every quotation
//! attributed to a person, with its verdict, article and sources), and merging two
//! speakers that are one person.

use crate::{Workbench, WorkbenchError};
use factdesk_core::{EvidenceLink, SpeakerInfo, StoredClaim};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One quotation or claim on a speaker page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SpeakerQuote {
    pub claim: StoredClaim,
    pub article_title: String,
    pub published: Option<String>,
    pub sources: Vec<EvidenceLink>,
}

/// Everything the workbench holds about what one person said.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SpeakerPage {
    pub speaker: SpeakerInfo,
    pub quotes: Vec<SpeakerQuote>,
}

impl Workbench {
    /// Speakers whose name or another name contains `name` (all when empty), most quoted first.
    pub fn speakers(&self, name: &str, limit: usize) -> Result<Vec<SpeakerInfo>, WorkbenchError> {
        Ok(self.store.speakers(name, limit)?)
    }

    pub fn speaker_page(&self, id: i64) -> Result<SpeakerPage, WorkbenchError> {
        let speaker = self.store.speaker(id)?.ok_or_else(|| unknown(id))?;
        let mut quotes = Vec::new();
        for claim in self.store.speaker_claims(id)? {
            let article = self.store.article(claim.article_id)?;
            quotes.push(SpeakerQuote {
                article_title: article
                    .as_ref()
                    .map(|a| a.title.clone())
                    .unwrap_or_default(),
                published: article.and_then(|a| a.published),
                sources: self.store.claim_links(claim.id)?,
                claim,
            });
        }
        Ok(SpeakerPage { speaker, quotes })
    }

    /// Merges speaker `from` into `into` (they are one person): `from`'s quotations and
    /// names go to `into`. Audited; undo brings `from` back.
    pub fn merge_speakers(&mut self, into: i64, from: i64) -> Result<SpeakerPage, WorkbenchError> {
        if into == from {
            return Err(WorkbenchError::InvalidInput(format!(
                "speaker {into} cannot be merged into itself"
            )));
        }
        for id in [into, from] {
            self.store.speaker(id)?.ok_or_else(|| unknown(id))?;
        }
        let (reviewer, now) = (self.reviewer()?, self.clock.now());
        self.store.merge_speakers(into, from, &reviewer, &now)?;
        self.speaker_page(into)
    }
}

fn unknown(id: i64) -> WorkbenchError {
    WorkbenchError::InvalidInput(format!(
        "no speaker with id {id}; `factdesk speakers` shows the ids"
    ))
}
