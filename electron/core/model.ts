/**
 * The engine's data model, shared by importers, the store, search and every host.
 * Pure types: no Node, no Electron, no DOM — the renderer imports these too.
 */

/** Pre-Unicode Vietnamese encodings recognised on import: TCVN 5712 (ABC) and VNI-Windows. */
export type LegacyEncoding = 'tcvn3' | 'vni';

/**
 * One block of an article body, in reading order. `page` is the page of a paged source (PDF,
 * scan) the block starts on, counted from 1; absent for sources without pages.
 */
export type Block = (
  | { type: 'p'; text: string }
  /** A heading of the source document (Word's Heading 1–6, a PDF's larger line): level 1–6. */
  | { type: 'heading'; level: number; text: string }
  /** A list item; `text` carries the marker the reader sees ("1.", "a)", "-"), if any. */
  | { type: 'li'; text: string; ordered: boolean; depth: number }
  /** A table, rows of cells as text; a cell's own line breaks are spaces. */
  | { type: 'table'; rows: string[][] }
  /** A footnote or endnote, shown after the body; `label` is its mark in the text ("1", "*"). */
  | { type: 'footnote'; label: string; text: string }
  | { type: 'figure'; caption: string; credit: string | null }
) & { page?: number };

/** How a title was obtained when the source had none: from a URL slug or from the body. */
export type TitleOrigin = 'slug' | 'body';

/** Text read by OCR from a scan or an image, not from a text layer. */
export interface Recognition {
  engine: 'tesseract';
  /** Mean word confidence over the recognised pages, 0–100. */
  confidence: number;
  /** The pages (1-based) whose text was recognised. */
  pages: number[];
}

/** The file an article was read from, kept in the archive by its content hash. */
export interface OriginalFile {
  sha256: string;
  name: string;
  mediaType: string;
  size: number;
}

/** What an importer produces from a file: an article before it has an id or a place in the archive. */
export interface ArticleDraft {
  title: string;
  /** ISO date `yyyy-mm-dd`, or null when unknown. */
  date: string | null;
  author: string | null;
  /** Publication or issuing source shown to the reader ("Báo Lạng Sơn", "Công báo"). */
  source: string | null;
  url: string | null;
  /** The lead (sapo) or abstract; shown above the body, never repeated in it. */
  summary: string | null;
  blocks: Block[];
  /** Official documents: số hiệu ("45/2019/QH14"), type ("Luật"), issuing body ("Quốc hội"). */
  docNumber: string | null;
  docType: string | null;
  issuer: string | null;
  /** Official documents: the place of issue printed before the date ("Lai Châu"). */
  place: string | null;
  /** The legacy encoding the text was converted from ('tcvn3', 'vni'), or null for Unicode. */
  encoding: string | null;
  tags: string[];
  /** The identifier the article had where it came from: a record's `id`, else the file's path. */
  sourceId: string;
  /** Set when the source had no title and one was derived; the reader says so. */
  titleOrigin?: TitleOrigin | null;
  /** Pages of a paged source (PDF, scan), else absent. */
  pageCount?: number | null;
  /** Present when some of the text was recognised by OCR. */
  recognition?: Recognition | null;
  /** The original file, when the archive keeps it (office formats, PDF, images). */
  original?: OriginalFile | null;
}

export interface Article extends ArticleDraft {
  /** Stable content-derived id: the same article has the same id on every machine. */
  id: string;
  collections: string[];
  importedAt: string;
  importedFrom: string | null;
}

export type AnnotationKind = 'highlight' | 'note' | 'bookmark';
export type HighlightColor = 'yellow' | 'green' | 'blue' | 'pink';

/** W3C Web Annotation TextQuoteSelector + TextPositionSelector into the article's canonical text. */
export interface TextSelector {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export interface Annotation {
  id: string;
  articleId: string;
  kind: AnnotationKind;
  color: HighlightColor | null;
  note: string | null;
  /** Null for a bookmark of the whole article. */
  selector: TextSelector | null;
  created: string;
  updated: string;
  /**
   * Present (true) only for an imported annotation whose quote could not be found in its article:
   * the selector keeps the quote and the last known positions, and the reader must not draw it.
   */
  orphaned?: true;
}

export interface SearchFilters {
  from?: string;
  to?: string;
  type?: string;
  issuer?: string;
  source?: string;
  tag?: string;
  collection?: string;
  /** Official documents in force on this day (yyyy-mm-dd), as far as the archive knows. */
  inForce?: string;
}

export interface SearchRequest extends SearchFilters {
  query: string;
  limit?: number;
  offset?: number;
  sort?: 'relevance' | 'date';
  /** The query is still being typed: its last word matches as a prefix ("luat cu tr"). */
  typeAhead?: boolean;
}

export interface SearchHit {
  id: string;
  sourceId: string;
  title: string;
  date: string | null;
  source: string | null;
  docNumber: string | null;
  docType: string | null;
  score: number;
  /** Plain text with matches wrapped in `<mark>`…`</mark>`; every other character is HTML-escaped. */
  snippet: string;
  /** In an official document: the Điều (and khoản) the snippet comes from. */
  section?: HitSection;
}

/** "Điều 12. Nơi thường trú — khoản 2", the reader's anchor for it (`dieu-12-khoan-2`), and the
 * body block the snippet comes from (where the reader goes when the anchor is not on the page). */
export interface HitSection {
  label: string;
  anchor: string;
  block: number;
}

export interface SearchResult {
  total: number;
  /** More articles match than were counted: `total` is a lower bound ("more than 10,000"). */
  totalCapped?: boolean;
  hits: SearchHit[];
  /** A rewritten query worth offering when there are few or no hits ("did you mean"). */
  suggestion: string | null;
  tookMs: number;
}
