/**
 * What goes into the full-text index for an article: our own normalised syllables, once accent-
 * exact and once folded, per column. FTS5's unicode61 tokenizer then only splits on spaces.
 */
import type { ArticleDraft } from '../model';
import { tokenize } from '../text/vietnamese';
import { blockText } from '../archive/layout';

export interface FtsRow {
  title: string;
  title_folded: string;
  meta: string;
  meta_folded: string;
  body: string;
  body_folded: string;
}

function pair(text: string): [string, string] {
  const tokens = tokenize(text);
  let exact = '';
  let folded = '';
  for (const t of tokens) {
    exact += (exact ? ' ' : '') + t.exact;
    folded += (folded ? ' ' : '') + t.folded;
  }
  return [exact, folded];
}

/** Fields a reader searches by name rather than content: number, type, issuer, author, source. */
export function metaText(
  draft: Pick<ArticleDraft, 'docNumber' | 'docType' | 'issuer' | 'author' | 'source'>,
): string {
  return [draft.docNumber, draft.docType, draft.issuer, draft.author, draft.source]
    .filter(Boolean)
    .join(' \u2022 ');
}

export function ftsRow(draft: ArticleDraft): FtsRow {
  const [title, title_folded] = pair(draft.title);
  const [meta, meta_folded] = pair(metaText(draft));
  const bodyParts = [draft.summary ?? '', ...draft.blocks.map(blockText)];
  const [body, body_folded] = pair(bodyParts.filter(Boolean).join('\n'));
  return { title, title_folded, meta, meta_folded, body, body_folded };
}
