//! `factdesk`: the workbench from a terminal. Every command is a few lines over
//! `factdesk_workbench`; with `--json`, output is one JSON object per line (the scripting
//! contract in the README).

mod analysis;
mod output;
mod versions;

use clap::{Parser, Subcommand, ValueEnum};
use factdesk_core::{SNIPPET_CLOSE, SNIPPET_OPEN};
use factdesk_workbench::{ArticleQuery, ClaimQuery, DATABASE_ENV, ImportStatus, ReviewRequest, Rules, Workbench, WorkbenchError, database_path, rules_for_database};
use output::Output;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "factdesk", version, about = "A fact-checking workbench: articles, claims, quotations and verdicts in one SQLite file.")]
struct Cli {
    /// The workbench database (default: the desktop app's, in your data directory).
    #[arg(long, global = true, env = DATABASE_ENV, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Print one JSON object per line instead of text.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import article text files, saved web pages and folders of them.
    Import {
        /// Files or folders (folders are read recursively for .txt, .text, .md and saved .html/.htm pages).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// List articles, newest first.
    List {
        #[arg(long, default_value_t = 1000)]
        limit: usize,
        #[arg(long, default_value_t = 0)]
        offset: usize,
        /// Only articles in this language (id, en, …).
        #[arg(long)]
        language: Option<String>,
        /// Only articles from this outlet.
        #[arg(long)]
        site: Option<String>,
        /// Published on or after this day (YYYY-MM-DD).
        #[arg(long, value_name = "DAY")]
        from: Option<String>,
        /// Published on or before this day (YYYY-MM-DD).
        #[arg(long, value_name = "DAY")]
        until: Option<String>,
        /// With a claim or quotation in this review status.
        #[arg(long, value_parser = ["new", "in-review", "checked", "published"])]
        status: Option<String>,
        /// With a claim or quotation given this verdict.
        #[arg(long)]
        verdict: Option<String>,
        /// Quoting a speaker whose name contains this.
        #[arg(long)]
        speaker: Option<String>,
    },
    /// Show an article's metadata and text.
    Show {
        id: i64,
        /// A version id (default: the newest).
        #[arg(long)]
        version: Option<i64>,
        /// Show its quotations with speakers, check-worthy claims and consistency checks instead.
        #[arg(long)]
        analysis: bool,
    },
    /// List claims and quotations across the workbench, newest article first.
    Claims {
        /// Only this article's.
        #[arg(long, value_name = "ID")]
        article: Option<i64>,
        /// Only those with this review status: new, in-review, checked, published.
        #[arg(long, value_parser = ["new", "in-review", "checked", "published"])]
        status: Option<String>,
        /// Only those with this verdict (a key of the rating scale).
        #[arg(long)]
        verdict: Option<String>,
        /// Only claims, direct quotations or reported speech.
        #[arg(long, value_parser = ["claim", "direct", "indirect"])]
        kind: Option<String>,
        #[arg(long, default_value_t = 1000)]
        limit: usize,
        #[arg(long, default_value_t = 0)]
        offset: usize,
    },
    /// Search article titles and text.
    Search {
        #[arg(required = true, value_name = "WORDS")]
        words: Vec<String>,
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Export an article to a file.
    Export {
        /// The article id (or use --article).
        #[arg(value_name = "ID", conflicts_with = "article")]
        id: Option<i64>,
        #[arg(long, value_name = "ID")]
        article: Option<i64>,
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// The file to write.
        #[arg(short = 'o', long = "output", value_name = "PATH")]
        output: PathBuf,
    },
    /// Extract the article text and metadata of saved web pages (stores nothing).
    Extract {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Find the sentences, quotations with their speakers, check-worthy claims and
    /// consistency checks of plain-text files (stores nothing).
    Analyze {
        /// Read JSON lines {"id": "...", "text": "..."} from stdin instead of files.
        #[arg(long, conflicts_with = "files")]
        jsonl: bool,
        #[arg(value_name = "FILE", required_unless_present = "jsonl")]
        files: Vec<PathBuf>,
    },
    /// Compare two captures of an article (plain text or saved pages), or two stored
    /// versions (--article): the changes at sentence and word level, whether any is
    /// substantive, and what became of each claim and quotation of the older one.
    Diff {
        #[arg(value_name = "OLD", requires = "new", required_unless_present = "article")]
        old: Option<PathBuf>,
        #[arg(value_name = "NEW")]
        new: Option<PathBuf>,
        /// Compare stored versions of this article instead of files.
        #[arg(long, value_name = "ID", conflicts_with = "old")]
        article: Option<i64>,
        /// The older version (default: the one before --to).
        #[arg(long, value_name = "VERSION", requires = "article")]
        from: Option<i64>,
        /// The newer version (default: the newest).
        #[arg(long, value_name = "VERSION", requires = "article")]
        to: Option<i64>,
    },
    /// List an article's versions, oldest first, with whether each changed substantively.
    Versions {
        #[arg(value_name = "ID")]
        article: i64,
    },
    /// Fetch an article's web address again; a changed page becomes a new version, shown
    /// with what changed.
    Refresh {
        #[arg(value_name = "ID")]
        article: i64,
    },
    /// Review a claim or quotation: verdict, status, notes, accept or reject. Each change is
    /// recorded in the audit trail under your name (see `factdesk reviewer`).
    Review {
        #[arg(value_name = "CLAIM_ID")]
        claim: i64,
        /// A verdict of the rating scale: true, mostly-true, misleading, false, unproven (or "none" to clear it).
        #[arg(long)]
        verdict: Option<String>,
        #[arg(long, value_parser = ["new", "in-review", "checked", "published"])]
        status: Option<String>,
        /// The review notes (replaces earlier notes).
        #[arg(long)]
        note: Option<String>,
        /// Accept a detected claim or quotation.
        #[arg(long, conflicts_with = "reject")]
        accept: bool,
        /// Reject a detected claim or quotation (it stays in the database, struck out).
        #[arg(long)]
        reject: bool,
        /// Who said it: an existing speaker's name or alias, or a new speaker ("none" removes it).
        #[arg(long)]
        speaker: Option<String>,
    },
    /// Mark a stretch of an article's text as a claim or quotation by hand (code point offsets,
    /// as `show --analysis --json` and `analyze` give them).
    Mark {
        #[arg(value_name = "ARTICLE_ID")]
        article: i64,
        /// The version (default: the newest).
        #[arg(long)]
        version: Option<i64>,
        #[arg(long)]
        start: usize,
        #[arg(long)]
        end: usize,
        #[arg(long, value_parser = ["claim", "direct", "indirect"], default_value = "claim")]
        kind: String,
    },
    /// Show who changed what on a claim, oldest first.
    History {
        #[arg(value_name = "CLAIM_ID")]
        claim: i64,
    },
    /// Undo the last review change (it is undone by a new entry; the trail keeps both).
    Undo,
    /// Show or set the reviewer's name recorded in the audit trail.
    Reviewer { name: Option<String> },
    /// Print the database this command would use.
    Where,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = Output::new(cli.json);
    match run(cli, &mut out) {
        Ok(code) => code,
        Err(error) if out.closed() => {
            drop(error);
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("factdesk: {error}");
            ExitCode::FAILURE
        }
    }
}

fn open(db: Option<PathBuf>) -> Result<Workbench, WorkbenchError> {
    let path = database_path(db).ok_or_else(|| {
        WorkbenchError::InvalidInput(format!("no home directory to keep the database in; pass --db PATH or set {DATABASE_ENV}"))
    })?;
    Workbench::open(&path)
}

fn run(cli: Cli, out: &mut Output) -> Result<ExitCode, WorkbenchError> {
    match cli.command {
        Command::Where => {
            let path = database_path(cli.db).map(|p| p.display().to_string()).unwrap_or_default();
            out.record(&serde_json::json!({ "db": path }), || path.clone());
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract { files } => {
            // The same rules as imports into this database would use; the database itself
            // is not opened.
            let users_rules;
            let rules: &Rules = match database_path(cli.db) {
                Some(db) => {
                    users_rules = rules_for_database(&db)?;
                    &users_rules
                }
                None => Rules::builtin(),
            };
            let mut failed = 0;
            for file in &files {
                match Workbench::extract_file(file, rules) {
                    Ok(page) => out.record(&page, || format!("{}\n{}\n\n{}\n", page.path, page.title, page.body)),
                    Err(error) => {
                        failed += 1;
                        let message = error.to_string();
                        out.record(&serde_json::json!({ "path": file.display().to_string(), "error": message }), || format!("failed     {message}"));
                    }
                }
            }
            Ok(if failed > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
        }
        Command::Analyze { jsonl, files } => Ok(analysis::run(jsonl, &files, out)),
        Command::Diff { old: Some(old), new: Some(new), .. } => {
            let users_rules;
            let rules: &Rules = match database_path(cli.db) {
                Some(db) => {
                    users_rules = rules_for_database(&db)?;
                    &users_rules
                }
                None => Rules::builtin(),
            };
            match Workbench::diff_files(&old, &new, rules) {
                Ok(diff) => {
                    out.record(&diff, || versions::describe_diff(&diff));
                    Ok(ExitCode::SUCCESS)
                }
                Err(error) => {
                    let message = error.to_string();
                    out.record(&serde_json::json!({ "old": old.display().to_string(), "new": new.display().to_string(), "error": message }), || {
                        format!("failed     {message}")
                    });
                    Ok(ExitCode::FAILURE)
                }
            }
        }
        Command::Diff { article, from, to, .. } => {
            let article = article.ok_or_else(|| WorkbenchError::InvalidInput("name two files (factdesk diff OLD NEW) or an article (--article ID)".into()))?;
            let workbench = open(cli.db)?;
            let diff = workbench.compare_versions(article, from, to)?;
            out.record(&diff, || versions::describe_diff(&diff));
            Ok(ExitCode::SUCCESS)
        }
        Command::Refresh { article } => {
            let mut workbench = open(cli.db)?;
            let refreshed = workbench.refresh(article)?;
            out.record(&refreshed, || match &refreshed.diff {
                Some(diff) => format!("new version {}\n{}", refreshed.import.version_id.unwrap_or_default(), versions::describe_diff(diff)),
                None => format!("unchanged  #{article}  (the page is as it was)"),
            });
            Ok(ExitCode::SUCCESS)
        }
        Command::Versions { article } => {
            let workbench = open(cli.db)?;
            for entry in workbench.versions(article)? {
                out.record(&entry, || versions::describe_version(&entry));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Review { claim, verdict, status, note, accept, reject, speaker } => {
            let mut workbench = open(cli.db)?;
            let request = ReviewRequest {
                clear_verdict: verdict.as_deref() == Some("none"),
                verdict: verdict.filter(|v| v != "none"),
                status,
                notes: note,
                state: if accept { Some("accepted".into()) } else if reject { Some("rejected".into()) } else { None },
                clear_speaker: speaker.as_deref() == Some("none"),
                speaker: speaker.filter(|s| s != "none"),
            };
            let reviewed = workbench.review(claim, &request)?;
            out.record(&reviewed, || analysis::describe_claim(&reviewed));
            Ok(ExitCode::SUCCESS)
        }
        Command::Mark { article, version, start, end, kind } => {
            let mut workbench = open(cli.db)?;
            let version = match version {
                Some(v) => v,
                None => workbench.show(article, None)?.version_id,
            };
            let marked = workbench.mark(article, version, &kind, start, end)?;
            out.record(&marked, || analysis::describe_claim(&marked));
            Ok(ExitCode::SUCCESS)
        }
        Command::History { claim } => {
            let workbench = open(cli.db)?;
            for event in workbench.history(claim)? {
                out.record(&event, || {
                    format!("{}  {}  {}: {} → {}", event.at, event.reviewer, event.field, event.before.as_deref().unwrap_or("—"), event.after.as_deref().unwrap_or("—"))
                });
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Undo => {
            let mut workbench = open(cli.db)?;
            let undone = workbench.undo()?;
            out.record(&serde_json::json!({ "undone": undone }), || match &undone {
                Some(what) => format!("undone: {what}"),
                None => "nothing to undo".into(),
            });
            Ok(ExitCode::SUCCESS)
        }
        Command::Reviewer { name } => {
            let mut workbench = open(cli.db)?;
            if let Some(name) = name {
                workbench.set_reviewer(&name)?;
            }
            let name = workbench.reviewer()?;
            out.record(&serde_json::json!({ "reviewer": name }), || name.clone());
            Ok(ExitCode::SUCCESS)
        }
        Command::Import { paths } => {
            let mut workbench = open(cli.db)?;
            let report = workbench.import_paths(&paths);
            for outcome in &report.outcomes {
                out.record(outcome, || match outcome.status {
                    ImportStatus::Imported => format!("imported   #{}  {}", outcome.article_id.unwrap_or_default(), outcome.title.as_deref().unwrap_or("")),
                    ImportStatus::Unchanged => format!("unchanged  #{}  {}  (already in the workbench)", outcome.article_id.unwrap_or_default(), outcome.title.as_deref().unwrap_or("")),
                    ImportStatus::Error => format!("failed     {}", outcome.error.as_deref().unwrap_or("")),
                });
            }
            let failed = report.count(ImportStatus::Error);
            out.summary(&format!(
                "{} imported, {} already present, {} failed",
                report.count(ImportStatus::Imported),
                report.count(ImportStatus::Unchanged),
                failed
            ));
            Ok(if failed > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
        }
        Command::List { limit, offset, language, site, from, until, status, verdict, speaker } => {
            let workbench = open(cli.db)?;
            let query = ArticleQuery { language, site, published_from: from, published_until: until, status, verdict, speaker };
            let page = workbench.filtered_page(&query, limit, offset)?;
            for article in &page.articles {
                out.record(&article, || {
                    let site = article.site.as_deref().map(|s| format!("  [{s}]")).unwrap_or_default();
                    format!("#{:<6} {}{}  ({} version{})", article.id, article.title, site, article.versions, if article.versions == 1 { "" } else { "s" })
                });
            }
            let filtered = query != ArticleQuery::default();
            if filtered {
                out.summary(&format!("{} of {} articles match, in {}", page.total, workbench.count()?, shown_path(&workbench)));
            } else {
                out.summary(&format!("{} articles in {}", workbench.count()?, shown_path(&workbench)));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Show { id, version, analysis: true } => {
            let mut workbench = open(cli.db)?;
            let version = match version {
                Some(v) => v,
                None => workbench.show(id, None)?.version_id,
            };
            let analysis = workbench.article_analysis(id, version)?;
            out.record(&analysis, || analysis::describe_stored(&analysis));
            Ok(ExitCode::SUCCESS)
        }
        Command::Claims { article, status, verdict, kind, limit, offset } => {
            let workbench = open(cli.db)?;
            let claims = workbench.claims(&ClaimQuery { article_id: article, status, verdict, kind }, limit, offset)?;
            for claim in &claims {
                out.record(claim, || analysis::describe_claim(claim));
            }
            out.summary(&format!("{} claim{} and quotation{}", claims.len(), if claims.len() == 1 { "" } else { "s" }, if claims.len() == 1 { "" } else { "s" }));
            Ok(ExitCode::SUCCESS)
        }
        Command::Show { id, version, analysis: false } => {
            let workbench = open(cli.db)?;
            let detail = workbench.show(id, version)?;
            out.record(&detail, || {
                let a = &detail.article;
                let mut text = format!("#{}  {}\n", a.id, a.title);
                for (label, value) in [("site", &a.site), ("url", &a.url), ("published", &a.published), ("language", &a.language)] {
                    if let Some(value) = value {
                        text.push_str(&format!("{label}: {value}\n"));
                    }
                }
                if let Some(v) = detail.versions.iter().find(|v| v.id == detail.version_id) {
                    text.push_str(&format!("version {} of {}: captured {}, sha256 {}\n", v.id, detail.versions.len(), v.captured_at, v.sha256));
                }
                text.push('\n');
                text.push_str(&detail.text);
                text
            });
            Ok(ExitCode::SUCCESS)
        }
        Command::Search { words, limit } => {
            let workbench = open(cli.db)?;
            let hits = workbench.search(&words.join(" "), limit)?;
            for hit in &hits {
                out.record(hit, || {
                    let snippet: String = hit.snippet.chars().filter(|&c| c != SNIPPET_OPEN && c != SNIPPET_CLOSE).collect();
                    format!("#{:<6} {}\n        {}", hit.article_id, hit.title, snippet.replace('\n', " "))
                });
            }
            out.summary(&format!("{} matching article{}", hits.len(), if hits.len() == 1 { "" } else { "s" }));
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { id, article, format: ExportFormat::Json, output } => {
            let id = id.or(article).ok_or_else(|| WorkbenchError::InvalidInput("name the article to export: factdesk export ID -o FILE".into()))?;
            let workbench = open(cli.db)?;
            workbench.export_article_json(id, &output)?;
            let shown = output.display().to_string();
            out.record(&serde_json::json!({ "article_id": id, "format": "json", "path": shown }), || format!("wrote {shown}"));
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn shown_path(workbench: &Workbench) -> String {
    workbench.database_path().map_or_else(|| ":memory:".into(), |p| p.display().to_string())
}
