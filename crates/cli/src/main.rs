//! `factdesk`: the workbench from a terminal. Every command is a few lines over
//! `factdesk_workbench`; with `--json`, output is one JSON object per line (the scripting
//! contract in the README).

mod analysis;
mod output;
mod quote_match;
mod versions;

use clap::{Parser, Subcommand, ValueEnum};
use factdesk_core::{Relation, SNIPPET_CLOSE, SNIPPET_OPEN};
use factdesk_workbench::{
    ArticleQuery, ClaimQuery, DATABASE_ENV, ImportStatus, ReviewRequest, Rules, SourceInput,
    Workbench, WorkbenchError, database_path, rules_for_database,
};
use factdesk_workbench::{Clock, ExportRequest, ExportSelection, Severity};
use output::Output;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "factdesk",
    version,
    about = "A fact-checking workbench: articles, claims, quotations and verdicts in one SQLite file."
)]
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
        /// Add the one file or web address given as a new version of this article (when its
        /// canonical URL does not say which article it is).
        #[arg(long, value_name = "ID")]
        as_version_of: Option<i64>,
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
        /// Only articles edited substantively after their newest review ("changed since checked").
        #[arg(long)]
        changed: bool,
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
    /// Export a verification report: Markdown, HTML, JSON, CSV, ClaimReview JSON-LD or an
    /// evidence bundle (zip with a SHA-256 manifest).
    #[command(group = clap::ArgGroup::new("selection").required(true).multiple(true).args(["id", "article", "claims", "since", "until", "all"]))]
    Export {
        /// The article id (the same as --article).
        #[arg(value_name = "ID", conflicts_with_all = ["article", "claims", "since", "until", "all"])]
        id: Option<i64>,
        /// The reviewed claims of this article.
        #[arg(long, value_name = "ID", conflicts_with_all = ["claims", "since", "until", "all"])]
        article: Option<i64>,
        /// These claims, by id (comma-separated).
        #[arg(long, value_name = "IDS", value_delimiter = ',', num_args = 1.., conflicts_with_all = ["since", "until", "all"])]
        claims: Vec<i64>,
        /// Reviewed claims whose review changed on or after this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", conflicts_with = "all")]
        since: Option<String>,
        /// Reviewed claims whose review changed on or before this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", conflicts_with = "all")]
        until: Option<String>,
        /// Every reviewed claim.
        #[arg(long)]
        all: bool,
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// The file to write, or a folder to write a file with a generated name into.
        #[arg(short = 'o', long = "output", value_name = "PATH")]
        output: PathBuf,
        /// The report's language: id or en (default: the articles' language, else en).
        #[arg(long, value_parser = ["id", "en"])]
        language: Option<String>,
        /// A folder whose report.html.jinja / report.md.jinja replace the shipped templates.
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
        /// The export time to write (RFC 3339), for byte-identical exports of the same database.
        #[arg(long, value_name = "RFC3339")]
        at: Option<String>,
    },
    /// Show or set the organisation named as the author of reports and ClaimReviews.
    Organisation {
        name: Option<String>,
        /// The organisation's web address (ClaimReview URLs are built from it).
        #[arg(long)]
        url: Option<String>,
    },
    /// Use a folder of report templates (report.html.jinja, report.md.jinja) from now on.
    Templates { folder: PathBuf },
    /// Check a ClaimReview JSON-LD file offline: missing required fields are errors.
    ValidateClaimreview { file: PathBuf },
    /// Check an evidence bundle: every file is there with the manifest's SHA-256, and nothing else.
    VerifyBundle { file: PathBuf },
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
    /// Find the passage of a source (plain text or a saved page) that a quotation came
    /// from: verbatim, altered (with the words added, dropped or changed) or not found.
    /// Offsets are code points into the source's text (a page's extracted article text).
    Match {
        /// A plain-text file holding the quotation ("…" or "..." marks words left out).
        #[arg(value_name = "QUOTE_FILE")]
        quote: PathBuf,
        #[arg(value_name = "SOURCE_FILE")]
        source: PathBuf,
    },
    /// Find where else a quotation appears: stored claims and quotations of other articles
    /// with the same or nearly the same words, oldest first (the first is marked).
    QuoteSearch {
        #[arg(required = true, value_name = "TEXT")]
        words: Vec<String>,
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Compare two captures of an article (plain text or saved pages), or two stored
    /// versions (--article): the changes at sentence and word level, whether any is
    /// substantive, and what became of each claim and quotation of the older one.
    Diff {
        #[arg(
            value_name = "OLD",
            requires = "new",
            required_unless_present = "article"
        )]
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
    /// Split a claim or quotation in two after AT characters of its text. Undoable.
    Split {
        #[arg(value_name = "CLAIM_ID")]
        claim: i64,
        #[arg(long, value_name = "CHARACTERS")]
        at: usize,
    },
    /// Merge OTHER into CLAIM (two items of one kind in one article version). Undoable.
    Merge {
        #[arg(value_name = "CLAIM_ID")]
        claim: i64,
        #[arg(value_name = "OTHER_ID")]
        other: i64,
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
    /// Archive sources of evidence.
    Source {
        #[command(subcommand)]
        action: SourceCommand,
    },
    /// List the archived sources, newest first.
    Sources,
    /// Define or choose a rating scale.
    Scale {
        #[command(subcommand)]
        action: ScaleCommand,
    },
    /// List the rating scales (the one in use is marked).
    Scales,
    /// Watch articles for silent edits. Without a subcommand: fetch the watched articles
    /// that are due by the schedule (run it from cron), store changed pages as new versions
    /// and say what changed.
    Watch {
        #[command(subcommand)]
        action: Option<WatchCommand>,
        /// Fetch every watched article now, due or not.
        #[arg(long)]
        all: bool,
        /// Keep running and fetch each article when it falls due (Ctrl-C stops).
        #[arg(long)]
        follow: bool,
    },
    /// Link a claim or quotation to a source with a relation and a note (again to change
    /// them; --remove to take the link away). Audited and undoable.
    Link {
        #[arg(value_name = "CLAIM_ID")]
        claim: i64,
        #[arg(value_name = "SOURCE_ID")]
        source: i64,
        /// How the source bears on the claim.
        #[arg(long, value_parser = ["original", "supports", "contradicts", "context"], default_value = "supports")]
        relation: String,
        #[arg(long, default_value = "")]
        note: String,
        #[arg(long, conflicts_with_all = ["note"])]
        remove: bool,
    },
    /// Record how a linked claim's words match the source, as you judge it (audited).
    Judge {
        #[arg(value_name = "CLAIM_ID")]
        claim: i64,
        #[arg(value_name = "SOURCE_ID")]
        source: i64,
        #[arg(long = "as", value_parser = ["verbatim", "altered", "not_found", "translated", "paraphrased"])]
        class: String,
    },
    /// Say which passage of a linked source a claim came from (code points of the source's
    /// text), when matching picked the wrong one; the match is judged again. Audited.
    Passage {
        #[arg(value_name = "CLAIM_ID")]
        claim: i64,
        #[arg(value_name = "SOURCE_ID")]
        source: i64,
        #[arg(long)]
        start: usize,
        #[arg(long)]
        end: usize,
    },
    /// Show a claim's evidence links.
    Links {
        #[arg(value_name = "CLAIM_ID")]
        claim: i64,
    },
    /// List speakers (those whose name or another name contains NAME), most quoted first.
    Speakers {
        #[arg(value_name = "NAME", default_value = "")]
        name: String,
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// A speaker's page: names, roles, and every quotation with its article, verdict and sources.
    Speaker {
        #[arg(value_name = "SPEAKER_ID")]
        id: i64,
    },
    /// Merge speaker FROM into speaker INTO (one person quoted under two names). Undoable.
    MergeSpeakers {
        #[arg(value_name = "INTO")]
        into: i64,
        #[arg(value_name = "FROM")]
        from: i64,
    },
    /// Print the database this command would use.
    Where,
}

#[derive(Subcommand)]
enum SourceCommand {
    /// Add a source: a web address (fetched and archived), a file (saved page, text, .srt or
    /// .vtt subtitles), an article of the workbench as #ID, or pasted text with --text.
    Add {
        #[arg(
            value_name = "URL|FILE|#ARTICLE",
            required_unless_present = "text",
            conflicts_with = "text"
        )]
        input: Option<String>,
        /// The source's text itself.
        #[arg(long)]
        text: Option<String>,
        /// A title for pasted text.
        #[arg(long, requires = "text")]
        title: Option<String>,
    },
}

