// Splits article text into paragraphs and segments for highlighting claims, quotations and
// speaker mentions. Offsets from the Rust side are Unicode code points; JavaScript strings
// index UTF-16 units, so everything here works on arrays of code points. The result is
// plain strings for text nodes, never HTML.

/** Something to highlight: a claim, a quotation, or the mention of a quotation's speaker. */
export type Mark = {
  /** The stored claim's id. */
  id: number;
  kind: 'claim' | 'direct' | 'indirect' | 'speaker';
  start: number;
  end: number;
};

export type Segment = {
  text: string;
  /** Code point offset of the segment in the whole text. */
  start: number;
  /** The marks covering this segment, outermost (longest) first. */
  marks: Mark[];
};

export type Paragraph = { start: number; segments: Segment[] };

/** Paragraphs (one per non-empty line, trimmed) with their highlighted segments. */
export function annotate(text: string, marks: Mark[]): Paragraph[] {
  const chars = Array.from(text);
  const sorted = marks
    .filter((m) => m.start < m.end && m.start >= 0 && m.end <= chars.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const paragraphs: Paragraph[] = [];
  let lineStart = 0;
  for (let i = 0; i <= chars.length; i++) {
    if (i < chars.length && chars[i] !== '\n') continue;
    let start = lineStart;
    let end = i;
    while (start < end && /\s/.test(chars[start])) start++;
    while (end > start && /\s/.test(chars[end - 1])) end--;
    if (end > start) paragraphs.push({ start, segments: segments(chars, start, end, sorted) });
    lineStart = i + 1;
  }
  return paragraphs;
}

function segments(chars: string[], start: number, end: number, marks: Mark[]): Segment[] {
  const inside = marks.filter((m) => m.start < end && m.end > start);
  const cuts = new Set<number>([start, end]);
  for (const m of inside) {
    cuts.add(Math.max(m.start, start));
    cuts.add(Math.min(m.end, end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    out.push({
      text: chars.slice(a, b).join(''),
      start: a,
      marks: inside.filter((m) => m.start <= a && m.end >= b),
    });
  }
  return out;
}

/** A short label for a check-worthiness score: "0.83". */
export function formatScore(score: number | null): string {
  return score === null ? '' : score.toFixed(2);
}

/** The id `delta` steps from `current` in `ids` (text order), staying within the list;
 * the first (or last, going back) when nothing is selected. */
export function step(ids: number[], current: number | null, delta: number): number | null {
  if (ids.length === 0) return null;
  const at = current === null ? -1 : ids.indexOf(current);
  if (at < 0) return delta > 0 ? ids[0] : ids[ids.length - 1];
  return ids[Math.min(ids.length - 1, Math.max(0, at + delta))];
}

/** One end of a text selection: the code point offset where its segment starts, the
 * segment's text, and the UTF-16 offset within that text (what the DOM reports). */
export type SelectionEnd = { segmentStart: number; text: string; offset: number };

/** A DOM selection's two ends as code point offsets, in order; null when empty. */
export function selectionOffsets(a: SelectionEnd, b: SelectionEnd): [number, number] | null {
  const at = (end: SelectionEnd) => end.segmentStart + Array.from(end.text.slice(0, end.offset)).length;
  const [x, y] = [at(a), at(b)];
  if (x === y) return null;
  return x < y ? [x, y] : [y, x];
}

/** A UTF-16 index into `text` (what text fields report) as a code point offset (what the store counts). */
export function codePoints(text: string, utf16: number): number {
  return [...text.slice(0, utf16)].length;
}
