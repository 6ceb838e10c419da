/**
 * The one API contract: every method a user interface may call, its input schema (validated at
 * run time in every host, because the renderer is untrusted) and its result type. IPC, the HTTP
 * host, the preload bridge and the renderer client are all derived from this table.
 *
 * Runs in every process (Node, Electron, the browser): it imports only zod and pure types.
 */
import { z } from 'zod';
import type { Annotation, Article, Block, SearchResult } from '../core/model';

const MAX_TEXT = 20_000;
const id = z.string().min(1).max(128);
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'yyyy, yyyy-mm or yyyy-mm-dd');
const shortText = z.string().max(500);
const color = z.enum(['yellow', 'green', 'blue', 'pink']);
const tagList = z.array(z.string().min(1).max(100)).max(200);

const filters = {
  from: isoDate.optional(),
  to: isoDate.optional(),
  type: shortText.optional(),
  source: shortText.optional(),
  tag: shortText.optional(),
  collection: shortText.optional(),
};

const selector = z.strictObject({
  exact: z.string().min(1).max(MAX_TEXT),
  prefix: z.string().max(200),
  suffix: z.string().max(200),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});

export const schemas = {
  search: z.strictObject({
    query: z.string().max(MAX_TEXT),
    limit: z.number().int().min(1).max(500).optional(),
    offset: z.number().int().min(0).max(1_000_000).optional(),
    sort: z.enum(['relevance', 'date']).optional(),
    /** The query is still being typed: its last word matches as a prefix. */
    typeAhead: z.boolean().optional(),
    ...filters,
  }),
  suggest: z.strictObject({
    prefix: z.string().max(500),
    limit: z.number().int().min(1).max(50).optional(),
  }),
  getArticle: z.strictObject({ id }),
  listArticles: z.strictObject({
    limit: z.number().int().min(1).max(500).optional(),
    offset: z.number().int().min(0).max(10_000_000).optional(),
    sort: z.enum(['date', 'title', 'imported']).optional(),
    ...filters,
  }),
  facets: z.strictObject({}),
  stats: z.strictObject({}),
  listAnnotations: z.strictObject({
    articleId: id.optional(),
    query: z.string().max(MAX_TEXT).optional(),
    limit: z.number().int().min(1).max(500).optional(),
    offset: z.number().int().min(0).max(10_000_000).optional(),
  }),
  createAnnotation: z.strictObject({
    articleId: id,
    kind: z.enum(['highlight', 'note', 'bookmark']),
    color: color.nullable().optional(),
    note: z.string().max(MAX_TEXT).nullable().optional(),
    selector: selector.nullable().optional(),
  }),
  updateAnnotation: z.strictObject({
    id,
    color: color.nullable().optional(),
    note: z.string().max(MAX_TEXT).nullable().optional(),
  }),
  deleteAnnotation: z.strictObject({ id }),
  restoreAnnotation: z.strictObject({
    annotation: z.strictObject({
      id,
      articleId: id,
      kind: z.enum(['highlight', 'note', 'bookmark']),
      color: color.nullable(),
      note: z.string().max(MAX_TEXT).nullable(),
      selector: selector.nullable(),
      created: z.string().max(40),
      updated: z.string().max(40),
    }),
  }),
  setTags: z.strictObject({ articleId: id, tags: tagList }),
  setCollections: z.strictObject({ articleId: id, collections: tagList }),
  /** Import files the host can read itself (desktop app, command line): paths on this machine. */
  importPaths: z.strictObject({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000) }),
  /** Import files sent by the interface (browser host, drag and drop): name and base64 bytes. */
  importFiles: z.strictObject({
    files: z
      .array(
        z.strictObject({
          name: z.string().min(1).max(1000),
          base64: z.string().max(100_000_000),
        }),
      )
      .min(1)
      .max(1000),
  }),
  exportAnnotations: z.strictObject({
    format: z.enum(['markdown', 'json', 'csv']),
    articleId: id.optional(),
  }),
} as const;

export type MethodName = keyof typeof schemas;
export type Input<M extends MethodName> = z.input<(typeof schemas)[M]>;

/** A block of the article as the reader shows it, with its range in the canonical text. */
export type PositionedBlock = Block & { start: number; end: number };

export interface ArticleView {
  article: Article;
  /** The canonical text annotations point into: the summary and body blocks joined by blank lines. */
  text: string;
  /** The summary's range in `text`, when there is one. */
  summaryRange: { start: number; end: number } | null;
  blocks: PositionedBlock[];
  annotations: Annotation[];
}

export interface ArticleSummary {
  id: string;
  title: string;
  date: string | null;
  source: string | null;
  docNumber: string | null;
  docType: string | null;
  summary: string | null;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface Facets {
  types: FacetValue[];
  sources: FacetValue[];
  tags: FacetValue[];
  collections: FacetValue[];
  years: FacetValue[];
}

export interface ArchiveStats {
  articles: number;
  annotations: number;
  tags: number;
  collections: number;
  databaseBytes: number;
  catalogBytes: number;
  /** State of the derived Lunr catalog: ready, building (with progress 0–1), or missing. */
  index: { state: 'ready' | 'building' | 'missing'; progress: number; articles: number };
  schemaVersion: number;
  path: string;
}

export interface ImportFailure {
  path: string;
  error: string;
}

export interface ImportSummary {
  imported: number;
  duplicates: number;
  failed: ImportFailure[];
  /** Ids of the articles this import added, first 1,000. */
  articleIds: string[];
}

export interface ImportProgress {
  files: number;
  filesDone: number;
  imported: number;
  duplicates: number;
  failed: number;
  current: string | null;
}

export interface AnnotationListItem extends Annotation {
  articleTitle: string;
}

export interface ExportFile {
  filename: string;
  mime: string;
  content: string;
}

export interface Outputs {
  search: SearchResult;
  suggest: { items: { id: string; title: string; docNumber: string | null }[] };
  getArticle: ArticleView;
  listArticles: { total: number; items: ArticleSummary[] };
  facets: Facets;
  stats: ArchiveStats;
  listAnnotations: { total: number; items: AnnotationListItem[] };
  createAnnotation: Annotation;
  updateAnnotation: Annotation;
  deleteAnnotation: { deleted: Annotation };
  restoreAnnotation: Annotation;
  setTags: Article;
  setCollections: Article;
  importPaths: ImportSummary;
  importFiles: ImportSummary;
  exportAnnotations: ExportFile;
}

export type Output<M extends MethodName> = Outputs[M];

/** Methods that change the archive: refused by a read-only host. */
export const writeMethods: ReadonlySet<MethodName> = new Set<MethodName>([
  'createAnnotation',
  'updateAnnotation',
  'deleteAnnotation',
  'restoreAnnotation',
  'setTags',
  'setCollections',
  'importPaths',
  'importFiles',
]);

/** Methods a host that serves other machines must never offer (they read this machine's files). */
export const localOnlyMethods: ReadonlySet<MethodName> = new Set<MethodName>(['importPaths']);

export const methodNames = Object.keys(schemas) as MethodName[];

/** What every host returns: a result, or a user-readable error with a stable code. */
export type Envelope<T> =
  { ok: true; result: T } | { ok: false; error: { code: string; message: string } };

/** The client interface the renderer uses, identical over IPC and HTTP. */
export type ArchiveApi = { [M in MethodName]: (input: Input<M>) => Promise<Output<M>> };

/** Events a host pushes to the interface. */
export interface ApiEvents {
  importProgress: ImportProgress;
  indexProgress: { state: 'ready' | 'building' | 'missing'; progress: number };
}
