//! Exporting verification reports: gathers a [`ReportData`] from the store for a
//! selection (an article, named claims, a period, everything), hands it to the report
//! crate, and writes the file atomically. Also the checks of exported files:
//! `validate-claimreview` and `verify-bundle`.

use crate::{FACTDESK_VERSION, Workbench, WorkbenchError};
use factdesk_core::AuditEvent;
use factdesk_report::{
    Appearance, Attachment, BundleCheck, Evidence, Finding, HistoryEntry, LaterVersion,
    Organisation, Renderer, ReportArticle, ReportClaim, ReportData, ReportVersion, Scope, Severity,
    SourceMatch, Speaker, Verdict,
};
use factdesk_store::{ClaimAnchor, EvidenceLink, ReportSelection, ReviewedClaim};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The file formats a report is exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// Markdown.
    Md,
    /// Self-contained HTML, printable.
    Html,
    /// JSON following `crates/report/schema/report-v1.schema.json`.
    Json,
    /// One row per claim.
    Csv,
    /// schema.org ClaimReview JSON-LD, one per claim with a verdict.
    Claimreview,
    /// A zip of the report, every archived capture and source, and a SHA-256 manifest.
    Bundle,
}

impl ExportFormat {
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Md => "md",
            ExportFormat::Html => "html",
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
            ExportFormat::Claimreview => "claimreview",
            ExportFormat::Bundle => "bundle",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            ExportFormat::Md => "md",
            ExportFormat::Html => "html",
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
            ExportFormat::Claimreview => "jsonld",
            ExportFormat::Bundle => "zip",
        }
    }
}

/// Which claims a report covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ExportSelection {
    /// The reviewed claims of one article.
    Article { article_id: i64 },
    /// Exactly these claims.
    Claims { claim_ids: Vec<i64> },
    /// Reviewed claims whose review changed between these days (YYYY-MM-DD, inclusive).
    Period {
        since: Option<String>,
        until: Option<String>,
    },
    /// Every reviewed claim.
    All,
}

/// What to export and where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportRequest {
    pub format: ExportFormat,
    pub selection: ExportSelection,
    /// The file to write, or an existing folder to write a file with a generated name into.
    #[ts(type = "string")]
    pub output: PathBuf,
    /// "id" or "en"; by default the articles' language when they share one, else English.
    #[serde(default)]
    pub language: Option<String>,
    /// A folder of templates replacing the shipped ones; by default the `report_templates`
    /// preference, if set.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub templates: Option<PathBuf>,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportOutcome {
    pub path: String,
    pub format: ExportFormat,
    #[ts(type = "number")]
    pub articles: usize,
    #[ts(type = "number")]
    pub claims: usize,
    /// Things worth fixing that did not stop the export (a ClaimReview's long claim text).
    pub warnings: Vec<String>,
}

/// Preference keys.
const ORGANISATION_NAME: &str = "organisation_name";
const ORGANISATION_URL: &str = "organisation_url";
const REPORT_TEMPLATES: &str = "report_templates";

impl Workbench {
    /// Writes a report as the request asks and says where.
    pub fn export(&self, request: &ExportRequest) -> Result<ExportOutcome, WorkbenchError> {
        let data = self.report_data(&request.selection, request.language.as_deref())?;
        let renderer = self.renderer(request.templates.as_deref())?;
        let mut warnings = Vec::new();
        let bytes = match request.format {
            ExportFormat::Md => renderer.markdown(&data)?.into_bytes(),
            ExportFormat::Html => renderer.html(&data)?.into_bytes(),
            ExportFormat::Json => factdesk_report::json_report(&data)?,
            ExportFormat::Csv => factdesk_report::claims_csv(&data)?,
            ExportFormat::Claimreview => {
                let reviews = factdesk_report::claim_reviews(&data);
                let findings = factdesk_report::validate_claimreview(&reviews);
                refuse_errors(&findings, reviews.as_array().is_some_and(|r| r.is_empty()))?;
                warnings.extend(findings.iter().map(ToString::to_string));
                let mut json = serde_json::to_vec_pretty(&reviews)
                    .map_err(|e| WorkbenchError::InvalidInput(e.to_string()))?;
                json.push(b'\n');
                json
            }
            ExportFormat::Bundle => {
                factdesk_report::bundle(&data, &renderer, &self.attachments(&data)?)?
            }
        };
        let target = output_path(&request.output, request.format, &request.selection);
        write_atomically(&target, &bytes)?;
        Ok(ExportOutcome {
            path: target.display().to_string(),
            format: request.format,
            articles: data.articles.len(),
            claims: data.claims().count(),
            warnings,
        })
    }

