/**
 * One query over every segment of the catalog, answered as Lunr's `Index#query` answers it over
 * one index of the whole archive: the clauses are Lunr's (`lunr.Query`), each is expanded once
 * (fuzzy, prefix) by a Lunr TokenSet over every segment's terms, and an article's score is, per
 * field, the dot product of the query vector (each expanded term's summed clause boosts) with its
 * field vector (the weights beside the postings), over the query vector's length. An article must
 * hold every required clause (any expansion, any field) and no prohibited one. The weights were
 * taken with the whole archive's statistics (catalog-segments.ts), so scores need no merging.
 */
import lunr from 'lunr';
import { FIELDS, type Segment } from './catalog-segments';

/** Lunr's TokenSet builders exist at run time but are missing from @types/lunr. */
const TokenSets = lunr.TokenSet as unknown as {
  fromArray(sortedTerms: string[]): lunr.TokenSet;
  fromClause(clause: lunr.Query.Clause): lunr.TokenSet;
};

type Clause = lunr.Query.Clause & { presence?: number };

export interface CatalogMatch {
  rowid: number;
  score: number;
}

/** A TokenSet over the terms of every segment, for expanding a query's terms once. */
export function wholeTokenSet(segments: readonly Segment[]): lunr.TokenSet {
  const all = new Set<string>();
  for (const s of segments) for (const t of s.terms) all.add(t);
  return TokenSets.fromArray([...all].sort());
}

/** The position of `term` in a segment's sorted terms, or -1. */
function find(terms: readonly string[], term: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid] < term) lo = mid + 1;
    else hi = mid;
  }
  return lo < terms.length && terms[lo] === term ? lo : -1;
}

/** Article ordinals of a segment holding any of `terms` in any field. */
function holders(segment: Segment, terms: readonly string[]): Set<number> {
  const found = new Set<number>();
  for (const term of terms) {
    const i = find(segment.terms, term);
    if (i < 0) continue;
    for (const { offsets, postings } of segment.fields) {
      for (let j = offsets[i]; j < offsets[i + 1]; j++) found.add(postings[j]);
    }
  }
  return found;
}

/** Every match of the query in every segment, best first (ties by rowid). */
export function querySegments(
  segments: readonly Segment[],
  tokenSet: lunr.TokenSet,
  build: (query: lunr.Query) => void,
): CatalogMatch[] {
  const query = new lunr.Query([...FIELDS]);
  build(query);
  const clauses = query.clauses as Clause[];
  const expanded = clauses.map((c) => tokenSet.intersect(TokenSets.fromClause(c)).toArray());
  const { REQUIRED, PROHIBITED } = lunr.Query.presence;
  // Lunr stops at a required clause that expands to nothing: nothing can match.
  if (clauses.some((c, i) => c.presence === REQUIRED && !expanded[i].length)) return [];
  const vector = new Map<string, number>();
  clauses.forEach((c, i) => {
    if (c.presence === PROHIBITED) return;
    for (const t of expanded[i]) vector.set(t, (vector.get(t) ?? 0) + (c.boost ?? 1));
  });
  let squares = 0;
  for (const v of vector.values()) squares += v * v;
  const length = Math.sqrt(squares);
  const matches: CatalogMatch[] = [];
  for (const segment of segments) {
    let required: Set<number> | null = null;
    for (const [i, c] of clauses.entries()) {
      if (c.presence !== REQUIRED) continue;
      const found = holders(segment, expanded[i]);
      if (required) for (const d of required) if (!found.has(d)) required.delete(d);
      required ??= found;
      if (!required.size) break;
    }
    if (required && !required.size) continue;
    const prohibited = new Set<number>();
    clauses.forEach((c, i) => {
      if (c.presence === PROHIBITED)
        for (const d of holders(segment, expanded[i])) prohibited.add(d);
    });
    const dots = new Map<number, number>();
    for (const { offsets, postings, weights } of segment.fields) {
      for (const [term, boost] of vector) {
        const i = find(segment.terms, term);
        if (i < 0) continue;
        for (let j = offsets[i]; j < offsets[i + 1]; j++) {
          const doc = postings[j];
          if ((required && !required.has(doc)) || prohibited.has(doc)) continue;
          dots.set(doc, (dots.get(doc) ?? 0) + boost * (weights[j] / 1000));
        }
      }
    }
    for (const [doc, dot] of dots) {
      matches.push({ rowid: segment.refs[doc], score: length > 0 ? dot / length : 0 });
    }
  }
  return matches.sort((a, b) => b.score - a.score || a.rowid - b.rowid);
}
