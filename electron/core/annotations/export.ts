/**
 * Annotations in open formats: W3C Web Annotation JSON-LD (w3c.ts), Markdown for people and
 * note-taking apps, and CSV (UTF-8 with BOM, so spreadsheet programs show Vietnamese correctly).
 */
import type { ExportFile } from '../../api/contract';
import type { Locale } from '../messages';
import type { Annotation } from '../model';
import { toW3C, type AnnotatedArticle } from './w3c';

export { articleUrn, toW3C, type AnnotatedArticle } from './w3c';

/** `json` is the earlier name of `w3c`, still accepted. */
export type ExportFormat = 'w3c' | 'json' | 'markdown' | 'csv';

export interface ExportOptions {
  locale?: Locale;
  /** What was exported, for the Markdown title and the collection's label ("Bộ sưu tập …"). */
  label?: string;
  /** A short ASCII name for the file ("bo-suu-tap-dan-van"). */
  slug?: string;
  generated?: string;
  /** The citation of a highlighted passage ("Khoản 2 Điều 12 Luật Cư trú số …"), Markdown only. */
  cite?: (articleId: string, annotation: Annotation) => string | null;
}

const LABELS = {
  vi: {
    title: 'Ghi chú',
    exported: 'Xuất ngày',
    counts: (n: number, a: number) => `${n} ghi chú trong ${a} bài`,
    source: 'Nguồn',
    date: 'Ngày',
    number: 'Số hiệu',
    url: 'Địa chỉ',
    tags: 'Thẻ',
    id: 'Mã bài',
    bookmark: '🔖 Đã đánh dấu bài này',
    articleNote: '📝 Ghi chú cho cả bài',
    orphaned: '⚠ Chưa gắn được: đoạn này không còn tìm thấy trong bài.',
  },
  en: {
    title: 'Notes',
    exported: 'Exported',
    counts: (n: number, a: number) => `${n} notes in ${a} articles`,
    source: 'Source',
    date: 'Date',
    number: 'Number',
    url: 'Address',
    tags: 'Tags',
    id: 'Article id',
    bookmark: '🔖 Bookmarked',
    articleNote: '📝 Note on the whole article',
    orphaned: '⚠ Orphaned: this passage is no longer found in the article.',
  },
} as const;

/** Text that Markdown must show as written: no headings, lists, quotes or HTML by accident. */
function mdLine(line: string): string {
  return line
    .replace(/[\\<>`]/g, (c) => `\\${c}`)
    .replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3')
    .replace(/^(\s*)([#+=|~*_-])/, '$1\\$2');
}

/** Paragraphs kept apart, line breaks kept (two trailing spaces: a hard break everywhere). */
function mdText(text: string, prefix = ''): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((para) =>
      para
        .split('\n')
        .map((line) => `${prefix}${mdLine(line.trimEnd())}`)
        .join('  \n'),
    )
    .join(`\n${prefix.trimEnd()}\n`);
}

function dmy(date: string | null): string | null {
  const m = date?.match(/^(\d{4})-(\d{2})-(\d{2})/);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}

export function toMarkdown(items: AnnotatedArticle[], options: ExportOptions = {}): string {
  const L = LABELS[options.locale ?? 'vi'];
  const generated = options.generated ?? new Date().toISOString();
  const count = items.reduce((n, i) => n + i.annotations.length, 0);
  const out: string[] = [`# ${mdLine(options.label ?? L.title)}`, ''];
  out.push(`*${L.exported} ${dmy(generated.slice(0, 10))} · ${L.counts(count, items.length)}*`, '');
  for (const { article, annotations } of items) {
    out.push(`## ${mdLine(article.title)}`, '');
    const facts: Array<[string, string | null | undefined]> = [
      [L.source, article.source && mdLine(article.source)],
      [L.date, dmy(article.date)],
      [L.number, article.docNumber && mdLine(article.docNumber)],
      [L.url, article.url && `<${article.url.replace(/[<>\s]/g, encodeURIComponent)}>`],
      [L.tags, article.tags?.length ? article.tags.map(mdLine).join(', ') : null],
      [L.id, `\`${article.id}\``],
    ];
    for (const [label, value] of facts) if (value) out.push(`- **${label}:** ${value}`);
    out.push('');
    for (const a of annotations) {
      out.push(...annotationMd(a, L, a.selector ? options.cite?.(article.id, a) : null), '');
    }
  }
  return out.join('\n').trimEnd() + '\n';
}

function annotationMd(
  a: Annotation,
  L: (typeof LABELS)[keyof typeof LABELS],
  citation?: string | null,
): string[] {
  const out: string[] = [];
  if (a.selector) {
    out.push(mdText(a.selector.exact, '> '));
    if (citation) out.push('>', `> (${mdLine(citation)})`);
  } else out.push(a.kind === 'bookmark' ? `**${L.bookmark}**` : `**${L.articleNote}**`);
  if (a.orphaned) out.push('', `*${L.orphaned}*`);
  if (a.note) out.push('', mdText(a.note));
  return out;
}

function csvCell(value: string | number | boolean | null | undefined): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = [
  'article_id',
  'title',
  'source',
  'date',
  'number',
  'url',
  'annotation_id',
  'kind',
  'tag',
  'color',
  'quote',
  'note',
  'start',
  'end',
  'orphaned',
  'created',
  'updated',
] as const;

/** One row per annotation and per tag; quoted per RFC 4180, CRLF line ends, a BOM first. */
export function toCsv(items: AnnotatedArticle[]): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const { article, annotations } of items) {
    const head = [
      article.id,
      article.title,
      article.source,
      article.date,
      article.docNumber,
      article.url,
    ];
    for (const a of annotations) {
      const s = a.selector;
      rows.push(
        [
          ...head,
          a.id,
          a.kind,
          null,
          a.color,
          s?.exact,
          a.note,
          s?.start,
          s?.end,
          a.orphaned ? 1 : 0,
          a.created,
          a.updated,
        ]
          .map(csvCell)
          .join(','),
      );
    }
    for (const tag of article.tags ?? [])
      rows.push(
        [...head, null, 'tag', tag, null, null, null, null, null, 0, null, null]
          .map(csvCell)
          .join(','),
      );
  }
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}

export function exportAnnotations(
  items: AnnotatedArticle[],
  format: ExportFormat,
  options: ExportOptions = {},
): ExportFile {
  const generated = options.generated ?? new Date().toISOString();
  const name = `ghi-chu${options.slug ? `-${options.slug}` : ''}-${generated.slice(0, 10)}`;
  if (format === 'w3c' || format === 'json') {
    const label = options.label ? `Archive Reader: ${options.label}` : 'Archive Reader';
    return {
      filename: `${name}.jsonld`,
      mime: 'application/ld+json',
      content: JSON.stringify(toW3C(items, { generated, label }), null, 2) + '\n',
    };
  }
  if (format === 'csv')
    return { filename: `${name}.csv`, mime: 'text/csv;charset=utf-8', content: toCsv(items) };
  return {
    filename: `${name}.md`,
    mime: 'text/markdown;charset=utf-8',
    content: toMarkdown(items, { ...options, generated }),
  };
}