#[derive(Subcommand)]
enum ScaleCommand {
    /// Define a scale from a file: one verdict a line, best first, `key | English | Indonesian`.
    Define {
        name: String,
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Make reviews use this scale.
    Use { name: String },
}

#[derive(Subcommand)]
enum WatchCommand {
    /// Start watching articles (they are fetched again on the schedule).
    Add {
        #[arg(required = true, value_name = "ID")]
        articles: Vec<i64>,
    },
    /// Stop watching articles.
    Remove {
        #[arg(required = true, value_name = "ID")]
        articles: Vec<i64>,
    },
    /// List the watched articles with when each was checked and is due.
    List,
    /// Show the schedule, or set it: `15m until 1d, 1h until 3d, 6h until 1w, 1d until 30d, 1w`
    /// (an interval per age; "default" restores the built-in one).
    Schedule { schedule: Option<String> },
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Json,
    Md,
    Html,
    Csv,
    Claimreview,
    Bundle,
}

impl ExportFormat {
    fn workbench(self) -> factdesk_workbench::ExportFormat {
        use factdesk_workbench::ExportFormat as F;
        match self {
            ExportFormat::Md => F::Md,
            ExportFormat::Html => F::Html,
            ExportFormat::Json => F::Json,
            ExportFormat::Csv => F::Csv,
            ExportFormat::Claimreview => F::Claimreview,
            ExportFormat::Bundle => F::Bundle,
        }
    }
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
        WorkbenchError::InvalidInput(format!(
            "no home directory to keep the database in; pass --db PATH or set {DATABASE_ENV}"
        ))
    })?;
    Workbench::open(&path)
}

