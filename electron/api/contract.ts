/**
 * The one API contract: every method a user interface may call, its input schema (validated at
 * run time in every host, because the renderer is untrusted) and its result type. IPC, the HTTP
 * host, the preload bridge and the renderer client are all derived from this table.
 *
 * Runs in every process (Node, Electron, the browser): it imports only zod and pure types.
 */
import { z } from 'zod';
import type { Annotation, Article, Block, SearchResult } from '../core/model';
import type { CitationGoto } from '../core/law/goto';
import type { LawStructure } from '../core/law/structure';

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
  issuer: shortText.optional(),
  source: shortText.optional(),
  tag: shortText.optional(),
  collection: shortText.optional(),
  /** Official documents in force on this day, as far as the archive knows. */
  inForce: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'yyyy-mm-dd')
    .optional(),
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
    /** true: only the orphans (imported, quote not found); false: none of them. */
    orphaned: z.boolean().optional(),
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
      orphaned: z.literal(true).optional(),
    }),
  }),
  /** Attach an annotation (an orphan) to the passage now selected in its article. */
  reattachAnnotation: z.strictObject({ id, selector }),
  setTags: z.strictObject({ articleId: id, tags: tagList }),
  setCollections: z.strictObject({ articleId: id, collections: tagList }),
  /** Import files the host can read itself (desktop app, command line): paths on this machine. */
  importPaths: z.strictObject({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000) }),
  /**
   * Cancel the imports running now (importPaths, importFiles, the inbox's): each returns its
   * summary marked `cancelled`, keeping what it committed. Harmless when none runs.
   */
  cancelImport: z.strictObject({}),
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
  /** `json` is the earlier name of `w3c`. One article or one collection, or everything. */
  exportAnnotations: z.strictObject({
    format: z.enum(['w3c', 'json', 'markdown', 'csv']),
    articleId: id.optional(),
    collection: shortText.optional(),
  }),
  /** W3C Web Annotation JSON(-LD) text, as exported: merged without duplicates. */
  importAnnotations: z.strictObject({ content: z.string().min(1).max(100_000_000) }),
  /** An archive bundle as bytes, for a download (browser host; desktop without a chosen path). */
  exportBundle: z.strictObject({ collection: shortText.optional(), since: isoDate.optional() }),
  /** An archive bundle written to a path on this machine (desktop: the path the user chose). */
  exportBundleToPath: z.strictObject({
    path: z.string().min(1).max(4096),
    collection: shortText.optional(),
    since: isoDate.optional(),
  }),
  /** Import a bundle sent by the interface (browser upload): name and base64 bytes. */
  importBundle: z.strictObject({
    name: z.string().min(1).max(1000),
    base64: z.string().max(100_000_000),
  }),
  /** Import a bundle the host can read itself (desktop app): a path on this machine. */
  importBundlePath: z.strictObject({ path: z.string().min(1).max(4096) }),
  /** The watched inbox folder: its setting and state. */
  getInbox: z.strictObject({}),
  /** Turn the inbox on with a folder of this machine, or off with null. */
  setInbox: z.strictObject({ dir: z.string().min(1).max(4096).nullable() }),
  /** The file an article was read from (Word, PDF, scan), when the archive keeps it. */
  getOriginal: z.strictObject({ id }),
  /** The user's own title for an article; a derived title is no longer marked as such. */
  renameArticle: z.strictObject({ id, title: z.string().min(1).max(1000) }),
  /** What a document cites, amends, replaces, repeals, guides, and what does so to it. */
  getRelations: z.strictObject({ id }),
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
  /** A legal document's Phần, Chương, Điều, khoản… with anchors and block ranges, else null. */
  structure?: LawStructure | null;
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
  issuers: FacetValue[];
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
  /**
   * The import was cancelled (`cancelImport`, Ctrl-C) before it read everything: the counts are
   * what it committed until then, all of it kept; files not reached are not listed as failed.
   */
  cancelled?: boolean;
}

export interface ImportProgress {
  files: number;
  filesDone: number;
  imported: number;
  duplicates: number;
  failed: number;
  current: string | null;
  /** Pages of the current file read so far (a PDF, a scan being recognised), when it has pages. */
  pages?: { done: number; total: number } | null;
}

export interface AnnotationListItem extends Annotation {
  articleTitle: string;
}

export interface ExportFile {
  filename: string;
  mime: string;
  content: string;
}

/** What an annotation import did; `orphaned` counts the added or updated ones left unanchored. */
export interface AnnotationImportReport {
  added: number;
  updated: number;
  unchanged: number;
  orphaned: number;
  /** Annotations of articles this archive does not hold, and (the first 20 of) those articles. */
  skipped: number;
  skippedArticles: string[];
  failed: Array<{ id: string | null; error: string }>;
}

