/**
 * Reading W3C Web Annotations back (the mapping is described in w3c.ts). Pure: no database. The
 * document is checked whole before anything is taken — a value of the wrong type anywhere is one
 * error for the whole file — then each annotation is turned into what this archive stores, or
 * into a per-annotation failure when it is well formed but not something the archive can hold
 * (another motivation, several targets, no quote).
 *
 * Besides our own exports it reads what other tools write: `urn:uuid:` and other ids, a bodyValue,
 * targets given as a web page url, selectors given alone or in a list, several bodies.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { UserError } from '../errors';
import type { AnnotationKind, HighlightColor } from '../model';
import { fromUrn } from './urn';

/** Where an annotation points: our article URN, and any web address given for it. */
export interface TargetRef {
  articleId: string | null;
  urls: string[];
}

export interface ImportedAnnotation {
  type: 'annotation';
  id: string;
  /** The id as written in the file, for messages. */
  uri: string;
  target: TargetRef;
  kind: AnnotationKind;
  color: HighlightColor | null;
  note: string | null;
  quote: { exact: string; prefix: string; suffix: string } | null;
  /** The TextPositionSelector, or an orphan's last known position. */
  position: { start: number; end: number } | null;
  orphaned: boolean;
  created: string | null;
  updated: string | null;
}

export interface ImportedTags {
  type: 'tags';
  uri: string;
  target: TargetRef;
  tags: string[];
}

export interface W3CRead {
  items: Array<ImportedAnnotation | ImportedTags>;
  failed: Array<{ uri: string; error: UserError }>;
}

const COLORS: readonly HighlightColor[] = ['yellow', 'green', 'blue', 'pink'];
const KINDS: Record<string, AnnotationKind | 'tags'> = {
  highlighting: 'highlight',
  commenting: 'note',
  bookmarking: 'bookmark',
  tagging: 'tags',
};

// ── The shape, checked before anything is read ────────────────────────────────────────────

const text = z.string();
const textOrList = z.union([text, z.array(text)]);
const offset = z.number().int().min(0);
const date = text.refine((s) => !Number.isNaN(Date.parse(s)));
const oneOrMore = <T extends z.ZodType>(item: T) => z.union([item, z.array(item)]);

/** Any selector; the two we read must have their fields (a union would blur the error's path). */
const selector = z.union([
  text,
  z
    .looseObject({
      type: text,
      exact: text.optional(),
      prefix: text.optional(),
      suffix: text.optional(),
      start: offset.optional(),
      end: offset.optional(),
    })
    .superRefine((s, ctx) => {
      const needs =
        s.type === 'TextQuoteSelector'
          ? (['exact'] as const)
          : s.type === 'TextPositionSelector'
            ? (['start', 'end'] as const)
            : [];
      for (const key of needs)
        if (s[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'missing' });
    }),
]);
const body = z.union([
  text,
  z.looseObject({
    type: textOrList.optional(),
    value: text.optional(),
    purpose: textOrList.optional(),
  }),
]);
const target = z.union([
  text,
  z.looseObject({
    source: z.union([text, z.looseObject({ id: text })]).optional(),
    id: text.optional(),
    scope: textOrList.optional(),
    selector: oneOrMore(selector).optional(),
    styleClass: textOrList.optional(),
  }),
]);
const annotationShape = z.looseObject({
  id: text.min(1),
  type: textOrList.refine((t) => list(t).includes('Annotation')),
  motivation: textOrList.optional(),
  created: date.optional(),
  modified: date.optional(),
  body: oneOrMore(body).optional(),
  bodyValue: text.optional(),
  target: z.union([target, z.array(target).min(1)]),
  'ar:orphaned': z.boolean().optional(),
  'ar:lastPosition': z.looseObject({ start: offset, end: offset }).optional(),
});
type Shape = z.infer<typeof annotationShape>;
type Target = z.infer<typeof target>;

function list<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const hasType = (v: Record<string, unknown>, type: string) =>
  list(v.type as string | string[] | undefined).includes(type);

/** The annotations of a collection, a page, one annotation, or a plain array of annotations. */
function annotationsOf(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc;
  if (!isObject(doc)) throw new UserError('w3c.not-annotations');
  if (hasType(doc, 'Annotation')) return [doc];
  const page = (p: unknown): unknown[] => {
    if (typeof p === 'string') throw new UserError('w3c.remote-pages', { uri: p.slice(0, 200) });
    if (!isObject(p) || !Array.isArray(p.items)) throw new UserError('w3c.not-annotations');
    const items = p.items as unknown[];
    if (p.next === undefined) return items;
    return [...items, ...page(p.next)];
  };
  if (hasType(doc, 'AnnotationPage')) return page(doc);
  if (hasType(doc, 'AnnotationCollection')) {
    const first = Array.isArray(doc.first) && doc.first.length === 1 ? doc.first[0] : doc.first;
    if (first === undefined) {
      if (Array.isArray(doc.items)) return doc.items;
      if (doc.total === 0 || doc.total === undefined) return [];
    }
    return page(first);
  }
  throw new UserError('w3c.not-annotations');
}

// ── One annotation ────────────────────────────────────────────────────────────────────────

