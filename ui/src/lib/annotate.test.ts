import { expect, test } from 'vitest';
import { annotate, codePoints, type Mark } from './annotate';

test('paragraphs keep code point offsets and trim white space', () => {
  const text = 'Judul 😀\n\n  Isi “kutipan” di sini.  \n';
  const paragraphs = annotate(text, []);
  expect(paragraphs.map((p) => p.segments.map((s) => s.text).join(''))).toEqual(['Judul 😀', 'Isi “kutipan” di sini.']);
  // The emoji is one code point (two UTF-16 units): the second paragraph starts at 11.
  expect(paragraphs[1].start).toBe(11);
});

test('nested marks split the text into covered segments', () => {
  const text = 'Ünï “Harga turun,” kata Budi.';
  const marks: Mark[] = [
    { id: 1, kind: 'claim', start: 0, end: 29 },
    { id: 2, kind: 'direct', start: 5, end: 17 },
    { id: 2, kind: 'speaker', start: 24, end: 28 },
  ];
  const [paragraph] = annotate(text, marks);
  const parts = paragraph.segments.map((s) => [s.text, s.marks.map((m) => m.kind).join('+')]);
  expect(parts).toEqual([
    ['Ünï “', 'claim'],
    ['Harga turun,', 'claim+direct'],
    ['” kata ', 'claim'],
    ['Budi', 'claim+speaker'],
    ['.', 'claim'],
  ]);
});

test('marks outside the text or empty are ignored', () => {
  const [paragraph] = annotate('abc', [
    { id: 1, kind: 'claim', start: 2, end: 2 },
    { id: 2, kind: 'claim', start: 1, end: 99 },
  ]);
  expect(paragraph.segments).toEqual([{ text: 'abc', start: 0, marks: [] }]);
});

import { step } from './annotate';

test('stepping through claims stays in the list', () => {
  expect(step([4, 7, 9], null, 1)).toBe(4);
  expect(step([4, 7, 9], null, -1)).toBe(9);
  expect(step([4, 7, 9], 7, 1)).toBe(9);
  expect(step([4, 7, 9], 9, 1)).toBe(9);
  expect(step([4, 7, 9], 4, -1)).toBe(4);
  expect(step([], 4, 1)).toBeNull();
});

import { selectionOffsets } from './annotate';

test('selection ends become code point offsets, in order', () => {
  // "😀 Harga" starts at code point 10; UTF-16 offset 3 is after the emoji and the space.
  const a = { segmentStart: 10, text: '😀 Harga', offset: 3 };
  const b = { segmentStart: 20, text: 'turun.', offset: 5 };
  expect(selectionOffsets(b, a)).toEqual([12, 25]);
  expect(selectionOffsets(a, a)).toBeNull();
});

test('codePoints counts characters outside the basic plane once', () => {
  expect(codePoints('abc', 2)).toBe(2);
  expect(codePoints('😀 harga', 3)).toBe(2);
  expect(codePoints('x', 0)).toBe(0);
});
