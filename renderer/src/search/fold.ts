/**
 * Accent folding for matching Vietnamese typed with or without diacritics ("dan van" ~ "dân vận").
 * NFD, drop combining marks, map đ/Đ by hand (U+0111 has no decomposition), lower-case.
 */
const COMBINING = /[\u0300-\u036f]/g;

export function foldChar(ch: string): string {
  if (ch === 'đ' || ch === 'Đ') return 'd';
  return ch.normalize('NFD').replace(COMBINING, '').toLowerCase();
}

export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
}

/**
 * Folds `text` and records, for every character of the folded string, the index in `text` it came
 * from; `map[folded.length]` is `text.length`, so a folded range maps back to an original range.
 */
export function foldWithMap(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Keep surrogate pairs together so `map` never points inside one.
    const ch = code >= 0xd800 && code <= 0xdbff ? text.slice(i, i + 2) : text[i];
    const out = foldChar(ch);
    for (let k = 0; k < out.length; k++) map.push(i);
    folded += out;
    i += ch.length - 1;
  }
  map.push(text.length);
  return { folded, map };
}

/** The accent-free form of a query, or null when it has no accents to drop. */
export function accentFreeForm(query: string): string | null {
  const trimmed = query.trim();
  const plain = trimmed
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
  return plain !== trimmed.normalize('NFC') ? plain : null;
}
