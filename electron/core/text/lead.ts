/**
 * Is an article's lead only a cut-off copy of its first paragraphs? News sites print the opening
 * of the body as the lead, glued into one paragraph and cut short with "…"; shown above the body,
 * the reader would read the same sentences twice. Pure (no Node, no DOM): the reader hides such a
 * lead and the search takes its snippets from the body instead, while the stored article keeps it.
 */

/**
 * A key for "is this the same text?" that ignores what editors change between a lead and its
 * paragraph: dash and quote styles, spacing (even a missing space between sentences), case.
 */
export function comparisonKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212-]/g, '-')
    .replace(/[\u201c\u201d\u201e\u00ab\u00bb"]/g, '"')
    .replace(/[\u2018\u2019\u201a`']/g, "'")
    .replace(/\u2026/g, '...')
    .replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff]+/g, '');
}

/** The key of a lead without the ellipsis that marks it as cut short. */
export function truncatedKey(text: string): string {
  return comparisonKey(text).replace(/\.{2,}$/, '');
}

/** `comparisonKey` with the accents folded too (đ → d): a typo in one accent does not count. */
function foldedKey(text: string): string {
  return comparisonKey(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd');
}

/** Shorter leads are not taken for copies: "Hà Nội..." is no evidence. */
const MIN_KEY = 40;

/**
 * True when `lead` ends in an ellipsis ("..." or "…") and its text, folded and without spacing,
 * is the start of the body's paragraphs read in order. A lead that is its own text is false.
 */
export function leadRepeatsBody(lead: string | null, body: readonly string[]): boolean {
  if (!lead || !/(\.{3}|\u2026)\s*$/.test(lead)) return false;
  const key = foldedKey(lead.trim()).replace(/\.{2,}$/, '');
  if (key.length < MIN_KEY) return false;
  let following = '';
  for (const paragraph of body) {
    following += foldedKey(paragraph);
    if (following.length >= key.length) break;
  }
  return following.startsWith(key);
}
