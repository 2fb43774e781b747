fn main() {
    // Each app command gets an `allow-<name>` permission; capabilities/main.json grants
    // the window exactly the ones the UI uses.
    let commands = &[
        "import_paths",
        "cancel_import",
        "list_articles",
        "search_articles",
        "open_article",
        "article_analysis",
        "review_claim",
        "list_claims",
        "mark_claim",
        "claim_history",
        "undo",
        "ratings",
        "reviewer",
        "set_reviewer",
        "app_info",
        "add_source",
        "list_sources",
        "claim_links",
        "link_claim",
        "unlink_claim",
        "list_speakers",
        "speaker_page",
        "merge_speakers",
        "split_claim",
        "merge_claims",
        "list_scales",
        "use_scale",
        "link_match",
        "judge_match",
        "quote_sightings",
        "source_text",
        "choose_passage",
        "export_report",
        "open_export",
        "article_versions",
        "compare_versions",
        "refresh_article",
        "organisation",
        "set_organisation",
    ];
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("failed to run tauri-build");
}
