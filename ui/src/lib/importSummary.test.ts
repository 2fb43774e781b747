import { expect, test } from 'vitest';
import { summarise } from './importSummary';

test('counts outcomes and lists each failure message', () => {
  const summary = summarise({
    cancelled: false,
    outcomes: [
      { input: 'a.txt', article_id: 1, version_id: 1, status: 'imported', title: 'A' },
      { input: 'b.txt', article_id: 1, version_id: 1, status: 'unchanged', title: 'A' },
      { input: 'c.txt', article_id: null, version_id: null, status: 'error', error: 'c.txt is empty' },
    ],
  });
  expect(summary.headline).toBe('1 imported, 1 already in the workbench, 1 failed');
  expect(summary.failed).toEqual(['c.txt is empty']);
});

test('says when an import was cancelled', () => {
  expect(summarise({ cancelled: true, outcomes: [] }).headline).toBe('Import cancelled: 0 imported');
});
