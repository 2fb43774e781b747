// Typed calls into the Rust side. Every command answers with its value or rejects with
// the one IPC error shape, ErrorPayload {kind, message}.
import { invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type {
  AddedSource,
  AppInfo,
  EvidenceLink,
  Organisation,
  RefreshOutcome,
  VersionDiff,
  VersionEntry,
  ExportOutcome,
  ExportRequest,
  LinkMatch,
  QuoteSighting,
  Relation,
  SourceInfo,
  Scale,
  SourceInput,
  SpeakerInfo,
  SpeakerPage,
  ArticleAnalysis,
  AuditEvent,
  ArticleDetail,
  ArticleQuery,
  ClaimPage,
  ClaimQuery,
  ArticlePage,
  ErrorPayload,
  ImportProgress,
  ImportReport,
  Rating,
  ReviewRequest,
  StoredClaim,
  SearchHit,
  ImportOutcome,
  WatchCheck,
  WatchState,
} from './bindings';

/** Turns whatever a rejected call produced into an ErrorPayload. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (typeof error === 'object' && error !== null && 'kind' in error && 'message' in error) {
    return error as ErrorPayload;
  }
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toErrorPayload(error);
  }
}

export const api = {
  importPaths: (paths: string[]) => call<ImportReport>('import_paths', { paths }),
  cancelImport: () => call<void>('cancel_import'),
  listArticles: (offset: number, limit: number, query: ArticleQuery | null = null) =>
    call<ArticlePage>('list_articles', { offset, limit, query }),
  searchArticles: (query: string, limit: number, filter: ArticleQuery | null = null) =>
    call<SearchHit[]>('search_articles', { query, limit, filter }),
  openArticle: (id: number, version?: number) => call<ArticleDetail>('open_article', { id, version: version ?? null }),
  articleAnalysis: (id: number, version: number) => call<ArticleAnalysis>('article_analysis', { id, version }),
  reviewClaim: (claim: number, request: Partial<ReviewRequest>) =>
    call<StoredClaim>('review_claim', { claim, request }),
  listClaims: (query: ClaimQuery, offset: number, limit: number) => call<ClaimPage>('list_claims', { query, offset, limit }),
  markClaim: (article: number, version: number, kind: string, start: number, end: number) =>
    call<StoredClaim>('mark_claim', { article, version, kind, start, end }),
  claimHistory: (claim: number) => call<AuditEvent[]>('claim_history', { claim }),
  undo: () => call<string | null>('undo'),
  ratings: () => call<Rating[]>('ratings'),
  reviewer: () => call<string>('reviewer'),
  setReviewer: (name: string) => call<string>('set_reviewer', { name }),
  appInfo: () => call<AppInfo>('app_info'),
  addSource: (input: SourceInput) => call<AddedSource>('add_source', { input }),
  listSources: () => call<SourceInfo[]>('list_sources'),
  claimLinks: (claim: number) => call<EvidenceLink[]>('claim_links', { claim }),
  linkClaim: (claim: number, source: number, relation: Relation, note: string) =>
    call<EvidenceLink[]>('link_claim', { claim, source, relation, note }),
  unlinkClaim: (claim: number, source: number) => call<EvidenceLink[]>('unlink_claim', { claim, source }),
  listSpeakers: (name: string, limit: number) => call<SpeakerInfo[]>('list_speakers', { name, limit }),
  speakerPage: (id: number) => call<SpeakerPage>('speaker_page', { id }),
  mergeSpeakers: (into: number, from: number) => call<SpeakerPage>('merge_speakers', { into, from }),
  linkMatch: (claim: number, source: number) => call<LinkMatch>('link_match', { claim, source }),
  judgeMatch: (claim: number, source: number, className: string) => call<EvidenceLink[]>('judge_match', { claim, source, class: className }),
  quoteSightings: (claim: number) => call<QuoteSighting[]>('quote_sightings', { claim }),
  sourceText: (source: number) => call<string>('source_text', { source }),
  choosePassage: (claim: number, source: number, start: number, end: number) =>
    call<EvidenceLink[]>('choose_passage', { claim, source, start, end }),
  exportReport: (request: ExportRequest) => call<ExportOutcome>('export_report', { request }),
  openExport: (path: string, reveal: boolean) => call<void>('open_export', { path, reveal }),
  articleVersions: (article: number) => call<VersionEntry[]>('article_versions', { article }),
  compareVersions: (article: number, from: number | null, to: number | null) => call<VersionDiff>('compare_versions', { article, from, to }),
  refreshArticle: (article: number) => call<RefreshOutcome>('refresh_article', { article }),
  organisation: () => call<Organisation | null>('organisation'),
  setOrganisation: (name: string, url: string | null) => call<Organisation>('set_organisation', { name, url }),
  listScales: () => call<Scale[]>('list_scales'),
  useScale: (name: string) => call<Scale[]>('use_scale', { name }),
  splitClaim: (claim: number, at: number) => call<StoredClaim[]>('split_claim', { claim, at }),
  mergeClaims: (claim: number, other: number) => call<StoredClaim>('merge_claims', { claim, other }),
  watchState: (article: number) => call<WatchState>('watch_state', { article }),
  watchArticle: (article: number, on: boolean) => call<WatchState>('watch_article', { article, on }),
  checkWatched: (all: boolean) => call<WatchCheck[]>('check_watched', { all }),
  watchSchedule: () => call<string>('watch_schedule'),
  setWatchSchedule: (schedule: string) => call<string>('set_watch_schedule', { schedule }),
  importVersion: (article: number, path: string) => call<ImportOutcome>('import_version', { article, path }),
  defineScale: (name: string, verdicts: string) => call<Scale[]>('define_scale', { name, verdicts }),
  onWatchChecked: (handler: (check: WatchCheck) => void): Promise<UnlistenFn> =>
    listen<WatchCheck>('watch-checked', (event) => handler(event.payload)),
  onImportProgress: (handler: (progress: ImportProgress) => void): Promise<UnlistenFn> =>
    listen<ImportProgress>('import-progress', (event) => handler(event.payload)),
};