    /// The report model of a selection: its articles with their versions, and its claims
    /// with review, evidence, later versions and audit trail.
    pub fn report_data(
        &self,
        selection: &ExportSelection,
        language: Option<&str>,
    ) -> Result<ReportData, WorkbenchError> {
        let (store_selection, scope) = self.check_selection(selection)?;
        let claims = self.store.report_claims(&store_selection)?;
        if let ExportSelection::Claims { claim_ids } = selection {
            let missing: Vec<String> = claim_ids
                .iter()
                .filter(|id| !claims.iter().any(|c| c.claim.id == **id))
                .map(ToString::to_string)
                .collect();
            if !missing.is_empty() {
                return Err(WorkbenchError::InvalidInput(format!(
                    "no claim or quotation with id {}; `factdesk claims` shows the ids",
                    missing.join(", ")
                )));
            }
        }
        let mut by_article: BTreeMap<i64, Vec<ReviewedClaim>> = BTreeMap::new();
        if let ExportSelection::Article { article_id } = selection {
            by_article.entry(*article_id).or_default();
        }
        for claim in claims {
            by_article
                .entry(claim.claim.article_id)
                .or_default()
                .push(claim);
        }
        let articles = by_article
            .into_iter()
            .map(|(id, claims)| self.report_article(id, claims))
            .collect::<Result<Vec<_>, _>>()?;
        let language = match language {
            Some(language) if factdesk_report::LANGUAGES.contains(&language) => {
                language.to_string()
            }
            Some(other) => {
                return Err(WorkbenchError::InvalidInput(format!(
                    "reports are written in {}, not {other:?}",
                    factdesk_report::LANGUAGES.join(" or ")
                )));
            }
            None => shared_language(&articles),
        };
        Ok(ReportData {
            factdesk_version: FACTDESK_VERSION.into(),
            exported_at: self.clock.now(),
            language,
            scope,
            organisation: self.organisation()?,
            scale: self
                .ratings()?
                .into_iter()
                .map(|r| Verdict {
                    key: r.key,
                    label_en: r.label_en,
                    label_id: r.label_id,
                    rated: r.rated,
                })
                .collect(),
            articles,
        })
    }

    fn check_selection(
        &self,
        selection: &ExportSelection,
    ) -> Result<(ReportSelection, Scope), WorkbenchError> {
        Ok(match selection {
            ExportSelection::Article { article_id } => {
                self.store
                    .article(*article_id)?
                    .ok_or(WorkbenchError::ArticleNotFound(*article_id))?;
                (
                    ReportSelection::Article(*article_id),
                    Scope::Article {
                        article_id: *article_id,
                    },
                )
            }
            ExportSelection::Claims { claim_ids } if claim_ids.is_empty() => {
                return Err(WorkbenchError::InvalidInput(
                    "name at least one claim: --claims 12,15".into(),
                ));
            }
            ExportSelection::Claims { claim_ids } => (
                ReportSelection::Claims(claim_ids.clone()),
                Scope::Claims {
                    claim_ids: claim_ids.clone(),
                },
            ),
            ExportSelection::Period { since, until } => {
                for day in [since, until].into_iter().flatten() {
                    check_day(day)?;
                }
                (
                    ReportSelection::Period {
                        since: since.clone(),
                        until: until.clone(),
                    },
                    Scope::Period {
                        since: since.clone(),
                        until: until.clone(),
                    },
                )
            }
            ExportSelection::All => (ReportSelection::All, Scope::All),
        })
    }