fn run(cli: Cli, out: &mut Output) -> Result<ExitCode, WorkbenchError> {
    match cli.command {
        Command::Where => {
            let path = database_path(cli.db)
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            out.record(&serde_json::json!({ "db": path }), || path.clone());
            Ok(ExitCode::SUCCESS)
        }
        Command::Match { quote, source } => {
            let users_rules = users_rules(cli.db)?;
            Ok(quote_match::run(
                &quote,
                &source,
                users_rules.as_ref().unwrap_or_else(|| Rules::builtin()),
                out,
            ))
        }
        Command::QuoteSearch { words, limit } => {
            let workbench = open(cli.db)?;
            let sightings = workbench.quote_search(&words.join(" "), limit)?;
            for sighting in &sightings {
                out.record(sighting, || quote_match::describe_sighting(sighting));
            }
            out.summary(&format!(
                "{} article{} with these words",
                sightings.len(),
                if sightings.len() == 1 { "" } else { "s" }
            ));
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract { files } => {
            let users_rules = users_rules(cli.db)?;
            let rules: &Rules = users_rules.as_ref().unwrap_or_else(|| Rules::builtin());
            let mut failed = 0;
            for file in &files {
                match Workbench::extract_file(file, rules) {
                    Ok(page) => out.record(&page, || {
                        format!("{}\n{}\n\n{}\n", page.path, page.title, page.body)
                    }),
                    Err(error) => {
                        failed += 1;
                        let message = error.to_string();
                        out.record(&serde_json::json!({ "path": file.display().to_string(), "error": message }), || format!("failed     {message}"));
                    }
                }
            }
            Ok(if failed > 0 {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Analyze { jsonl, files } => Ok(analysis::run(jsonl, &files, out)),
        Command::Review {
            claim,
            verdict,
            status,
            note,
            accept,
            reject,
            speaker,
        } => {
            let mut workbench = open(cli.db)?;
            let request = ReviewRequest {
                clear_verdict: verdict.as_deref() == Some("none"),
                verdict: verdict.filter(|v| v != "none"),
                status,
                notes: note,
                state: if accept {
                    Some("accepted".into())
                } else if reject {
                    Some("rejected".into())
                } else {
                    None
                },
                clear_speaker: speaker.as_deref() == Some("none"),
                speaker: speaker.filter(|s| s != "none"),
            };
            let reviewed = workbench.review(claim, &request)?;
            out.record(&reviewed, || analysis::describe_claim(&reviewed));
            Ok(ExitCode::SUCCESS)
        }
        Command::Mark {
            article,
            version,
            start,
            end,
            kind,
        } => {
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
                    format!(
                        "{}  {}  {}: {} → {}",
                        event.at,
                        event.reviewer,
                        event.field,
                        event.before.as_deref().unwrap_or("—"),
                        event.after.as_deref().unwrap_or("—")
                    )
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
        Command::Source {
            action: SourceCommand::Add { input, text, title },
        } => {
            let mut workbench = open(cli.db)?;
            let input = match (input, text) {
                (_, Some(text)) => SourceInput::Pasted {
                    title: title.unwrap_or_default(),
                    text,
                },
                (Some(input), None) => SourceInput::parse(&input),
                (None, None) => unreachable!("clap requires one"),
            };
            let added = workbench.add_source(&input)?;
            out.record(&added, || {
                let s = &added.source;
                format!(
                    "{} source #{}  {}  [{}]",
                    if added.new { "added   " } else { "existing" },
                    s.id,
                    s.title,
                    s.kind.as_str()
                )
            });
            Ok(ExitCode::SUCCESS)
        }
        Command::Watch {
            action,
            all,
            follow,
        } => watch(cli.db, out, action, all, follow),
        Command::Scales => {
            let workbench = open(cli.db)?;
            print_scales(out, &workbench.scales()?, &workbench.ratings()?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Scale { action } => {
            let mut workbench = open(cli.db)?;
            let scales = match action {
                ScaleCommand::Define { name, file } => workbench.define_scale(&name, &file)?,
                ScaleCommand::Use { name } => workbench.use_scale(&name)?,
            };
            print_scales(out, &scales, &workbench.ratings()?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Sources => {
            let workbench = open(cli.db)?;
            let sources = workbench.sources()?;
            for s in &sources {
                out.record(s, || {
                    let at = s
                        .url
                        .as_deref()
                        .or(s.path.as_deref())
                        .map(|w| format!("\n         {w}"))
                        .unwrap_or_default();
                    format!(
                        "#{:<6} {}  [{}, {} characters]{at}",
                        s.id,
                        s.title,
                        s.kind.as_str(),
                        s.text_chars
                    )
                });
            }
            out.summary(&format!(
                "{} source{}",
                sources.len(),
                if sources.len() == 1 { "" } else { "s" }
            ));
            Ok(ExitCode::SUCCESS)
        }
        Command::Link {
            claim,
            source,
            relation,
            note,
            remove,
        } => {
            let mut workbench = open(cli.db)?;
            let relation = Relation::parse(&relation).expect("clap checks the relation");
            let links = if remove {
                workbench.unlink(claim, source)?
            } else {
                workbench.link(claim, source, relation, &note)?
            };
            print_links(out, &links);
            Ok(ExitCode::SUCCESS)
        }
        Command::Judge {
            claim,
            source,
            class,
        } => {
            let mut workbench = open(cli.db)?;
            print_links(out, &workbench.judge_match(claim, source, &class)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Passage {
            claim,
            source,
            start,
            end,
        } => {
            let mut workbench = open(cli.db)?;
            print_links(out, &workbench.choose_passage(claim, source, start, end)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Links { claim } => {
            let workbench = open(cli.db)?;
            print_links(out, &workbench.links(claim)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Split { claim, at } => {
            let mut workbench = open(cli.db)?;
            for part in workbench.split(claim, at)? {
                out.record(&part, || analysis::describe_claim(&part));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Merge { claim, other } => {
            let mut workbench = open(cli.db)?;
            let merged = workbench.merge(claim, other)?;
            out.record(&merged, || analysis::describe_claim(&merged));
            Ok(ExitCode::SUCCESS)
        }
        Command::Diff {
            old: Some(old),
            new: Some(new),
            ..
        } => {
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
        Command::Diff {
            article, from, to, ..
        } => {
            let article = article.ok_or_else(|| {
                WorkbenchError::InvalidInput(
                    "name two files (factdesk diff OLD NEW) or an article (--article ID)".into(),
                )
            })?;
            let workbench = open(cli.db)?;
            let diff = workbench.compare_versions(article, from, to)?;
            out.record(&diff, || versions::describe_diff(&diff));
            Ok(ExitCode::SUCCESS)
        }
        Command::Refresh { article } => {
            let mut workbench = open(cli.db)?;
            let refreshed = workbench.refresh(article)?;
            out.record(&refreshed, || match &refreshed.diff {
                Some(diff) => format!(
                    "new version {}\n{}",
                    refreshed.import.version_id.unwrap_or_default(),
                    versions::describe_diff(diff)
                ),
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
        Command::Speakers { name, limit } => {
            let workbench = open(cli.db)?;
            let speakers = workbench.speakers(&name, limit)?;
            for s in &speakers {
                out.record(s, || {
                    format!(
                        "#{:<6} {}  ({} quotation{}, {} article{})",
                        s.id,
                        s.name,
                        s.quotations,
                        plural(s.quotations),
                        s.articles,
                        plural(s.articles)
                    )
                });
            }
            out.summary(&format!(
                "{} speaker{}",
                speakers.len(),
                plural(speakers.len() as u64)
            ));
            Ok(ExitCode::SUCCESS)
        }
        Command::Speaker { id } => {
            let workbench = open(cli.db)?;
            print_speaker(out, &workbench.speaker_page(id)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::MergeSpeakers { into, from } => {
            let mut workbench = open(cli.db)?;
            print_speaker(out, &workbench.merge_speakers(into, from)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Import {
            paths,
            as_version_of: Some(article),
        } => {
            let [path] = &paths[..] else {
                return Err(WorkbenchError::InvalidInput(
                    "--as-version-of takes one file or web address".into(),
                ));
            };
            let mut workbench = open(cli.db)?;
            let outcome = workbench.import_as_version(article, path)?;
            out.record(&outcome, || match outcome.status {
                ImportStatus::Unchanged => format!(
                    "unchanged  #{article}  (version {} has the same content)",
                    outcome.version_id.unwrap_or_default()
                ),
                _ => format!(
                    "imported   #{article}  version {}  {}",
                    outcome.version_id.unwrap_or_default(),
                    outcome.title.as_deref().unwrap_or("")
                ),
            });
            Ok(ExitCode::SUCCESS)
        }
        Command::Import {
            paths,
            as_version_of: None,
        } => {
            let mut workbench = open(cli.db)?;
            let report = workbench.import_paths(&paths);
            for outcome in &report.outcomes {
                out.record(outcome, || match outcome.status {
                    ImportStatus::Imported => format!(
                        "imported   #{}  {}",
                        outcome.article_id.unwrap_or_default(),
                        outcome.title.as_deref().unwrap_or("")
                    ),
                    ImportStatus::Unchanged => format!(
                        "unchanged  #{}  {}  (already in the workbench)",
                        outcome.article_id.unwrap_or_default(),
                        outcome.title.as_deref().unwrap_or("")
                    ),
                    ImportStatus::Error => {
                        format!("failed     {}", outcome.error.as_deref().unwrap_or(""))
                    }
                });
            }
            let failed = report.count(ImportStatus::Error);
            out.summary(&format!(
                "{} imported, {} already present, {} failed",
                report.count(ImportStatus::Imported),
                report.count(ImportStatus::Unchanged),
                failed
            ));
            Ok(if failed > 0 {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::List {
            limit,
            offset,
            language,
            site,
            from,
            until,
            status,
            verdict,
            speaker,
            changed,
        } => {
            let workbench = open(cli.db)?;
            let query = ArticleQuery {
                language,
                site,
                published_from: from,
                published_until: until,
                status,
                verdict,
                speaker,
                changed_since_review: changed,
            };
            let page = workbench.filtered_page(&query, limit, offset)?;
            for article in &page.articles {
                out.record(&article, || {
                    let site = article
                        .site
                        .as_deref()
                        .map(|s| format!("  [{s}]"))
                        .unwrap_or_default();
                    let flag = if article.changed_since_review {
                        "  CHANGED SINCE REVIEW"
                    } else if article.edited_at.is_some() {
                        "  edited"
                    } else {
                        ""
                    };
                    format!(
                        "#{:<6} {}{}  ({} version{}){flag}",
                        article.id,
                        article.title,
                        site,
                        article.versions,
                        if article.versions == 1 { "" } else { "s" }
                    )
                });
            }
            let filtered = query != ArticleQuery::default();
            if filtered {
                out.summary(&format!(
                    "{} of {} articles match, in {}",
                    page.total,
                    workbench.count()?,
                    shown_path(&workbench)
                ));
            } else {
                out.summary(&format!(
                    "{} articles in {}",
                    workbench.count()?,
                    shown_path(&workbench)
                ));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Show {
            id,
            version,
            analysis: true,
        } => {
            let mut workbench = open(cli.db)?;
            let version = match version {
                Some(v) => v,
                None => workbench.show(id, None)?.version_id,
            };
            let analysis = workbench.article_analysis(id, version)?;
            out.record(&analysis, || analysis::describe_stored(&analysis));
            Ok(ExitCode::SUCCESS)
        }
        Command::Claims {
            article,
            status,
            verdict,
            kind,
            limit,
            offset,
        } => {
            let workbench = open(cli.db)?;
            let claims = workbench.claims(
                &ClaimQuery {
                    article_id: article,
                    status,
                    verdict,
                    kind,
                },
                limit,
                offset,
            )?;
            for claim in &claims {
                out.record(claim, || analysis::describe_claim(claim));
            }
            out.summary(&format!(
                "{} claim{} and quotation{}",
                claims.len(),
                if claims.len() == 1 { "" } else { "s" },
                if claims.len() == 1 { "" } else { "s" }
            ));
            Ok(ExitCode::SUCCESS)
        }
        Command::Show {
            id,
            version,
            analysis: false,
        } => {
            let workbench = open(cli.db)?;
            let detail = workbench.show(id, version)?;
            out.record(&detail, || {
                let a = &detail.article;
                let mut text = format!("#{}  {}\n", a.id, a.title);
                for (label, value) in [
                    ("site", &a.site),
                    ("url", &a.url),
                    ("published", &a.published),
                    ("language", &a.language),
                ] {
                    if let Some(value) = value {
                        text.push_str(&format!("{label}: {value}\n"));
                    }
                }
                if let Some(v) = detail.versions.iter().find(|v| v.id == detail.version_id) {
                    text.push_str(&format!(
                        "version {} of {}: captured {}, sha256 {}\n",
                        v.id,
                        detail.versions.len(),
                        v.captured_at,
                        v.sha256
                    ));
                    let m = &v.metadata;
                    for (label, value) in [
                        ("updated", &m.updated),
                        ("byline", &m.byline),
                        ("editor", &m.editor),
                        ("first published at", &m.original_site),
                    ] {
                        if let Some(value) = value {
                            text.push_str(&format!("{label}: {value}\n"));
                        }
                    }
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
                    let snippet: String = hit
                        .snippet
                        .chars()
                        .filter(|&c| c != SNIPPET_OPEN && c != SNIPPET_CLOSE)
                        .collect();
                    format!(
                        "#{:<6} {}\n        {}",
                        hit.article_id,
                        hit.title,
                        snippet.replace('\n', " ")
                    )
                });
            }
            out.summary(&format!(
                "{} matching article{}",
                hits.len(),
                if hits.len() == 1 { "" } else { "s" }
            ));
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            id,
            article,
            claims,
            since,
            until,
            all,
            format,
            output,
            language,
            templates,
            at,
        } => {
            let selection = match (id.or(article), claims.is_empty(), all) {
                (Some(article_id), _, _) => ExportSelection::Article { article_id },
                (None, false, _) => ExportSelection::Claims { claim_ids: claims },
                (None, true, true) => ExportSelection::All,
                (None, true, false) => ExportSelection::Period { since, until },
            };
            let mut workbench = open(cli.db)?;
            if let Some(at) = at {
                workbench = workbench.with_clock(Clock::Fixed(fixed_time(&at)?));
            }
            let request = ExportRequest {
                format: format.workbench(),
                selection,
                output,
                language,
                templates,
            };
            let outcome = workbench.export(&request)?;
            for warning in &outcome.warnings {
                eprintln!("factdesk: {warning}");
            }
            out.record(&outcome, || {
                format!(
                    "wrote {} ({} claims from {} articles)",
                    outcome.path, outcome.claims, outcome.articles
                )
            });
            Ok(ExitCode::SUCCESS)
        }
        Command::Organisation { name, url } => {
            let mut workbench = open(cli.db)?;
            let organisation = match name {
                Some(name) => Some(workbench.set_organisation(&name, url.as_deref())?),
                None if url.is_some() => return Err(WorkbenchError::InvalidInput("give the organisation's name with its URL: factdesk organisation NAME --url URL".into())),
                None => workbench.organisation()?,
            };
            out.record(
                &serde_json::json!({ "organisation": organisation }),
                || match &organisation {
                    Some(o) => format!(
                        "{}{}",
                        o.name,
                        o.url
                            .as_deref()
                            .map(|u| format!(" <{u}>"))
                            .unwrap_or_default()
                    ),
                    None => {
                        "no organisation set; factdesk organisation NAME --url URL sets it".into()
                    }
                },
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Templates { folder } => {
            let mut workbench = open(cli.db)?;
            workbench.set_report_templates(&folder)?;
            let shown = folder.display().to_string();
            out.record(&serde_json::json!({ "templates": shown }), || {
                format!("reports use the templates in {shown}")
            });
            Ok(ExitCode::SUCCESS)
        }
        Command::ValidateClaimreview { file } => {
            let findings = Workbench::validate_claimreview_file(&file)?;
            let shown = file.display().to_string();
            for finding in &findings {
                out.record(finding, || format!("{shown}: {finding}"));
            }
            let errors = findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            let warnings = findings.len() - errors;
            out.summary(&format!(
                "{shown}: {errors} error{}, {warnings} warning{}",
                plural(errors as u64),
                plural(warnings as u64)
            ));
            Ok(if errors > 0 {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::VerifyBundle { file } => {
            let check = Workbench::verify_bundle_file(&file)?;
            let shown = file.display().to_string();
            for problem in &check.problems {
                out.record(problem, || format!("{shown}: {problem}"));
            }
            if check.is_intact() {
                out.record(
                    &serde_json::json!({ "path": shown, "intact": true, "files": check.listed }),
                    || format!("{shown}: intact, {} files match the manifest", check.listed),
                );
            } else {
                out.summary(&format!(
                    "{shown}: {} problem{} in {} listed files",
                    check.problems.len(),
                    plural(check.problems.len() as u64),
                    check.listed
                ));
            }
            Ok(if check.is_intact() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
    }
}

/// The same extraction rules as imports into this database would use (the shipped ones
/// plus `rules/` beside it); the database itself is not opened. `None`: the shipped rules.
fn users_rules(db: Option<PathBuf>) -> Result<Option<Rules>, WorkbenchError> {
    database_path(db)
        .map(|db| rules_for_database(&db))
        .transpose()
}

fn shown_path(workbench: &Workbench) -> String {
    workbench
        .database_path()
        .map_or_else(|| ":memory:".into(), |p| p.display().to_string())
}

/// A claim's evidence links, a line (or JSON object) each.
fn print_links(out: &mut Output, links: &[factdesk_core::EvidenceLink]) {
    for link in links {
        out.record(link, || {
            let note = if link.note.is_empty() {
                String::new()
            } else {
                format!(" — {}", link.note)
            };
            let note = match &link.match_class {
                Some(class) => format!("{note}  [{}]", class.replace('_', " ")),
                None => note,
            };
            format!(
                "{:<11} source #{}  {}{note}",
                link.relation.as_str(),
                link.source.id,
                link.source.title
            )
        });
    }
    out.summary(&format!(
        "{} evidence link{}",
        links.len(),
        if links.len() == 1 { "" } else { "s" }
    ));
}

fn plural(n: u64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A speaker page: one JSON object, or a heading and a line a quotation.
fn print_speaker(out: &mut Output, page: &factdesk_workbench::SpeakerPage) {
    out.record(page, || {
        let s = &page.speaker;
        let mut text = format!("#{}  {}\n", s.id, s.name);
        if !s.aliases.is_empty() {
            text.push_str(&format!("also: {}\n", s.aliases.join("; ")));
        }
        if !s.roles.is_empty() {
            text.push_str(&format!("roles: {}\n", s.roles.join("; ")));
        }
        for q in &page.quotes {
            let verdict = q
                .claim
                .verdict
                .as_deref()
                .map(|v| format!(" [{v}]"))
                .unwrap_or_default();
            let sources = if q.sources.is_empty() {
                String::new()
            } else {
                format!(
                    " ({} source{})",
                    q.sources.len(),
                    plural(q.sources.len() as u64)
                )
            };
            text.push_str(&format!(
                "\n#{:<6} {}{verdict}{sources}\n        {} — article #{}\n",
                q.claim.id, q.claim.text, q.article_title, q.claim.article_id
            ));
        }
        text
    });
}

/// The rating scales, the one in use marked and its verdicts listed.
/// `factdesk watch`: the watch list, the schedule, or a check of the watched articles.
fn watch(
    db: Option<PathBuf>,
    out: &mut Output,
    action: Option<WatchCommand>,
    all: bool,
    follow: bool,
) -> Result<ExitCode, WorkbenchError> {
    let mut workbench = open(db)?;
    let states = match action {
        Some(WatchCommand::Add { articles }) => articles
            .iter()
            .map(|id| workbench.watch(*id, true))
            .collect::<Result<Vec<_>, _>>()?,
        Some(WatchCommand::Remove { articles }) => articles
            .iter()
            .map(|id| workbench.watch(*id, false))
            .collect::<Result<Vec<_>, _>>()?,
        Some(WatchCommand::List) => workbench.watched()?,
        Some(WatchCommand::Schedule { schedule }) => {
            let shown = match schedule {
                Some(text) if text == "default" => workbench.set_watch_schedule("")?,
                Some(text) => workbench.set_watch_schedule(&text)?,
                None => workbench.watch_schedule()?.to_string(),
            };
            out.record(&serde_json::json!({ "schedule": shown }), || shown.clone());
            return Ok(ExitCode::SUCCESS);
        }
        None => return check_watched(&mut workbench, out, all, follow),
    };
    for state in &states {
        out.record(state, || describe_watch(state));
    }
    Ok(ExitCode::SUCCESS)
}

fn describe_watch(state: &factdesk_core::WatchState) -> String {
    let mut text = format!(
        "#{:<6} {}  {}",
        state.article_id,
        if state.watched {
            "watched"
        } else {
            "not watched"
        },
        state.title
    );
    if let Some(at) = &state.checked_at {
        text.push_str(&format!("\n        checked {at}"));
    }
    if let Some(at) = state.next_check_at.as_deref().filter(|_| state.watched) {
        text.push_str(&format!("\n        due {at}"));
    }
    if let Some(error) = &state.error {
        text.push_str(&format!(
            "\n        last check failed ({} in a row): {error}",
            state.failures
        ));
    }
    if let Some(at) = &state.edited_at {
        text.push_str(&format!("\n        edited substantively {at}"));
    }
    text
}

/// Fetches the due (or all) watched articles; with `follow`, again as each falls due.
/// Exits with failure when a fetch failed, so cron mails the user.
fn check_watched(
    workbench: &mut Workbench,
    out: &mut Output,
    all: bool,
    follow: bool,
) -> Result<ExitCode, WorkbenchError> {
    let stop = std::sync::atomic::AtomicBool::new(false);
    let mut failed = 0;
    let mut first = true;
    loop {
        let which = if all && first {
            factdesk_workbench::WatchSelection::All
        } else {
            factdesk_workbench::WatchSelection::Due
        };
        first = false;
        let checks = workbench.check_watched(
            which,
            &mut |check| {
                out.record(check, || describe_check(check));
            },
            &stop,
        )?;
        failed += checks.iter().filter(|c| c.outcome == "failed").count();
        if !follow {
            let changed = checks.iter().filter(|c| c.outcome == "changed").count();
            out.summary(&format!(
                "{} checked, {changed} changed, {failed} failed",
                checks.len()
            ));
            break;
        }
        if out.closed() {
            break;
        }
        // Due times are minutes apart at the least, and another process (the window,
        // `watch add`) may add articles meanwhile: look again every minute.
        std::thread::sleep(std::time::Duration::from_secs(60));
    }
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn describe_check(check: &factdesk_workbench::WatchCheck) -> String {
    let what = match (check.outcome.as_str(), check.substantive) {
        ("changed", Some(true)) => format!(
            "changed    new version {}, {} substantive change{}",
            check.version_id.unwrap_or_default(),
            check.changes,
            if check.changes == 1 { "" } else { "s" }
        ),
        ("changed", _) => format!(
            "changed    new version {}, cosmetic only",
            check.version_id.unwrap_or_default()
        ),
        ("failed", _) => format!("failed     {}", check.error.as_deref().unwrap_or("")),
        _ => "unchanged ".to_string(),
    };
    format!("#{:<6} {what}  {}", check.article_id, check.title)
}

fn print_scales(
    out: &mut Output,
    scales: &[factdesk_workbench::Scale],
    active: &[factdesk_workbench::Rating],
) {
    for scale in scales {
        out.record(scale, || {
            let mut text = format!(
                "{} {}  ({} verdicts)",
                if scale.active { "*" } else { " " },
                scale.name,
                scale.verdicts
            );
            if scale.active {
                for rating in active {
                    text.push_str(&format!(
                        "\n    {:<20} {} / {}",
                        rating.key, rating.label_en, rating.label_id
                    ));
                }
            }
            text
        });
    }
}

/// The `--at` time, checked: RFC 3339 ("2025-06-21T10:00:00Z").
fn fixed_time(at: &str) -> Result<String, WorkbenchError> {
    time::OffsetDateTime::parse(at, &time::format_description::well_known::Rfc3339)
        .map(|_| at.to_string())
        .map_err(|_| {
            WorkbenchError::InvalidInput(format!(
                "--at {at:?} is not an RFC 3339 time such as 2025-06-21T10:00:00Z"
            ))
        })
}
