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

export interface ArticleSource {
  getArticle(id: string): Article;
  setTags(articleId: string, tags: string[]): Article;
}

export class AnnotationService {
  constructor(
    readonly store: AnnotationStore,
    readonly articles: ArticleSource,
  ) {}

  textOf(articleId: string): string {
    const article = this.articles.getArticle(articleId);
    return layoutArticle(article.summary, article.blocks).text;
  }

  /** The selector re-anchored in the text, or null when its quote is not there. */
  locate(text: string, selector: Partial<TextSelector> & { exact: string }): TextSelector | null {
    const range = anchor(text, selector);
    if (!range) return null;
    if (range.end <= range.start || range.end > text.length)
      throw new UserError('annotation.bad-range');
    return selectorFor(text, range);
  }

  private resolve(articleId: string, selector: NewAnnotation['selector']): TextSelector | null {
    if (!selector) return null;
    const found = this.locate(this.textOf(articleId), selector);
    if (!found) throw this.quoteNotFound(selector.exact);
    return found;
  }

  private quoteNotFound(exact: string): UserError {
    const quote = exact.length > 60 ? `${exact.slice(0, 60)}…` : exact;
    return new UserError('annotation.quote-not-found', { quote });
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

  /**
   * Undo a delete: the same annotation again, re-anchored in case the selector drifted. An orphan
   * comes back an orphan unless its quote is found again.
   */
  restore(annotation: Annotation): Annotation {
    const text = this.textOf(annotation.articleId); // article.not-found, not an FK error
    const { orphaned, ...anchored } = annotation;
    let restored: Annotation = anchored;
    if (annotation.selector) {
      const found = this.locate(text, annotation.selector);
      if (found) restored = { ...anchored, selector: found };
      else if (orphaned) restored = annotation;
      else throw this.quoteNotFound(annotation.selector.exact);
    }
    this.store.put(restored);
    return restored;
  }

  /**
   * Attach an annotation (an orphan, usually) to a passage the user selected: the selector is
   * checked against the article's text like a new one, and the annotation is no longer orphaned.
   */
  reattach(id: string, selector: Partial<TextSelector> & { exact: string }): Annotation {
    const { orphaned: _orphaned, ...current } = this.get(id);
    const next: Annotation = {
      ...current,
      selector: this.resolve(current.articleId, selector),
      updated: new Date().toISOString(),
    };
    this.store.put(next);
    return next;
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
  list(request: {
    articleId?: string;
    query?: string;
    orphaned?: boolean;
    limit?: number;
    offset?: number;
  }): {
    total: number;
    items: AnnotationListItem[];
  } {
    let items = this.store.all(request.orphaned === true);
    if (request.orphaned === false) items = items.filter((a) => !a.orphaned);
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