    fn report_article(
        &self,
        id: i64,
        claims: Vec<ReviewedClaim>,
    ) -> Result<ReportArticle, WorkbenchError> {
        let record = self
            .store
            .article_record(id)?
            .ok_or(WorkbenchError::ArticleNotFound(id))?;
        let versions = self
            .store
            .versions(id)?
            .into_iter()
            .map(|v| ReportVersion {
                checked: claims.iter().any(|c| c.claim.version_id == v.id),
                id: v.id,
                captured_at: v.captured_at,
                sha256: v.sha256,
                source_kind: v.source_kind.as_str().into(),
                source_ref: v.source_ref,
                media_type: v.media_type,
                raw_bytes: v.raw_bytes,
            })
            .collect();
        let ids: Vec<i64> = claims.iter().map(|c| c.claim.id).collect();
        let (mut evidence, mut anchors, mut history) = (
            self.store.claims_evidence(&ids)?,
            self.store.claims_anchors(&ids)?,
            self.store.claims_history(&ids)?,
        );
        let claims = claims
            .into_iter()
            .map(|c| {
                let id = c.claim.id;
                report_claim(
                    c,
                    evidence.remove(&id).unwrap_or_default(),
                    anchors.remove(&id).unwrap_or_default(),
                    history.remove(&id).unwrap_or_default(),
                )
            })
            .collect();
        let a = record.summary;
        Ok(ReportArticle {
            id,
            title: a.title,
            outlet: a.site,
            url: a.url,
            byline: record.byline,
            language: a.language,
            published: a.published,
            updated: record.updated,
            versions,
            claims,
        })
    }

    /// Every version of the report's articles and every archived source its claims cite.
    fn attachments(&self, data: &ReportData) -> Result<Vec<Attachment>, WorkbenchError> {
        let mut attachments = Vec::new();
        for article in &data.articles {
            for version in &article.versions {
                let bytes =
                    self.store
                        .raw_capture(version.id)?
                        .ok_or(WorkbenchError::VersionNotFound {
                            article: article.id,
                            version: version.id,
                        })?;
                let path = format!(
                    "captures/article-{}-version-{}.{}",
                    article.id,
                    version.id,
                    extension_of(&version.media_type)
                );
                attachments.push(Attachment { path, bytes });
            }
        }
        let mut sources: BTreeMap<i64, &str> = BTreeMap::new();
        for (_, claim) in data.claims() {
            for evidence in claim.evidence.iter().filter(|e| e.sha256.is_some()) {
                sources.insert(
                    evidence.source_id,
                    evidence.media_type.as_deref().unwrap_or_default(),
                );
            }
        }
        for (source_id, media_type) in sources {
            if let Some(bytes) = self.store.source_raw(source_id)? {
                attachments.push(Attachment {
                    path: format!("sources/source-{source_id}.{}", extension_of(media_type)),
                    bytes,
                });
            }
        }
        Ok(attachments)
    }

    fn renderer(&self, folder: Option<&Path>) -> Result<Renderer, WorkbenchError> {
        let preferred = match folder {
            Some(folder) => Some(folder.to_path_buf()),
            None => self.store.preference(REPORT_TEMPLATES)?.map(PathBuf::from),
        };
        let Some(folder) = preferred else {
            return Ok(Renderer::new());
        };
        if !folder.is_dir() {
            return Err(WorkbenchError::File {
                path: folder.display().to_string(),
                message: "is not a folder of report templates".into(),
            });
        }
        let mut overrides = Vec::new();
        for name in factdesk_report::TEMPLATE_NAMES {
            let path = folder.join(name);
            if path.is_file() {
                let source = std::fs::read_to_string(&path).map_err(|e| WorkbenchError::File {
                    path: path.display().to_string(),
                    message: format!("cannot be read as a UTF-8 template: {e}"),
                })?;
                overrides.push((name.to_string(), source));
            }
        }
        Renderer::with_overrides(&overrides).map_err(|e| WorkbenchError::File {
            path: folder.display().to_string(),
            message: format!("has a template that does not work: {e}"),
        })
    }

    /// The organisation that publishes reports, when set.
    pub fn organisation(&self) -> Result<Option<Organisation>, WorkbenchError> {
        let Some(name) = self.store.preference(ORGANISATION_NAME)? else {
            return Ok(None);
        };
        Ok(Some(Organisation {
            name,
            url: self
                .store
                .preference(ORGANISATION_URL)?
                .filter(|u| !u.is_empty()),
        }))
    }

