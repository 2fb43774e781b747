import { afterEach, expect, test } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import Reader from './Reader.svelte';
import type { ArticleAnalysis, ArticleDetail, AuditEvent, ReviewRequest, StoredClaim } from './bindings';

const hostile = 'Judul <img src=x onerror="window.pwned=1">\nIsi <script>window.pwned=2</script> & <b>tebal</b>.';

function detail(text: string): ArticleDetail {
  return {
    article: {
      id: 1,
      title: '<b>Judul</b>',
      url: null,
      site: null,
      published: null,
      language: 'id',
      versions: 1,
      latest_version_id: 1,
      captured_at: '2026-11-25T10:00:00Z',
      watched: false,
      edited_at: null,
      changed_since_review: false,
    },
    versions: [
      {
        id: 1,
        article_id: 1,
        sha256: 'a'.repeat(64),
        captured_at: '2026-11-25T10:00:00Z',
        source_kind: 'file',
        source_ref: '/tmp/a.txt',
        media_type: 'text/plain',
        charset: 'UTF-8',
        title: '<b>Judul</b>',
        language: 'id',
        raw_bytes: 120,
        text_chars: text.length,
        published: null,
        metadata: { original_site: 'www.beritaasli.com', original_author: 'Rina <i>Sari</i>', updated: '2025-06-18T07:05:00Z' },
      },
    ],
    version_id: 1,
    text,
  };
}

let component: ReturnType<typeof mount> | null = null;

/** Mounts the reader into the document with review callbacks recorded in `calls`. */
function mountReader(text: string, analysis: ArticleAnalysis, calls: [number, Partial<ReviewRequest>][], extra: Record<string, unknown> = {}) {
  const target = document.createElement('div');
  document.body.appendChild(target);
  component = mount(Reader, {
    target,
    props: {
      detail: detail(text),
      analysis,
      ratings: [
        { key: 'true', label_en: 'True', label_id: 'Benar', rated: true },
        { key: 'false', label_en: 'False', label_id: 'Salah', rated: true },
      ],
      onversion: () => {},
      onreview: (id: number, request: Partial<ReviewRequest>) => calls.push([id, request]),
      ...extra,
    },
  });
  flushSync();
  return target;
}
afterEach(() => {
  if (component) unmount(component);
  component = null;
  document.body.innerHTML = '';
});

test('article text and title are shown as text, never as markup', () => {
  const target = document.createElement('div');
  document.body.appendChild(target);
  component = mount(Reader, { target, props: { detail: detail(hostile), onversion: () => {} } });
  flushSync();
  const text = target.querySelector('[data-testid="reader-text"]')!;
  expect(target.querySelector('script, img, b, i')).toBeNull();
  expect(text.querySelectorAll('p')).toHaveLength(2);
  expect(text.textContent).toContain('<script>window.pwned=2</script>');
  expect(target.querySelector('h1')!.textContent).toBe('<b>Judul</b>');
  const credits = target.querySelector('[data-testid="reader-credits"]')!;
  expect(credits.textContent).toContain('First published at www.beritaasli.com by Rina <i>Sari</i>');
  expect(target.querySelector('[data-testid="reader-updated"]')?.textContent).toMatch(/^updated .*2025/);
  expect(credits.querySelector('i')).toBeNull();
  expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
});

function claim(partial: Partial<StoredClaim> & Pick<StoredClaim, 'id' | 'kind' | 'start' | 'end' | 'text'>): StoredClaim {
  return {
    article_id: 1,
    version_id: 1,
    speaker_id: null,
    speaker: null,
    role: null,
    speaker_start: null,
    speaker_end: null,
    cue: null,
    origin: 'detected',
    state: 'suggested',
    score: null,
    reasons: [],
    status: 'new',
    verdict: null,
    notes: '',
    ...partial,
  };
}

test('quotations, speakers, claims and checks are highlighted and listed as text', () => {
  // Code point offsets: the emoji before the quotation is one code point, two UTF-16 units.
  const text = 'Judul\n😀 “<b>Harga</b> turun,” kata Budi.';
  const analysis: ArticleAnalysis = {
    version_id: 1,
    claims: [
      claim({ id: 7, kind: 'direct', start: 9, end: 28, text: '<b>Harga</b> turun,', speaker: 'Budi Santoso', role: 'Menteri', speaker_start: 35, speaker_end: 39, cue: 'kata' }),
      claim({ id: 8, kind: 'claim', start: 6, end: 40, text: '😀 “<b>Harga</b> turun,” kata Budi.', score: 0.81, reasons: ['comparison'] }),
      claim({ id: 9, kind: 'direct', start: 0, end: 5, text: 'Judul', state: 'rejected' }),
    ],
    checks: [{ kind: 'weekday_matches_date', start: 0, end: 5, ok: false, detail: '14 September 2023 falls on a Thursday (Kamis), not a Wednesday (Rabu)' }],
    speakers: [{ speaker_id: 3, name: 'Budi Santoso', role: 'Menteri', quotes: [7] }],
  };
  const target = document.createElement('div');
  document.body.appendChild(target);
  component = mount(Reader, { target, props: { detail: detail(text), analysis, onversion: () => {} } });
  flushSync();
  const quote = target.querySelector('[data-kind="direct"]')!;
  expect(quote.textContent).toBe('<b>Harga</b> turun,');
  expect(quote.getAttribute('title')).toContain('Budi Santoso');
  expect(target.querySelector('[data-kind="speaker"]')!.textContent).toBe('Budi');
  expect(target.querySelector('b')).toBeNull();
  // A rejected suggestion is not highlighted.
  expect(target.querySelector('[data-claim="9"]')).toBeNull();
  const panel = target.querySelector('[data-testid="analysis-panel"]')!;
  expect(panel.querySelector('[data-testid="speakers"]')!.textContent).toContain('Budi Santoso');
  expect(panel.querySelector('[data-testid="claims"]')!.textContent).toContain('0.81');
  expect(panel.querySelector('[data-ok="false"]')!.textContent).toContain('not a Wednesday');

  // Choosing a quotation in the panel shows its details and marks it in the text.
  (panel.querySelector('[data-testid="speakers"] button') as HTMLButtonElement).click();
  flushSync();
  expect(target.querySelector('[data-testid="analysis-details"]')!.textContent).toContain('kata');
  expect(target.querySelector('.selected[data-kind="direct"]')).not.toBeNull();

  // Hiding quotations removes their highlights.
  const toggle = [...panel.querySelectorAll('label')].find((l) => l.textContent!.includes('Quotations'))!.querySelector('input')!;
  toggle.click();
  flushSync();
  expect(target.querySelector('[data-kind="direct"]')).toBeNull();
});

