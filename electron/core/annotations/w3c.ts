/**
 * Annotations as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), both ways, as pure
 * functions: `toW3C` builds one AnnotationCollection, `fromW3C` (w3c-read.ts) reads one back.
 *
 * How this archive maps onto the model:
 * - The collection: `@context` is `["http://www.w3.org/ns/anno.jsonld", {ar: …}]` (the Web
 *   Annotation context first, then our extension prefix, as the model's section on extensions
 *   asks); one embedded AnnotationPage (`first`) holds every annotation in `items`; `total`,
 *   `label`. Embedded annotations inherit the collection's context.
 * - Ids are stable URNs: `urn:archive-reader:annotation:<id>` for an annotation,
 *   `urn:archive-reader:tag:<article id>:<tag>` for an article's tag, and the article itself is
 *   `urn:archive-reader:article:<article id>` (its id is a hash of its content, the same on every
 *   machine).
 * - `motivation`: highlight → highlighting, note → commenting, bookmark → bookmarking, an
 *   article's tag → tagging. A note's text is a TextualBody (text/plain, language vi, purpose
 *   commenting), also on a highlight that has a note; a tag is a TextualBody with purpose tagging.
 * - `target` is a SpecificResource whose `source` is the article's URN, with `scope` the article's
 *   url when known (the page the text was published in: model §4.6), `selector` a
 *   TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector (start, end) into the
 *   article's canonical text, and `styleClass` the highlight colour, defined by the annotation's
 *   embedded CssStylesheet (model §4.4). A target with nothing but the article (a bookmark or tag
 *   of an article without a url) is the article's URN itself, as the model allows. Like the
 *   model's own examples, the SpecificResource has no `type` (the test-suite's list of resource
 *   classes a target SHOULD use does not hold SpecificResource).
 * - An orphan (its quote no longer found in its article) keeps only its TextQuoteSelector — no
 *   position is claimed — and carries `ar:orphaned: true` and `ar:lastPosition` (a
 *   TextPositionSelector: where it was last anchored), so a round trip loses nothing.
 */
import type { Annotation, Article, HighlightColor } from '../model';
import { annotationUrn, articleUrn, exportUrn, tagUrn } from './urn';

export { annotationUrn, articleUrn, fromUrn, tagUrn } from './urn';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Our extension vocabulary; `ar:` names below expand to IRIs under it. */
export const VOCABULARY = 'urn:archive-reader:vocab:';
export const W3C_CONTEXT = [ANNO_CONTEXT, { ar: VOCABULARY }] as const;

export const CSS_COLORS: Record<HighlightColor, string> = {
  yellow: '#fff3a3',
  green: '#c8f0c0',
  blue: '#c4e1ff',
  pink: '#ffd0e4',
};

export const MOTIVATION = {
  highlight: 'highlighting',
  note: 'commenting',
  bookmark: 'bookmarking',
} as const;

export interface AnnotatedArticle {
  article: Pick<Article, 'id' | 'title' | 'source' | 'date' | 'docNumber' | 'url'> & {
    tags?: string[];
  };
  annotations: Annotation[];
}

export type W3CObject = Record<string, unknown>;

function noteBody(value: string, purpose: 'commenting' | 'tagging'): W3CObject {
  return { type: 'TextualBody', value, format: 'text/plain', language: 'vi', purpose };
}

/** The target: the article's URN alone, or a SpecificResource when there is more to say. */
function target(article: AnnotatedArticle['article'], extra: W3CObject): string | W3CObject {
  const resource: W3CObject = { source: articleUrn(article.id) };
  if (article.url) resource.scope = article.url;
  Object.assign(resource, extra);
  return Object.keys(resource).length > 1 ? resource : articleUrn(article.id);
}

/** One annotation as a W3C Annotation (without `@context`: it is the collection's). */
export function annotationToW3C(article: AnnotatedArticle['article'], a: Annotation): W3CObject {
  const extra: W3CObject = {};
  const orphaned = Boolean(a.orphaned && a.selector);
  if (a.selector) {
    const quote = {
      type: 'TextQuoteSelector',
      exact: a.selector.exact,
      prefix: a.selector.prefix,
      suffix: a.selector.suffix,
    };
    const position = { type: 'TextPositionSelector', start: a.selector.start, end: a.selector.end };
    extra.selector = orphaned ? quote : [quote, position];
  }
  if (a.color) extra.styleClass = a.color;
  const anno: W3CObject = {
    id: annotationUrn(a.id),
    type: 'Annotation',
    motivation: MOTIVATION[a.kind],
    created: a.created,
    modified: a.updated,
  };
  if (a.note) anno.body = noteBody(a.note, 'commenting');
  anno.target = target(article, extra);
  if (a.color) {
    anno.stylesheet = {
      type: 'CssStylesheet',
      value: `.${a.color} { background-color: ${CSS_COLORS[a.color]}; }`,
    };
  }
  if (orphaned) {
    anno['ar:orphaned'] = true;
    anno['ar:lastPosition'] = {
      type: 'TextPositionSelector',
      start: a.selector!.start,
      end: a.selector!.end,
    };
  }
  return anno;
}

/** An article's tag as a tagging Annotation on the whole article. */
export function tagToW3C(article: AnnotatedArticle['article'], tag: string): W3CObject {
  return {
    id: tagUrn(article.id, tag),
    type: 'Annotation',
    motivation: 'tagging',
    body: noteBody(tag, 'tagging'),
    target: target(article, {}),
  };
}

export interface W3COptions {
  /** When the collection was made: part of its id. */
  generated?: string;
  label?: string;
}

/** Every annotation and tag of the given articles as one W3C AnnotationCollection. */
export function toW3C(items: AnnotatedArticle[], options: W3COptions = {}): W3CObject {
  const generated = options.generated ?? new Date().toISOString();
  const annotations = items.flatMap(({ article, annotations }) => [
    ...annotations.map((a) => annotationToW3C(article, a)),
    ...(article.tags ?? []).map((tag) => tagToW3C(article, tag)),
  ]);
  const id = exportUrn(generated);
  return {
    '@context': W3C_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: options.label ?? 'Archive Reader',
    total: annotations.length,
    first: { id: `${id}:page:1`, type: 'AnnotationPage', startIndex: 0, items: annotations },
  };
}

export { fromW3C, parseW3C } from './w3c-read';
export type { ImportedAnnotation, ImportedTags, TargetRef, W3CRead } from './w3c-read';
