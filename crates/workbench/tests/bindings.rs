//! The window's TypeScript types are generated from the Rust types that cross IPC and
//! committed as `ui/src/lib/bindings.ts`. This test fails when that file is stale.
//! Regenerate with: `UPDATE_BINDINGS=1 cargo test -p factdesk-workbench --test bindings`.

use factdesk_core::analysis::ConsistencyCheck;
use factdesk_core::anchor::{AnchorStatus, WordEdit};
use factdesk_core::diff::{Change, ChangeKind, ChangeOp};
use factdesk_core::{
    ArticleDetail, ArticleSummary, AuditEvent, CaptureMetadata, EvidenceLink, EvidenceSourceKind,
    Relation, SearchHit, SourceInfo, SourceKind, SpeakerInfo, StoredClaim, VersionInfo, WatchState,
};
use factdesk_workbench::{
    AddedSource, LinkEdit, LinkMatch, QuoteSighting, Scale, SourceInput, SpeakerPage, SpeakerQuote,
};
use factdesk_workbench::{
    AffectedClaim, MetadataChange, RefreshOutcome, VersionDiff, VersionEntry, WatchCheck,
};
use factdesk_workbench::{
    AppInfo, ArticleAnalysis, ArticlePage, ArticleQuery, ClaimPage, ClaimQuery, ErrorKind,
    ErrorPayload, ImportOutcome, ImportProgress, ImportReport, ImportStatus, Rating, ReviewRequest,
    SpeakerSummary,
};
use factdesk_workbench::{
    ExportFormat, ExportOutcome, ExportRequest, ExportSelection, Organisation,
};
use std::path::PathBuf;
use ts_rs::{Config, TS};

fn render() -> String {
    // serde_json writes i64 as a JSON number, which JavaScript reads as `number`.
    let cfg = Config::new().with_large_int("number");
    let declarations = [
        SourceKind::decl(&cfg),
        ArticleSummary::decl(&cfg),
        CaptureMetadata::decl(&cfg),
        VersionInfo::decl(&cfg),
        ArticleDetail::decl(&cfg),
        SearchHit::decl(&cfg),
        StoredClaim::decl(&cfg),
        ConsistencyCheck::decl(&cfg),
        SpeakerSummary::decl(&cfg),
        ArticleAnalysis::decl(&cfg),
        ReviewRequest::decl(&cfg),
        ClaimQuery::decl(&cfg),
        ArticleQuery::decl(&cfg),
        ClaimPage::decl(&cfg),
        Rating::decl(&cfg),
        AuditEvent::decl(&cfg),
        ArticlePage::decl(&cfg),
        AppInfo::decl(&cfg),
        ImportStatus::decl(&cfg),
        ImportOutcome::decl(&cfg),
        ImportReport::decl(&cfg),
        ImportProgress::decl(&cfg),
        ErrorKind::decl(&cfg),
        ErrorPayload::decl(&cfg),
        EvidenceSourceKind::decl(&cfg),
        SourceInfo::decl(&cfg),
        Relation::decl(&cfg),
        EvidenceLink::decl(&cfg),
        SourceInput::decl(&cfg),
        AddedSource::decl(&cfg),
        SpeakerInfo::decl(&cfg),
        SpeakerQuote::decl(&cfg),
        SpeakerPage::decl(&cfg),
        Scale::decl(&cfg),
        LinkEdit::decl(&cfg),
        LinkMatch::decl(&cfg),
        QuoteSighting::decl(&cfg),
        ExportFormat::decl(&cfg),
        ExportSelection::decl(&cfg),
        ExportRequest::decl(&cfg),
        ExportOutcome::decl(&cfg),
        ChangeOp::decl(&cfg),
        ChangeKind::decl(&cfg),
        Change::decl(&cfg),
        AnchorStatus::decl(&cfg),
        WordEdit::decl(&cfg),
        AffectedClaim::decl(&cfg),
        MetadataChange::decl(&cfg),
        VersionDiff::decl(&cfg),
        VersionEntry::decl(&cfg),
        RefreshOutcome::decl(&cfg),
        Organisation::decl(&cfg),
        WatchState::decl(&cfg),
        WatchCheck::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types by crates/workbench/tests/bindings.rs. Do not edit.\n\
         // Regenerate: UPDATE_BINDINGS=1 cargo test -p factdesk-workbench --test bindings\n",
    );
    for declaration in declarations {
        out.push_str("\nexport ");
        out.push_str(&declaration);
        out.push('\n');
    }
    out
}

#[test]
fn typescript_bindings_are_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings.ts");
    let fresh = render();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} is stale: the Rust types changed. Regenerate it with\n  UPDATE_BINDINGS=1 cargo test -p factdesk-workbench --test bindings",
        path.display()
    );
}
