// The article that was open when the window closed, per database, so that the window
// opens where the checker left off. Kept in localStorage; ids are only meaningful for the
// database they came from, so the key names the database file.

const PREFIX = 'factdesk.lastArticle:';

export function rememberArticle(database: string, id: number) {
  try {
    localStorage.setItem(PREFIX + database, String(id));
  } catch {
    // Without storage the window simply opens on the list.
  }
}

export function lastArticle(database: string): number | null {
  try {
    const value = Number(localStorage.getItem(PREFIX + database));
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

export function forgetArticle(database: string) {
  try {
    localStorage.removeItem(PREFIX + database);
  } catch {
    // Nothing to forget.
  }
}
