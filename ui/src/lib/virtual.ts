// Windowing for long lists: only the rows in view (plus a margin) are in the DOM, so a
// list of 100,000 articles scrolls as smoothly as one of ten.

export type RowWindow = { first: number; last: number; offsetTop: number; totalHeight: number };

/**
 * Rows `first..last` (exclusive) to render for a viewport scrolled to `scrollTop`.
 * `overscan` extra rows above and below keep fast scrolling from showing gaps.
 */
export function rowWindow(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = 6,
): RowWindow {
  const totalHeight = count * rowHeight;
  if (count === 0 || rowHeight <= 0) return { first: 0, last: 0, offsetTop: 0, totalHeight: 0 };
  const top = Math.max(0, Math.min(scrollTop, Math.max(0, totalHeight - viewportHeight)));
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const visible = Math.ceil(viewportHeight / rowHeight) + 1;
  const last = Math.min(count, Math.floor(top / rowHeight) + visible + overscan);
  return { first, last, offsetTop: first * rowHeight, totalHeight };
}

/** The pages (of `pageSize` rows) that rows `first..last` fall on. */
export function pagesFor(first: number, last: number, pageSize: number): number[] {
  if (last <= first) return [];
  const pages: number[] = [];
  for (let page = Math.floor(first / pageSize); page * pageSize < last; page++) pages.push(page);
  return pages;
}

/** The scroll position that brings row `index` into view, or null when it already is. */
export function scrollToReveal(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number | null {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return null;
}