/** What a bundle export wrote: its name, the manifest's facts, and the bytes when asked for. */
export interface BundleExportResult {
  filename: string;
  /** Where it was written (exportBundleToPath), else null. */
  path: string | null;
  /** The bundle itself, base64 (exportBundle), else null. */
  base64: string | null;
  bytes: number;
  machine: string;
  created: string;
  counts: {
    articles: number;
    annotations: number;
    revisions: number;
    tags: number;
    collections: number;
  };
}

/** What a bundle import did. */
export interface BundleImportReport {
  file: string;
  /** The exporting machine and time, from the bundle's manifest. */
  machine: string;
  created: string;
  articles: { added: number; present: number; refused: number };
  /** kept: the bundle's version was older and is kept as a revision; skipped: no article here. */
  annotations: { added: number; updated: number; kept: number; unchanged: number; skipped: number };
  /** Versions added to the annotations' kept revisions, in all. */
  revisions: number;
  /** Tags and collections added to articles (article–name links). */
  tags: number;
  collections: number;
  /** Refused articles (first 100), each with the sentence that says why. */
  refused: Array<{ id: string; reason: string }>;
  /** Ids of the articles added, first 1,000. */
  articleIds: string[];
  /**
   * Cancelled (`cancelImport`, Ctrl-C) before the end of the bundle: the counts are what was
   * written by then, every batch of it kept; cancelled while the bundle was being checked, nothing.
   */
  cancelled?: boolean;
}

export interface InboxState {
  /** The folder watched, or null when the inbox is off. */
  dir: string | null;
  /** True when this host is watching it now (hosts that run long watch; one-shot commands do not). */
  watching: boolean;
  /** Why the folder cannot be watched, as one sentence, else null. */
  error: string | null;
  /** The latest files handled, newest first. */
  recent: Array<{ name: string; ok: boolean; message: string; at: string }>;
}

export interface Outputs {
  /** `goto`: the place a citation query names ("Điều 12 Luật Cư trú"), when the archive has it. */
  search: SearchResult & { goto?: CitationGoto | null };
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
  reattachAnnotation: Annotation;
  setTags: Article;
  setCollections: Article;
  importPaths: ImportSummary;
  importFiles: ImportSummary;
  /** How many running imports were told to stop (0: none was running). */
  cancelImport: { cancelled: number };
  exportAnnotations: ExportFile;
  importAnnotations: AnnotationImportReport;
  exportBundle: BundleExportResult;
  exportBundleToPath: BundleExportResult;
  importBundle: BundleImportReport;
  importBundlePath: BundleImportReport;
  getInbox: InboxState;
  setInbox: InboxState;
  getOriginal: OriginalDownload;
  renameArticle: Article;
  getRelations: ArticleRelations;
}

/** An article's original file: its facts and its bytes (base64). */
export interface OriginalDownload {
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  base64: string;
}

// ── Relations between documents (core/law/relations.ts) ──

export type RelationKind = 'cites' | 'amends' | 'replaces' | 'repeals' | 'guides';

/** One side of a relation as the reader shows it. */
export interface RelationItem {
  kind: RelationKind;
  /** The other document as printed ("Nghị định số 154/2024/NĐ-CP", "Luật Đấu thầu"). */
  label: string;
  /** Its number as printed, when known. */
  number: string | null;
  /** The other document in the archive, when it is there. */
  article: { id: string; title: string; effectiveDate: string | null } | null;
  /** The sentence the relation was read from, and its block in the referring document. */
  text: string;
  blockIndex: number;
}

export interface ArticleRelations {
  /** The document's effective date as its text states it, else null. */
  effectiveDate: string | null;
  /** What this document cites, amends, replaces, repeals, guides. */
  outgoing: RelationItem[];
  /** What in the archive cites, amends, replaces, repeals or guides it. */
  incoming: RelationItem[];
  /** The newest document of the archive that replaces or repeals it, if any. */
  supersededBy: RelationItem | null;
}

export type Output<M extends MethodName> = Outputs[M];

/** Methods that change the archive: refused by a read-only host. */
export const writeMethods: ReadonlySet<MethodName> = new Set<MethodName>([
  'createAnnotation',
  'updateAnnotation',
  'deleteAnnotation',
  'restoreAnnotation',
  'reattachAnnotation',
  'importAnnotations',
  'setTags',
  'setCollections',
  'importPaths',
  'importFiles',
  'cancelImport',
  'importBundle',
  'importBundlePath',
  'setInbox',
  'renameArticle',
]);

/** Methods a host that serves other machines must never offer (they read this machine's files). */
export const localOnlyMethods: ReadonlySet<MethodName> = new Set<MethodName>([
  'importPaths',
  'exportBundleToPath',
  'importBundlePath',
  'getInbox',
  'setInbox',
]);

/**
 * Methods that only read: a host with a pool of read-only engine threads (api/read-pool.ts) sends
 * them there. Every method not listed here goes to the one writer thread, new ones included.
 */
export const readMethods: ReadonlySet<MethodName> = new Set<MethodName>([
  'search',
  'suggest',
  'getArticle',
  'listArticles',
  'facets',
  'stats',
  'listAnnotations',
  'exportAnnotations',
]);

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