test('the details card reviews a claim: accept, verdict, status, notes, and shows its history', async () => {
  const text = 'Judul\n“Harga turun,” kata Budi.';
  const analysis: ArticleAnalysis = {
    version_id: 1,
    claims: [claim({ id: 4, kind: 'direct', start: 7, end: 19, text: 'Harga turun,', speaker: 'Budi', notes: 'lama' })],
    checks: [],
    speakers: [{ speaker_id: 1, name: 'Budi', role: null, quotes: [4] }],
  };
  const calls: [number, Partial<ReviewRequest>][] = [];
  const history: AuditEvent[] = [{ at: '2026-11-25T10:00:00Z', reviewer: 'Rina', field: 'state', before: 'suggested', after: 'accepted' }];
  const target = mountReader(text, analysis, calls, { loadHistory: async () => history });
  (target.querySelector('[data-kind="direct"]') as HTMLElement).click();
  flushSync();
  (target.querySelector('[data-testid="accept"]') as HTMLButtonElement).click();
  const verdict = target.querySelector('[data-testid="verdict"]') as HTMLSelectElement;
  verdict.value = 'false';
  verdict.dispatchEvent(new Event('change', { bubbles: true }));
  const status = target.querySelector('[data-testid="status"]') as HTMLSelectElement;
  status.value = 'checked';
  status.dispatchEvent(new Event('change', { bubbles: true }));
  const notes = target.querySelector('[data-testid="notes"]') as HTMLTextAreaElement;
  expect(notes.value).toBe('lama');
  notes.value = 'Transkrip berkata lain';
  notes.dispatchEvent(new Event('input'));
  flushSync();
  (target.querySelector('[data-testid="save-notes"]') as HTMLButtonElement).click();
  const speaker = target.querySelector('[data-testid="speaker-input"]') as HTMLInputElement;
  expect(speaker.value).toBe('Budi');
  speaker.value = 'Budi Santoso';
  speaker.dispatchEvent(new Event('input'));
  flushSync();
  (target.querySelector('[data-testid="set-speaker"]') as HTMLButtonElement).click();
  expect(calls).toEqual([
    [4, { state: 'accepted' }],
    [4, { verdict: 'false' }],
    [4, { status: 'checked' }],
    [4, { notes: 'Transkrip berkata lain' }],
    [4, { speaker: 'Budi Santoso' }],
  ]);
  await Promise.resolve();
  flushSync();
  expect(target.querySelector('[data-testid="history"]')!.textContent).toContain('Rina · state: suggested → accepted');
});

test('the keyboard steps through items and reviews the selected one', () => {
  const text = 'Judul\n“Harga turun,” kata Budi. “Stok aman,” kata Budi.';
  const analysis: ArticleAnalysis = {
    version_id: 1,
    claims: [
      claim({ id: 4, kind: 'direct', start: 7, end: 19, text: 'Harga turun,', speaker: 'Budi' }),
      claim({ id: 5, kind: 'direct', start: 33, end: 43, text: 'Stok aman,', speaker: 'Budi' }),
    ],
    checks: [],
    speakers: [],
  };
  const calls: [number, Partial<ReviewRequest>][] = [];
  const target = mountReader(text, analysis, calls);
  const press = (key: string) => window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  press('j');
  press('j');
  flushSync();
  expect(target.querySelector('.selected[data-claim]')!.getAttribute('data-claim')).toBe('5');
  press('k');
  press('a');
  press('2');
  expect(calls).toEqual([
    [4, { state: 'accepted' }],
    [4, { verdict: 'false' }],
  ]);
});

test('selecting text offers to mark it, with code point offsets', () => {
  const text = 'Judul\n😀 Harga beras naik 12 persen pekan ini.';
  const marked: [number, number, string][] = [];
  const target = mountReader(text, { version_id: 1, claims: [], checks: [], speakers: [] }, [], {
    onmark: (start: number, end: number, kind: string) => marked.push([start, end, kind]),
  });
  // The second paragraph (the first is "Judul").
  const segment = target.querySelectorAll('[data-testid="reader-text"] [data-start]')[1];
  const node = segment.firstChild!;
  const range = document.createRange();
  // "Harga beras" : UTF-16 offsets 3..14 in "😀 Harga beras …" (the emoji is two units).
  range.setStart(node, 3);
  range.setEnd(node, 14);
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  target.querySelector('[data-testid="reader-text"]')!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  flushSync();
  expect(target.querySelector('[data-testid="mark-bar"]')!.textContent).toContain('“Harga beras”');
  (target.querySelector('[data-testid="mark-claim"]') as HTMLButtonElement).click();
  // The paragraph starts at code point 6; the emoji and the space are 2 more.
  expect(marked).toEqual([[8, 19, 'claim']]);
});
