/**
 * The structure of an article is derived from its blocks, and articles never change once
 * imported (their id is their content's hash), so the last few structures computed are kept:
 * a reader reopens the same laws, and a citation query reads the law it opens.
 */
import type { Article } from '../model';
import { parseStructure, type LawStructure } from './structure';

const CACHE_SIZE = 24;
const cache = new Map<string, LawStructure | null>();

/** The structure of an article (official documents and anything with Điều or Chương lines). */
export function structureOf(article: Pick<Article, 'id' | 'blocks'>): LawStructure | null {
  if (cache.has(article.id)) {
    const kept = cache.get(article.id)!;
    cache.delete(article.id);
    cache.set(article.id, kept); // most recently used last
    return kept;
  }
  const structure = parseStructure(article.blocks);
  cache.set(article.id, structure);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return structure;
}
