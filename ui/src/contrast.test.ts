// Contrast of the window's colours in both themes, read from app.css: every pair of text
// and background the window uses must reach WCAG AA (4.5:1 for text).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';


const css = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'app.css'), 'utf8');

/** The custom properties set in the block that starts with `selector {`. */
function palette(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  expect(start, `${selector} in app.css`).toBeGreaterThanOrEqual(0);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})/g)].map((m) => [m[1], m[2]]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Text colour on background colour, as the window pairs them. */
const PAIRS: [string, string][] = [
  ['text', 'bg'],
  ['text', 'panel'],
  ['muted', 'bg'],
  ['muted', 'panel'],
  ['text', 'hover'],
  ['text', 'selected'],
  ['accent-text', 'accent'],
  ['accent', 'bg'],
  ['ok', 'panel'],
  ['wrong', 'panel'],
  ['text', 'claim-bg'],
  ['text', 'quote-bg'],
  ['text', 'warn-bg'],
  ['text', 'error-bg'],
  ['text', 'mark'],
];

describe.each([
  ['light', ':root'],
  ['dark', ":root[data-theme='dark']"],
])('the %s theme', (_name, selector) => {
  const colours = { ...palette(':root'), ...palette(selector) };
  it.each(PAIRS)('%s on %s reaches 4.5:1', (fg, bg) => {
    expect(colours[fg], `--${fg}`).toBeDefined();
    expect(colours[bg], `--${bg}`).toBeDefined();
    expect(contrast(colours[fg], colours[bg])).toBeGreaterThanOrEqual(4.5);
  });
});
