import { expect, test } from 'vitest';
import { applyTheme, storedTheme } from './theme';

test('themes are stored, read back and applied to the document', () => {
  const memory = new Map<string, string>();
  const storage = { getItem: (k: string) => memory.get(k) ?? null, setItem: (k: string, v: string) => void memory.set(k, v) };
  const root = document.createElement('html');
  expect(storedTheme(storage)).toBe('system');
  applyTheme('dark', root, storage, false);
  expect(root.dataset.theme).toBe('dark');
  expect(storedTheme(storage)).toBe('dark');
  // "system" follows the system's preference.
  applyTheme('system', root, storage, true);
  expect(root.dataset.theme).toBe('dark');
  applyTheme('system', root, storage, false);
  expect(root.dataset.theme).toBe('light');
  expect(storedTheme(storage)).toBe('system');
  memory.set('factdesk.theme', 'purple');
  expect(storedTheme(storage)).toBe('system');
});
