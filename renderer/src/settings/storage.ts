/** localStorage that never throws (private windows, full quota, disabled storage). */
export function loadJson<T>(key: string, fallback: T): T {
  try {
    const raw = window.localStorage.getItem(key);
    return raw === null ? fallback : (JSON.parse(raw) as T);
  } catch {
    return fallback;
  }
}

export function saveJson(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage unavailable: the preference lasts for this session only.
  }
}

export const storageKeys = {
  language: 'archive-reader.language',
  display: 'archive-reader.display',
  recentSearches: 'archive-reader.recent-searches',
  readingPosition: (id: string) => `archive-reader.position.${id}`,
} as const;
