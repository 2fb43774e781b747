import type { ImportReport } from './bindings';
import { t } from './i18n.svelte';

export type ImportSummary = { headline: string; failed: string[] };

/** What the window says after an import: counts in one line, then each failure's message. */
export function summarise(report: ImportReport): ImportSummary {
  const by = (status: string) => report.outcomes.filter((o) => o.status === status);
  const imported = by('imported').length;
  const unchanged = by('unchanged').length;
  const failed = by('error').map((o) => o.error ?? t('import.couldNot', { input: o.input }));
  const parts = [t('import.imported', { n: imported })];
  if (unchanged) parts.push(t('import.unchanged', { n: unchanged }));
  if (failed.length) parts.push(t('import.failed', { n: failed.length }));
  const headline = (report.cancelled ? t('import.cancelled') : '') + parts.join(', ');
  return { headline, failed };
}
