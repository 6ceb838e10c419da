import { foldText, foldWithMap } from '../search/fold';

export interface TextRange {
  start: number;
  end: number;
}

/** Every accent- and case-insensitive occurrence of `query` in `text`, as ranges of `text`. */
export function findAll(text: string, query: string, max = 2000): TextRange[] {
  const needle = foldText(query.trim().replace(/\s+/g, ' '));
  if (needle.length === 0) return [];
  const { folded, map } = foldWithMap(text.replace(/\s/g, ' '));
  const ranges: TextRange[] = [];
  let from = 0;
  while (ranges.length < max) {
    const at = folded.indexOf(needle, from);
    if (at === -1) break;
    const start = map[at];
    // The next folded character's source index: trailing combining marks belong to the match.
    const end = map[at + needle.length];
    ranges.push({ start, end: Math.max(end, start + 1) });
    from = at + Math.max(needle.length, 1);
  }
  return ranges;
}