/** Our id from the annotation's: our URN, a `urn:uuid:`, else a stable digest of the id. */
function localId(uri: string): string {
  const ours = fromUrn('annotation', uri);
  if (ours && ours.length <= 128) return ours;
  const uuid = uri.match(/^urn:uuid:([0-9a-f-]{36})$/i);
  if (uuid) return uuid[1].toLowerCase();
  const h = createHash('sha256').update(uri).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function refOf(value: string | { id: string } | undefined, ref: TargetRef): void {
  const uri = typeof value === 'string' ? value : value?.id;
  if (!uri) return;
  const article = fromUrn('article', uri);
  if (article) ref.articleId ??= article;
  else if (/^https?:\/\//i.test(uri)) ref.urls.push(uri);
}

function readTarget(t: Target) {
  const ref: TargetRef = { articleId: null, urls: [] };
  if (typeof t === 'string') {
    refOf(t, ref);
    return { ref, selectors: [], styleClasses: [] as string[] };
  }
  refOf(t.source ?? t.id, ref);
  for (const scope of list(t.scope)) refOf(scope, ref);
  return { ref, selectors: list(t.selector), styleClasses: list(t.styleClass) };
}

const iso = (s: string | undefined) => (s === undefined ? null : new Date(s).toISOString());

function readAnnotation(a: Shape): W3CRead {
  const uri = a.id;
  type Failure =
    'w3c.unsupported-motivation' | 'w3c.many-targets' | 'w3c.passage-tag' | 'w3c.no-quote';
  const fail = (code: Failure, params: Record<string, string> = {}): W3CRead => ({
    items: [],
    failed: [{ uri, error: new UserError(code, { id: uri, ...params }) }],
  });
  const motivations = list(a.motivation);
  const known = motivations.map((m) => KINDS[m]).find(Boolean);
  if (motivations.length && !known)
    return fail('w3c.unsupported-motivation', { motivation: motivations[0] });
  const targets = list(a.target);
  if (targets.length !== 1) return fail('w3c.many-targets');
  const { ref, selectors, styleClasses } = readTarget(targets[0]);

  const notes: string[] = [];
  const tags: string[] = [];
  for (const b of list(a.body)) {
    if (typeof b === 'string' || typeof b.value !== 'string') continue; // an external resource
    const purposes = list(b.purpose);
    if (purposes.includes('tagging') || (known === 'tags' && !purposes.length)) tags.push(b.value);
    else notes.push(b.value);
  }
  if (a.bodyValue !== undefined) (known === 'tags' ? tags : notes).push(a.bodyValue);
  const tagList = tags.map((t) => t.normalize('NFC').trim()).filter(Boolean);

  const objects = selectors.filter((s) => typeof s !== 'string');
  const quote = objects.find((s) => s.type === 'TextQuoteSelector') as
    { exact: string; prefix?: string; suffix?: string } | undefined;
  const position = objects.find((s) => s.type === 'TextPositionSelector') as
    { start: number; end: number } | undefined;
  const tagItem = (): ImportedTags => ({ type: 'tags', uri, target: ref, tags: tagList });

  if (known === 'tags' || (!known && tagList.length && !notes.length && !selectors.length)) {
    if (selectors.length) return fail('w3c.passage-tag');
    return { items: [tagItem()], failed: [] };
  }
  if (selectors.length && ((!quote && !position) || (quote && !quote.exact.trim())))
    return fail('w3c.no-quote');

  const note = notes.join('\n\n').normalize('NFC');
  const orphaned = a['ar:orphaned'] === true && Boolean(quote);
  const last = orphaned ? a['ar:lastPosition'] : undefined;
  const at = last ?? position;
  let kind: AnnotationKind =
    (known as AnnotationKind | undefined) ??
    (note.trim() ? 'note' : selectors.length ? 'highlight' : 'bookmark');
  if (kind === 'highlight' && !selectors.length) kind = 'bookmark';
  const annotation: ImportedAnnotation = {
    type: 'annotation',
    id: localId(uri),
    uri,
    target: ref,
    kind,
    color: (styleClasses.find((c) => (COLORS as string[]).includes(c)) as HighlightColor) ?? null,
    note: note.trim() ? note : null,
    quote: quote
      ? { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' }
      : null,
    position: at && at.end > at.start ? { start: at.start, end: at.end } : null,
    orphaned,
    created: iso(a.created),
    updated: iso(a.modified),
  };
  // Tags given alongside a note are the article's tags: taken, not dropped.
  return { items: tagList.length ? [annotation, tagItem()] : [annotation], failed: [] };
}

/** Where a problem is: inside a union (one value or a list, a string or an object), the deepest. */
function deepestPath(issue: z.core.$ZodIssue): PropertyKey[] {
  if (issue.code !== 'invalid_union') return issue.path;
  const inner = issue.errors
    .flat()
    .map(deepestPath)
    .sort((x, y) => y.length - x.length)[0];
  return [...issue.path, ...(inner ?? [])];
}

/** Read a parsed W3C document. Throws a UserError when the document as a whole is not usable. */
export function fromW3C(doc: unknown): W3CRead {
  const raw = annotationsOf(doc);
  const shapes = raw.map((item, i) => {
    const parsed = annotationShape.safeParse(item);
    if (parsed.success) return parsed.data;
    const path = parsed.error.issues.map(deepestPath).sort((x, y) => y.length - x.length)[0];
    const field = path.map(String).join('.') || 'Annotation';
    throw new UserError('w3c.bad-item', { index: i + 1, field });
  });
  const out: W3CRead = { items: [], failed: [] };
  for (const shape of shapes) {
    const one = readAnnotation(shape);
    out.items.push(...one.items);
    out.failed.push(...one.failed);
  }
  return out;
}

/** Parse JSON text (a leading byte-order mark allowed) and read it. */
export function parseW3C(content: string): W3CRead {
  let doc: unknown;
  try {
    doc = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch {
    throw new UserError('w3c.not-json');
  }
  return fromW3C(doc);
}
