import { describe, expect, test } from 'vitest';
import { formatBytes, formatTime, languageName, paragraphs, SNIPPET_CLOSE, SNIPPET_OPEN, snippetParts } from './text';

describe('snippetParts', () => {
  test('splits matched terms from plain text', () => {
    const snippet = `harga ${SNIPPET_OPEN}beras${SNIPPET_CLOSE} naik di ${SNIPPET_OPEN}Palembang${SNIPPET_CLOSE}…`;
    expect(snippetParts(snippet)).toEqual([
      { text: 'harga ', match: false },
      { text: 'beras', match: true },
      { text: ' naik di ', match: false },
      { text: 'Palembang', match: true },
      { text: '…', match: false },
    ]);
  });

  test('keeps markup as plain text and tolerates unbalanced markers', () => {
    expect(snippetParts(`<script>alert(1)</script> ${SNIPPET_OPEN}x`)).toEqual([
      { text: '<script>alert(1)</script> ', match: false },
      { text: 'x', match: true },
    ]);
    expect(snippetParts(`${SNIPPET_CLOSE}a`)).toEqual([{ text: 'a', match: false }]);
    expect(snippetParts('')).toEqual([]);
  });
});

describe('paragraphs', () => {
  test('one paragraph a line, blank lines skipped', () => {
    expect(paragraphs('Judul\n\nBaris satu\nbaris dua\n \n\n Akhir ')).toEqual(['Judul', 'Baris satu', 'baris dua', 'Akhir']);
    expect(paragraphs('  \n\n ')).toEqual([]);
  });
});

describe('formatting', () => {
  test('bytes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(4200)).toBe('4.2 kB');
    expect(formatBytes(1_300_000)).toBe('1.3 MB');
  });
  test('times fall back to the raw value when unparseable', () => {
    expect(formatTime(null)).toBe('');
    expect(formatTime('not a time')).toBe('not a time');
    expect(formatTime('2026-11-25T10:00:00Z', 'en-GB')).toContain('2026');
  });
  test('language names', () => {
    expect(languageName('id')).toBe('Indonesian');
    expect(languageName('en')).toBe('English');
    expect(languageName(null)).toBe('language unknown');
    expect(languageName('de')).toBe('de');
  });
});
