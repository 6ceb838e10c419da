/**
 * Importing W3C Web Annotations into the archive, in one transaction: a file that cannot be read
 * changes nothing. Each annotation is matched to its article (by our URN, else by the article's
 * web address), re-anchored by its quote (anchor.ts), or kept as an orphan when the quote is not
 * in the article. Importing the same file again adds nothing: an annotation already here (same id)
 * is replaced only by a newer edit.
 *
 * Annotations of articles this archive does not hold are counted as skipped, not kept: an
 * annotation row must belong to an article here (a foreign key), and the same file imported again
 * once the articles are here brings them in.
 */
import type { AnnotationImportReport } from '../../api/contract';
import { UserError } from '../errors';
import type { Locale } from '../messages';
import type { Annotation, TextSelector } from '../model';
import type { AnnotationService } from './service';
import { parseW3C, type ImportedAnnotation, type ImportedTags, type TargetRef } from './w3c-read';

const SKIPPED_LISTED = 20;

/** The fields a re-import compares: what the user sees and the anchoring. */
function sameAnnotation(a: Annotation, b: Annotation): boolean {
  const key = (x: Annotation) =>
    JSON.stringify([x.articleId, x.kind, x.color, x.note, x.selector, x.orphaned ?? false]);
  return key(a) === key(b) && a.created === b.created && a.updated === b.updated;
}

export function importW3CAnnotations(
  service: AnnotationService,
  content: string,
  locale: Locale = 'vi',
): AnnotationImportReport {
  const read = parseW3C(content); // the whole file is checked before anything is written
  const report: AnnotationImportReport = {
    added: 0,
    updated: 0,
    unchanged: 0,
    orphaned: 0,
    skipped: 0,
    skippedArticles: [],
    failed: read.failed.map((f) => ({ id: f.uri, error: f.error.describe(locale) })),
  };
  const { store } = service;
  const texts = new Map<string, string | null>();
  const byUrl = new Map<string, string | null>();
  const now = new Date().toISOString();

  /** The article's canonical text, or null when the archive does not hold it. */
  const textOf = (id: string): string | null => {
    if (!texts.has(id)) {
      try {
        texts.set(id, service.textOf(id));
      } catch (error) {
        if (!(error instanceof UserError && error.code === 'article.not-found')) throw error;
        texts.set(id, null);
      }
    }
    return texts.get(id)!;
  };

  /** The article an annotation belongs to here: by id, else by one of its web addresses. */
  const articleFor = (ref: TargetRef, uri: string): string | null => {
    if (ref.articleId && textOf(ref.articleId) !== null) return ref.articleId;
    for (const url of ref.urls) {
      if (!byUrl.has(url)) byUrl.set(url, store.articleIdByUrl(url));
      const id = byUrl.get(url);
      if (id) return id;
    }
    if (!ref.articleId && !ref.urls.length) {
      report.failed.push({
        id: uri,
        error: new UserError('w3c.unknown-target', { id: uri }).describe(locale),
      });
      return null;
    }
    report.skipped++;
    const name = ref.articleId ?? ref.urls[0];
    if (report.skippedArticles.length < SKIPPED_LISTED && !report.skippedArticles.includes(name))
      report.skippedArticles.push(name);
    return null;
  };

  const takeAnnotation = (item: ImportedAnnotation, put: (a: Annotation) => void): void => {
    const articleId = articleFor(item.target, item.uri);
    if (!articleId) return;
    const text = textOf(articleId)!;
    let selector: TextSelector | null = null;
    let orphaned = false;
    if (item.quote) {
      selector = service.locate(text, { ...item.quote, ...item.position });
      if (!selector) {
        // Kept as written, with its last known position (or a placeholder one: never shown).
        const at = item.position ?? { start: 0, end: item.quote.exact.length };
        selector = { ...item.quote, ...at };
        orphaned = true;
      }
    } else if (item.position) {
      if (item.position.end > text.length) {
        report.failed.push({
          id: item.uri,
          error: new UserError('w3c.no-quote', { id: item.uri }).describe(locale),
        });
        return;
      }
      selector = service.locate(text, {
        exact: text.slice(item.position.start, item.position.end),
        ...item.position,
      });
    }
    const existing = store.get(item.id);
    const created = item.created ?? existing?.created ?? item.updated ?? now;
    const candidate: Annotation = {
      id: item.id,
      articleId,
      kind: item.kind === 'highlight' && !selector ? 'bookmark' : item.kind,
      color: item.color,
      note: item.note,
      selector,
      created,
      updated: item.updated ?? existing?.updated ?? created,
    };
    if (orphaned) candidate.orphaned = true;
    if (existing && sameAnnotation(existing, candidate)) {
      report.unchanged++;
      return;
    }
    // Same id: the later edit wins; an annotation without a date never replaces one here.
    const stamp = item.updated ?? item.created;
    if (existing && !(stamp && stamp > existing.updated)) {
      report.unchanged++;
      return;
    }
    put(candidate);
    if (existing) report.updated++;
    else report.added++;
    if (orphaned) report.orphaned++;
  };

  const takeTags = (item: ImportedTags): void => {
    const articleId = articleFor(item.target, item.uri);
    if (!articleId) return;
    const have = service.articles.getArticle(articleId).tags;
    const tags = [...new Set(item.tags)];
    const fresh = tags.filter((t) => !have.includes(t));
    report.unchanged += tags.length - fresh.length;
    if (!fresh.length) return;
    service.articles.setTags(articleId, [...have, ...fresh]);
    report.added += fresh.length;
  };

  store.batch((put) => {
    for (const item of read.items) {
      if (item.type === 'annotation') takeAnnotation(item, put);
      else takeTags(item);
    }
  });
  return report;
}
