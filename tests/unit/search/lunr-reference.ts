/**
 * One plain Lunr index over catalog documents, built the way the catalog was before segments: the
 * reference the segmented catalog's weights and scores are checked against.
 */
import lunr from 'lunr';
import type { CatalogDoc } from '../../../electron/core/search/catalog-segments';
import { foldedSyllables } from '../../../electron/core/text/vietnamese';

export function referenceIndex(docs: Iterable<CatalogDoc>): lunr.Index {
  return lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    (this as unknown as { tokenizer: (v: unknown) => lunr.Token[] }).tokenizer = (v) =>
      v == null ? [] : foldedSyllables(String(v)).map((s) => new lunr.Token(s, {}));
    this.ref('rowid');
    this.field('title', { boost: 10 });
    this.field('extra', { boost: 5 });
    for (const doc of docs) this.add(doc);
  });
}
