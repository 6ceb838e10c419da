/**
 * Creating, editing and listing annotations: selectors are checked (and re-anchored by their
 * quote) against the article's canonical text before anything is written.
 */
import type { AnnotationListItem } from '../../api/contract';
import { UserError } from '../errors';
import type { Annotation, AnnotationKind, HighlightColor, TextSelector } from '../model';
import type { AnnotationStore } from '../store/annotations';
import { annotationId } from '../archive/ids';
import { layoutArticle } from '../archive/layout';
import type { Article } from '../model';
import { foldedSyllables } from '../text/vietnamese';
import { anchor, selectorFor } from './anchor';

export interface NewAnnotation {
  articleId: string;
  kind: AnnotationKind;
  color?: HighlightColor | null;
  note?: string | null;
  /** A full selector from the reader, or just `{exact}` from the command line. */
  selector?: (Partial<TextSelector> & { exact: string }) | null;
}

interface ArticleSource {
  getArticle(id: string): Article;
}

export class AnnotationService {
  constructor(
    private readonly store: AnnotationStore,
    private readonly articles: ArticleSource,
  ) {}

  private textOf(articleId: string): string {
    const article = this.articles.getArticle(articleId);
    return layoutArticle(article.summary, article.blocks).text;
  }

  private resolve(articleId: string, selector: NewAnnotation['selector']): TextSelector | null {
    if (!selector) return null;
    const text = this.textOf(articleId);
    const range = anchor(text, selector);
    if (!range) {
      const quote = selector.exact.length > 60 ? `${selector.exact.slice(0, 60)}…` : selector.exact;
      throw new UserError('annotation.quote-not-found', { quote });
    }
    if (range.end <= range.start || range.end > text.length)
      throw new UserError('annotation.bad-range');
    return selectorFor(text, range);
  }

  create(input: NewAnnotation): Annotation {
    if (!input.selector) this.articles.getArticle(input.articleId); // article.not-found, not an FK error
    const selector = this.resolve(input.articleId, input.selector);
    const note = input.note?.trim() ? input.note.normalize('NFC') : null;
    const kind: AnnotationKind = input.kind === 'highlight' && !selector ? 'bookmark' : input.kind;
    const now = new Date().toISOString();
    const annotation: Annotation = {
      id: annotationId(),
      articleId: input.articleId,
      kind,
      color: kind === 'highlight' ? (input.color ?? 'yellow') : (input.color ?? null),
      note,
      selector,
      created: now,
      updated: now,
    };
    this.store.put(annotation);
    return annotation;
  }

  update(id: string, changes: { color?: HighlightColor | null; note?: string | null }): Annotation {
    const current = this.get(id);
    const next: Annotation = {
      ...current,
      color: changes.color !== undefined ? changes.color : current.color,
      note:
        changes.note !== undefined
          ? changes.note?.trim()
            ? changes.note.normalize('NFC')
            : null
          : current.note,
      updated: new Date().toISOString(),
    };
    this.store.put(next);
    return next;
  }

  delete(id: string): Annotation {
    const current = this.get(id);
    this.store.delete(id);
    return current;
  }

  /** Undo a delete: the same annotation again, re-anchored in case the selector drifted. */
  restore(annotation: Annotation): Annotation {
    this.articles.getArticle(annotation.articleId); // article.not-found, not an FK error
    const selector = annotation.selector
      ? this.resolve(annotation.articleId, annotation.selector)
      : null;
    const restored = { ...annotation, selector };
    this.store.put(restored);
    return restored;
  }

  get(id: string): Annotation {
    const found = this.store.get(id);
    if (!found) throw new UserError('annotation.not-found', { id });
    return found;
  }

  forArticle(articleId: string): Annotation[] {
    return this.store.forArticle(articleId);
  }

  /**
   * All notes, or one article's, filtered by the text of notes and highlights and the article
   * title, accent-insensitively: every syllable typed must occur.
   */
  list(request: { articleId?: string; query?: string; limit?: number; offset?: number }): {
    total: number;
    items: AnnotationListItem[];
  } {
    let items = this.store.all();
    if (request.articleId) items = items.filter((a) => a.articleId === request.articleId);
    const wanted = foldedSyllables(request.query ?? '');
    if (wanted.length) {
      items = items.filter((a) => {
        const have = foldedSyllables(
          [a.note ?? '', a.selector?.exact ?? '', a.articleTitle].join(' '),
        ).join(' ');
        return wanted.every((w) => ` ${have} `.includes(` ${w}`));
      });
    }
    const offset = request.offset ?? 0;
    return { total: items.length, items: items.slice(offset, offset + (request.limit ?? 100)) };
  }
}
