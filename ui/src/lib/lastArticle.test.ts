import { describe, expect, it } from 'vitest';
import { forgetArticle, lastArticle, rememberArticle } from './lastArticle';

describe('lastArticle', () => {
  it('remembers the open article per database', () => {
    expect(lastArticle('/a.sqlite3')).toBeNull();
    rememberArticle('/a.sqlite3', 12);
    rememberArticle('/b.sqlite3', 3);
    expect(lastArticle('/a.sqlite3')).toBe(12);
    expect(lastArticle('/b.sqlite3')).toBe(3);
    forgetArticle('/a.sqlite3');
    expect(lastArticle('/a.sqlite3')).toBeNull();
    localStorage.setItem('factdesk.lastArticle:/c', 'garbage');
    expect(lastArticle('/c')).toBeNull();
  });
});
