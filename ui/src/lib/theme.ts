// The colour theme: follow the system (default), or light or dark by choice. The choice is
// a window setting, kept in the webview's local storage, not in the workbench database.

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const KEY = 'factdesk.theme';

export function storedTheme(storage: Pick<Storage, 'getItem'> = localStorage): Theme {
  const value = storage.getItem(KEY);
  return (THEMES as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';
}

/** Whether the system asks for dark colours. */
export function systemPrefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Applies a theme to the document as `data-theme` ("light" or "dark", "system" resolved),
 * which the CSS reads, and stores the choice. */
export function applyTheme(
  theme: Theme,
  root: HTMLElement = document.documentElement,
  storage: Pick<Storage, 'setItem'> = localStorage,
  prefersDark: boolean = systemPrefersDark(),
) {
  root.dataset.theme = theme === 'system' ? (prefersDark ? 'dark' : 'light') : theme;
  storage.setItem(KEY, theme);
}
