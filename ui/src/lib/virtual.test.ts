import { describe, expect, test } from 'vitest';
import { pagesFor, rowWindow, scrollToReveal } from './virtual';

describe('rowWindow', () => {
  test('renders only the rows in view plus overscan', () => {
    const win = rowWindow(5800, 580, 58, 100_000, 6);
    expect(win.first).toBe(94);
    expect(win.last).toBe(100 + 11 + 6);
    expect(win.offsetTop).toBe(94 * 58);
    expect(win.totalHeight).toBe(100_000 * 58);
    expect(win.last - win.first).toBeLessThan(40);
  });

  test('clamps at both ends and handles empty lists', () => {
    expect(rowWindow(0, 580, 58, 3).first).toBe(0);
    expect(rowWindow(0, 580, 58, 3).last).toBe(3);
    const end = rowWindow(1e9, 580, 58, 1000);
    expect(end.last).toBe(1000);
    expect(rowWindow(100, 580, 58, 0)).toEqual({ first: 0, last: 0, offsetTop: 0, totalHeight: 0 });
  });
});

describe('pagesFor', () => {
  test('lists each page the rows touch once', () => {
    expect(pagesFor(190, 215, 200)).toEqual([0, 1]);
    expect(pagesFor(0, 10, 200)).toEqual([0]);
    expect(pagesFor(5, 5, 200)).toEqual([]);
  });
});

describe('scrollToReveal', () => {
  test('scrolls only when the row is out of view', () => {
    expect(scrollToReveal(5, 0, 580, 58)).toBeNull();
    expect(scrollToReveal(20, 0, 580, 58)).toBe(21 * 58 - 580);
    expect(scrollToReveal(2, 580, 580, 58)).toBe(116);
  });
});
