import { describe, expect, it } from 'vitest';
import { sourceInput } from './evidence';

describe('sourceInput', () => {
  it('reads web addresses, articles and file paths', () => {
    expect(sourceInput(' https://example.org/siaran ')).toEqual({ url: 'https://example.org/siaran' });
    expect(sourceInput('HTTP://example.org')).toEqual({ url: 'HTTP://example.org' });
    expect(sourceInput('#12')).toEqual({ article: 12 });
    expect(sourceInput('article: 7')).toEqual({ article: 7 });
    expect(sourceInput('/home/rina/rapat.srt')).toEqual({ file: '/home/rina/rapat.srt' });
    expect(sourceInput('#12a')).toEqual({ file: '#12a' });
  });
});
