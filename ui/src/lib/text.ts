// Pure helpers for showing article text. Article text is data: these return strings and
// parts that components put into text nodes, never HTML.

/** Private-use characters that the store wraps around matched terms in search snippets. */
import { locale as windowLocale, t } from './i18n.svelte';

export const SNIPPET_OPEN = '\uE000';
export const SNIPPET_CLOSE = '\uE001';

export type SnippetPart = { text: string; match: boolean };

/** Splits a search snippet into plain and matched parts. Unbalanced markers are tolerated. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let current = '';
  const flush = () => {
    if (current) parts.push({ text: current, match });
    current = '';
  };
  for (const ch of snippet) {
    if (ch === SNIPPET_OPEN) {
      flush();
      match = true;
    } else if (ch === SNIPPET_CLOSE) {
      flush();
      match = false;
    } else {
      current += ch;
    }
  }
  flush();
  return parts;
}

/** Paragraphs of an article: stored text has one paragraph a line. */
export function paragraphs(text: string): string[] {
  return text
    .split('\n')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** "2026-11-25T10:00:00Z" → a short local date and time in the window's language; the input itself when unparseable. */
export function formatTime(rfc3339: string | null, locale?: string): string {
  if (!rfc3339) return '';
  const date = new Date(rfc3339);
  if (Number.isNaN(date.getTime())) return rfc3339;
  return date.toLocaleString(locale ?? (windowLocale() === 'id' ? 'id-ID' : 'en'), { dateStyle: 'medium', timeStyle: 'short' });
}

/** Byte counts for people: 512 B, 4.2 kB, 1.3 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** Language tags the window names in words, in the window's language. */
export function languageName(tag: string | null): string {
  switch (tag) {
    case 'id':
      return t('language.id');
    case 'en':
      return t('language.en');
    case null:
      return t('language.unknown');
    default:
      return tag;
  }
}
