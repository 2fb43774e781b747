import type { ImportReport } from './bindings';

export type ImportSummary = { headline: string; failed: string[] };

/** What the window says after an import: counts in one line, then each failure's message. */
export function summarise(report: ImportReport): ImportSummary {
  const by = (status: string) => report.outcomes.filter((o) => o.status === status);
  const imported = by('imported').length;
  const unchanged = by('unchanged').length;
  const failed = by('error').map((o) => o.error ?? `${o.input} could not be imported`);
  const parts = [`${imported} imported`];
  if (unchanged) parts.push(`${unchanged} already in the workbench`);
  if (failed.length) parts.push(`${failed.length} failed`);
  const headline = (report.cancelled ? 'Import cancelled: ' : '') + parts.join(', ');
  return { headline, failed };
}