    /// Sets the organisation named as the author of reports and ClaimReviews.
    pub fn set_organisation(
        &mut self,
        name: &str,
        url: Option<&str>,
    ) -> Result<Organisation, WorkbenchError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(WorkbenchError::InvalidInput(
                "the organisation's name cannot be empty".into(),
            ));
        }
        let url = url.map(str::trim).filter(|u| !u.is_empty());
        if let Some(url) = url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            return Err(WorkbenchError::InvalidInput(format!(
                "the organisation's URL {url:?} must start with https:// or http://"
            )));
        }
        self.store.set_preference(ORGANISATION_NAME, name)?;
        if let Some(url) = url {
            self.store.set_preference(ORGANISATION_URL, url)?;
        }
        Ok(self.organisation()?.expect("just set"))
    }

    /// Uses the templates in `folder` for reports from now on (its files replace the shipped
    /// templates of the same name).
    pub fn set_report_templates(&mut self, folder: &Path) -> Result<(), WorkbenchError> {
        self.renderer(Some(folder))?;
        let absolute = std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf());
        Ok(self
            .store
            .set_preference(REPORT_TEMPLATES, &absolute.display().to_string())?)
    }

    /// Checks a ClaimReview JSON-LD file offline; returns every finding (none: valid).
    pub fn validate_claimreview_file(path: &Path) -> Result<Vec<Finding>, WorkbenchError> {
        let shown = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| WorkbenchError::File {
            path: shown.clone(),
            message: format!("cannot be read: {e}"),
        })?;
        let json: serde_json::Value =
            serde_json::from_slice(&bytes).map_err(|e| WorkbenchError::File {
                path: shown,
                message: format!("is not JSON: {e}"),
            })?;
        Ok(factdesk_report::validate_claimreview(&json))
    }

    /// Checks an evidence bundle against its manifest.
    pub fn verify_bundle_file(path: &Path) -> Result<BundleCheck, WorkbenchError> {
        let shown = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| WorkbenchError::File {
            path: shown.clone(),
            message: format!("cannot be read: {e}"),
        })?;
        factdesk_report::verify_bundle(&bytes).map_err(|e| WorkbenchError::File {
            path: shown,
            message: format!("is {e}"),
        })
    }
}

/// A claim of the report with its evidence, later versions and audit trail.
fn report_claim(
    reviewed: ReviewedClaim,
    links: Vec<EvidenceLink>,
    anchors: Vec<ClaimAnchor>,
    history: Vec<AuditEvent>,
) -> ReportClaim {
    let c = reviewed.claim;
    let source_match = links
        .iter()
        .find(|l| l.relation == "original" && l.match_class.is_some())
        .map(|l| SourceMatch {
            source_id: l.source_id,
            class: l.match_class.clone().unwrap_or_default(),
            score: l.score,
            source_start: l.source_start.map(|v| v as usize),
            source_end: l.source_end.map(|v| v as usize),
        });
    // The source the checker marked as where the words come from is where the claim first
    // appeared, when it has an address.
    let first_appearance = links
        .iter()
        .find(|l| l.relation == "original" && l.url.is_some())
        .map(|l| Appearance {
            url: l.url.clone().unwrap_or_default(),
            published: l.published.clone(),
        });
    ReportClaim {
        id: c.id,
        version_id: c.version_id,
        kind: c.kind,
        text: c.text,
        start: c.start,
        end: c.end,
        speaker: c.speaker.map(|name| Speaker {
            name,
            kind: reviewed.speaker_kind.unwrap_or_else(|| "person".into()),
            role: c.role,
        }),
        cue: c.cue,
        verdict: c.verdict,
        status: c.status,
        notes: c.notes,
        reviewer: reviewed.reviewer,
        reviewed_at: reviewed.reviewed_at,
        updated_at: reviewed.updated_at,
        evidence: links
            .into_iter()
            .map(|l| Evidence {
                source_id: l.source_id,
                relation: l.relation,
                title: l.title,
                source_kind: l.source_kind,
                url: l.url,
                sha256: l.sha256,
                media_type: l.media_type,
                captured_at: l.captured_at,
                note: l.note,
            })
            .collect(),
        source_match,
        later_versions: (!anchors.is_empty()).then(|| {
            anchors
                .into_iter()
                .map(|a| LaterVersion {
                    version_id: a.version_id,
                    captured_at: a.captured_at,
                    status: a.status,
                    text: a.text,
                })
                .collect()
        }),
        first_appearance,
        history: history
            .into_iter()
            .map(|e| HistoryEntry {
                at: e.at,
                reviewer: e.reviewer,
                field: e.field,
                before: e.before,
                after: e.after,
            })
            .collect(),
    }
}

