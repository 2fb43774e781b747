//! factdesk's use cases: what a fact-checker can do, whichever front they use.
//!
//! The CLI (`crates/cli`) and the desktop app (`src-tauri`) are thin layers over
//! [`Workbench`]; anything either can do is a method here, so both behave the same.

mod analysis;
mod error;
mod evidence;
mod export;
mod extract;
mod import;
mod location;
mod quote_match;
mod quote_search;
mod review;
mod scales;
mod speakers;
mod versions;
mod watch;

pub use analysis::{AnalysisRecord, ArticleAnalysis, ClaimPage, ClaimQuery, SpeakerSummary};
pub use error::{ErrorKind, ErrorPayload, WorkbenchError};
pub use evidence::{AddedSource, LinkEdit, LinkMatch, SourceInput};
pub use export::{ExportFormat, ExportOutcome, ExportRequest, ExportSelection};
pub use extract::PageExtraction;
pub use factdesk_ingest::Rules;
pub use factdesk_report::{
    BundleCheck, BundleProblem, Finding, Organisation, ReportData, Severity,
};
pub use import::{ImportOutcome, ImportProgress, ImportReport, ImportStatus, MAX_ARTICLE_BYTES};
pub use location::{DATABASE_ENV, database_path, default_database_path};
pub use quote_match::SourceMatch;
pub use quote_search::QuoteSighting;
pub use review::{Rating, ReviewRequest, STATES, STATUSES};
pub use scales::{Scale, parse_scale};
pub use speakers::{SpeakerPage, SpeakerQuote};
pub use versions::{
    AffectedClaim, DIFF_DEADLINE, MetadataChange, RefreshOutcome, VersionDiff, VersionEntry,
};
pub use watch::{WatchCheck, WatchSelection};

use factdesk_core::{ArticleDetail, ArticleId, ArticleSummary, SearchHit, VersionId};
use factdesk_store::Store;
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

/// A page of the article list with the total, for a list that loads as it scrolls.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ArticlePage {
    pub articles: Vec<ArticleSummary>,
    #[ts(type = "number")]
    pub offset: u64,
    #[ts(type = "number")]
    pub total: u64,
}

/// Which articles to list; absent or empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ArticleQuery {
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub site: Option<String>,
    /// YYYY-MM-DD, inclusive.
    #[serde(default)]
    pub published_from: Option<String>,
    #[serde(default)]
    pub published_until: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub verdict: Option<String>,
    #[serde(default)]
    pub speaker: Option<String>,
    /// Only articles edited substantively after their newest review.
    #[serde(default)]
    pub changed_since_review: bool,
}

impl ArticleQuery {
    fn filter(&self) -> factdesk_store::ArticleFilter {
        let field = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        factdesk_store::ArticleFilter {
            language: field(&self.language),
            site: field(&self.site),
            published_from: field(&self.published_from),
            published_until: field(&self.published_until),
            status: field(&self.status),
            verdict: field(&self.verdict),
            speaker: field(&self.speaker),
            changed_since_review: self.changed_since_review,
        }
    }
}

/// What the window shows about the running factdesk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AppInfo {
    pub version: String,
    /// The database file, or ":memory:".
    pub database: String,
    pub schema_version: u32,
}

/// The version of factdesk, written into exports.
pub const FACTDESK_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Where the workbench gets the time: the system clock, or a fixed time for reproducible
/// output and tests.
#[derive(Debug, Clone)]
pub enum Clock {
    System,
    Fixed(String),
}

impl Clock {
    /// The current time as RFC 3339 UTC with second precision ("2026-11-25T10:00:00Z").
    pub fn now(&self) -> String {
        match self {
            Clock::Fixed(at) => at.clone(),
            Clock::System => {
                let now = time::OffsetDateTime::now_utc()
                    .replace_nanosecond(0)
                    .unwrap_or_else(|_| time::OffsetDateTime::now_utc());
                now.format(&time::format_description::well_known::Rfc3339)
                    .unwrap_or_else(|_| now.to_string())
            }
        }
    }
}

/// An open workbench: one database and the use cases over it.
pub struct Workbench {
    store: Store,
    clock: Clock,
    /// Created on the first fetch; keeps connections for the rest of a batch.
    fetcher: Option<factdesk_ingest::Fetcher>,
    fetch_limits: factdesk_ingest::FetchLimits,
    /// The shipped rules plus the user's (`rules/` beside the database); `None`: shipped only.
    rules: Option<std::sync::Arc<factdesk_ingest::Rules>>,
}

/// The folder of a user's own extraction rules: `rules/` beside the database file.
pub fn rules_folder(database: &Path) -> std::path::PathBuf {
    database.parent().unwrap_or(Path::new(".")).join("rules")
}

/// The rules that apply to a database: the shipped ones plus any `rules/*.txt` beside it.
pub fn rules_for_database(database: &Path) -> Result<factdesk_ingest::Rules, WorkbenchError> {
    factdesk_ingest::Rules::with_folder(&rules_folder(database))
        .map_err(|e| WorkbenchError::InvalidInput(format!("cannot use the extraction rules: {e}")))
}

