import { loadJson, saveJson, storageKeys } from '../settings/storage';

const MAX_RECENT = 8;

/** Most recent first, without duplicates (compared accent- and case-sensitively after trimming). */
export function addRecent(list: readonly string[], query: string, max = MAX_RECENT): string[] {
  const q = query.trim().normalize('NFC');
  if (!q) return [...list];
  return [q, ...list.filter((x) => x !== q)].slice(0, max);
}

export function loadRecent(): string[] {
  const list = loadJson<unknown>(storageKeys.recentSearches, []);
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
}

export function rememberSearch(query: string): string[] {
  const next = addRecent(loadRecent(), query);
  saveJson(storageKeys.recentSearches, next);
  return next;
}

export function clearRecent(): void {
  saveJson(storageKeys.recentSearches, []);
}
