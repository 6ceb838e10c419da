/**
 * Content-derived article ids: the same article gets the same id on every machine, whatever file
 * or format it came from, so archives and annotations from two offices can be merged.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { ArticleDraft } from '../model';
import { blockText } from './layout';

/** Whitespace folded and NFC, so a re-wrapped or re-encoded copy hashes the same. */
function canonical(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function articleId(draft: Pick<ArticleDraft, 'title' | 'blocks' | 'summary'>): string {
  return articleDigest(draft).slice(0, 16);
}

/** The full sha256 (hex) of an article's canonical content; its first 16 digits are its id. */
export function articleDigest(draft: Pick<ArticleDraft, 'title' | 'blocks' | 'summary'>): string {
  const hash = createHash('sha256');
  hash.update(canonical(draft.title));
  hash.update('\n');
  hash.update(canonical(draft.summary ?? ''));
  for (const block of draft.blocks) {
    hash.update('\n');
    hash.update(canonical(blockText(block)));
  }
  return hash.digest('hex');
}

/** Annotations are made by people, not content: a random UUID, as W3C ids expect. */
export function annotationId(): string {
  return randomUUID();
}
