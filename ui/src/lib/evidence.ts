import type { Relation, SourceInput } from './bindings';

/** The relations a source can have to a claim (labels are `relation.<key>` messages). */
export const RELATIONS: { key: Relation }[] = [{ key: 'original' }, { key: 'supports' }, { key: 'contradicts' }, { key: 'context' }];

/**
 * Reads what the checker typed as a source, as `factdesk source add` does: a web address,
 * an article of the workbench as `#12` or `article:12`, else a file path.
 */
export function sourceInput(typed: string): SourceInput {
  const text = typed.trim();
  const article = /^(?:#|article:)\s*(\d+)$/.exec(text);
  if (article) return { article: Number(article[1]) };
  if (/^https?:\/\//i.test(text)) return { url: text };
  return { file: text };
}
