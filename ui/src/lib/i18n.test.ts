import { afterEach, describe, expect, it } from 'vitest';
import { locale, localeChoice, ratingLabel, setLocale, systemLocale, t, tn } from './i18n.svelte';

afterEach(() => setLocale(null));

describe('i18n', () => {
  it('follows the system language until the user chooses one', () => {
    expect(systemLocale(['id-ID', 'en-US'])).toBe('id');
    expect(systemLocale(['de-DE', 'en-GB'])).toBe('en');
    expect(systemLocale(['fr-FR'])).toBe('en');
    setLocale('id');
    expect(locale()).toBe('id');
    expect(localeChoice()).toBe('id');
    expect(localStorage.getItem('factdesk.language')).toBe('id');
    setLocale(null);
    expect(localeChoice()).toBeNull();
    expect(localStorage.getItem('factdesk.language')).toBeNull();
  });

  it('fills parameters as text and counts in both languages', () => {
    setLocale('en');
    expect(tn('list.articles', 1)).toBe('1 article');
    expect(tn('list.articles', 3)).toBe('3 articles');
    expect(t('app.progress', { done: 2, total: 9 })).toBe('Importing 2 of 9…');
    expect(t('evidence.removeLabel', { title: '<b>x</b> {n}' })).toBe('Remove the link to <b>x</b> {n}');
    setLocale('id');
    expect(tn('list.articles', 3)).toBe('3 artikel');
    expect(t('app.tab.claims')).toBe('Klaim');
    expect(ratingLabel({ label_en: 'False', label_id: 'Salah' })).toBe('Salah');
  });
});
