import { loadJson, saveJson, storageKeys } from '../settings/storage';

/** Reading position per article, as a fraction of the scrollable height (survives font changes). */
export function loadPosition(articleId: string): number {
  const value = loadJson<unknown>(storageKeys.readingPosition(articleId), 0);
  return typeof value === 'number' && value >= 0 && value <= 1 ? value : 0;
}

export function savePosition(articleId: string, fraction: number): void {
  const clamped = Math.max(0, Math.min(1, fraction));
  saveJson(storageKeys.readingPosition(articleId), Math.round(clamped * 10000) / 10000);
}

export function scrollFraction(el: HTMLElement): number {
  const max = el.scrollHeight - el.clientHeight;
  return max > 0 ? el.scrollTop / max : 0;
}