/// Refuses a ClaimReview export with errors, naming each and how to fix the usual one.
fn refuse_errors(findings: &[Finding], nothing_to_review: bool) -> Result<(), WorkbenchError> {
    if nothing_to_review {
        return Err(WorkbenchError::InvalidInput(
            "no claim in the selection has a verdict, so there is no ClaimReview to write".into(),
        ));
    }
    let errors: Vec<String> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    if errors.is_empty() {
        return Ok(());
    }
    let hint = if errors
        .iter()
        .any(|e| e.contains("author is missing") || e.contains("url is missing"))
    {
        "\nset the organisation with: factdesk organisation NAME --url URL"
    } else {
        ""
    };
    Err(WorkbenchError::InvalidInput(format!(
        "the ClaimReview export is not valid:\n{}{hint}",
        errors.join("\n")
    )))
}

fn check_day(day: &str) -> Result<(), WorkbenchError> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(day, &format).map(|_| ()).map_err(|_| {
        WorkbenchError::InvalidInput(format!("{day:?} is not a day; write it as YYYY-MM-DD"))
    })
}

/// The articles' language when they all share a supported one, else English.
fn shared_language(articles: &[ReportArticle]) -> String {
    let mut languages = articles
        .iter()
        .map(|a| a.language.as_deref().unwrap_or("en"));
    match languages.next() {
        Some(first)
            if factdesk_report::LANGUAGES.contains(&first) && languages.all(|l| l == first) =>
        {
            first.to_string()
        }
        _ => "en".into(),
    }
}

fn extension_of(media_type: &str) -> &'static str {
    match media_type.split(';').next().unwrap_or_default().trim() {
        "text/html" | "application/xhtml+xml" => "html",
        "text/plain" => "txt",
        "text/markdown" => "md",
        "application/pdf" => "pdf",
        _ => "bin",
    }
}

/// The file to write: `output` itself, or a generated, safe name inside it when it is a folder.
fn output_path(output: &Path, format: ExportFormat, selection: &ExportSelection) -> PathBuf {
    if !output.is_dir() {
        return output.to_path_buf();
    }
    let scope = match selection {
        ExportSelection::Article { article_id } => format!("article-{article_id}"),
        ExportSelection::Claims { claim_ids } if claim_ids.len() <= 5 => {
            format!(
                "claims-{}",
                claim_ids
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("-")
            )
        }
        ExportSelection::Claims { .. } => "claims".into(),
        ExportSelection::Period { since, until } => format!(
            "{}-to-{}",
            since.as_deref().unwrap_or("start"),
            until.as_deref().unwrap_or("now")
        ),
        ExportSelection::All => "all".into(),
    };
    output.join(factdesk_report::safe_file_name(&format!(
        "factdesk-report-{scope}.{}",
        format.extension()
    )))
}

/// Writes `bytes` to a temporary file in the target's folder, then renames it over `target`.
pub(crate) fn write_atomically(target: &Path, bytes: &[u8]) -> Result<(), WorkbenchError> {
    let shown = target.display().to_string();
    let fail = |message: String| WorkbenchError::File {
        path: shown.clone(),
        message,
    };
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(fail(format!(
            "cannot be written: the folder {} does not exist",
            folder.display()
        )));
    }
    let mut file = tempfile::NamedTempFile::new_in(folder)
        .map_err(|e| fail(format!("cannot be written: {e}")))?;
    file.write_all(bytes)
        .and_then(|()| file.flush())
        .map_err(|e| fail(format!("cannot be written: {e}")))?;
    file.persist(target)
        .map_err(|e| fail(format!("cannot be written: {}", e.error)))?;
    Ok(())
}