impl Workbench {
    /// Opens the workbench database at `path`, creating or upgrading it.
    pub fn open(path: &Path) -> Result<Workbench, WorkbenchError> {
        let rules = if rules_folder(path).is_dir() {
            Some(std::sync::Arc::new(rules_for_database(path)?))
        } else {
            None
        };
        let mut workbench = Workbench::with_store(Store::open(path)?);
        workbench.rules = rules;
        Ok(workbench)
    }

    /// A workbench in memory (tests, previews).
    pub fn in_memory() -> Result<Workbench, WorkbenchError> {
        Ok(Workbench::with_store(Store::open_in_memory()?))
    }

    fn with_store(store: Store) -> Workbench {
        Workbench {
            store,
            clock: Clock::System,
            fetcher: None,
            fetch_limits: factdesk_ingest::FetchLimits::default(),
            rules: None,
        }
    }

    /// The extraction rules in force.
    pub(crate) fn rules(&self) -> &factdesk_ingest::Rules {
        self.rules
            .as_deref()
            .unwrap_or_else(|| factdesk_ingest::Rules::builtin())
    }

    /// Uses these limits for pages fetched from now on.
    pub fn with_fetch_limits(mut self, limits: factdesk_ingest::FetchLimits) -> Workbench {
        self.fetch_limits = limits;
        self.fetcher = None;
        self
    }

    pub(crate) fn fetcher(&mut self) -> &factdesk_ingest::Fetcher {
        let limits = self.fetch_limits.clone();
        self.fetcher
            .get_or_insert_with(|| factdesk_ingest::Fetcher::new(limits))
    }

    /// Uses `clock` for every time this workbench records.
    pub fn with_clock(mut self, clock: Clock) -> Workbench {
        self.clock = clock;
        self
    }

    /// The database file, or `None` in memory.
    pub fn database_path(&self) -> Option<&Path> {
        self.store.path()
    }

    /// Articles, newest first.
    pub fn list(&self, limit: usize, offset: usize) -> Result<Vec<ArticleSummary>, WorkbenchError> {
        Ok(self.store.list_articles(limit, offset)?)
    }

    /// A page of the article list with the total count.
    pub fn page(&self, limit: usize, offset: usize) -> Result<ArticlePage, WorkbenchError> {
        Ok(ArticlePage {
            articles: self.list(limit, offset)?,
            offset: offset as u64,
            total: self.count()?,
        })
    }

    /// A page of the articles matching a query (language, outlet, dates, review state,
    /// speaker), with how many match in all.
    pub fn filtered_page(
        &self,
        query: &ArticleQuery,
        limit: usize,
        offset: usize,
    ) -> Result<ArticlePage, WorkbenchError> {
        let filter = query.filter();
        Ok(ArticlePage {
            articles: self.store.list_articles_filtered(&filter, limit, offset)?,
            offset: offset as u64,
            total: self.store.count_articles_filtered(&filter)?,
        })
    }

    /// The version and database of this workbench.
    pub fn info(&self) -> Result<AppInfo, WorkbenchError> {
        Ok(AppInfo {
            version: FACTDESK_VERSION.into(),
            database: self
                .database_path()
                .map_or_else(|| ":memory:".into(), |p| p.display().to_string()),
            schema_version: self.store.schema_version()?,
        })
    }

    /// How many articles there are.
    pub fn count(&self) -> Result<u64, WorkbenchError> {
        Ok(self.store.count_articles()?)
    }

    /// One article's summary: what the list shows, with its watch and edit flags.
    pub fn article(&self, id: ArticleId) -> Result<ArticleSummary, WorkbenchError> {
        self.store
            .article(id)?
            .ok_or(WorkbenchError::ArticleNotFound(id))
    }

    /// An article opened at `version` (its newest version when `None`).
    pub fn show(
        &self,
        id: ArticleId,
        version: Option<VersionId>,
    ) -> Result<ArticleDetail, WorkbenchError> {
        let article = self
            .store
            .article(id)?
            .ok_or(WorkbenchError::ArticleNotFound(id))?;
        let versions = self.store.versions(id)?;
        let version_id = match version {
            None => article.latest_version_id,
            Some(v) if versions.iter().any(|info| info.id == v) => v,
            Some(v) => {
                return Err(WorkbenchError::VersionNotFound {
                    article: id,
                    version: v,
                });
            }
        };
        let text = self
            .store
            .version_text(version_id)?
            .ok_or(WorkbenchError::VersionNotFound {
                article: id,
                version: version_id,
            })?;
        Ok(ArticleDetail {
            article,
            versions,
            version_id,
            text,
        })
    }

    /// Articles matching what the user typed, best first.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, WorkbenchError> {
        Ok(self.store.search(query, limit)?)
    }

    /// [`Workbench::search`] among the articles the list's filters keep.
    pub fn search_filtered(
        &self,
        query: &str,
        limit: usize,
        filter: &ArticleQuery,
    ) -> Result<Vec<SearchHit>, WorkbenchError> {
        Ok(self.store.search_filtered(query, limit, &filter.filter())?)
    }

    /// Deletes an article and its versions.
    pub fn delete(&mut self, id: ArticleId) -> Result<(), WorkbenchError> {
        if self.store.delete_article(id)? {
            Ok(())
        } else {
            Err(WorkbenchError::ArticleNotFound(id))
        }
    }
}
