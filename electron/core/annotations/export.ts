/**
 * Annotations in open formats: W3C Web Annotation JSON-LD, Markdown for people and note-taking
 * apps, and CSV (UTF-8 with BOM, so spreadsheet programs show Vietnamese correctly).
 */
import type { ExportFile } from '../../api/contract';
import type { Annotation, Article } from '../model';

export interface AnnotatedArticle {
  article: Pick<Article, 'id' | 'title' | 'source' | 'date' | 'docNumber' | 'url'>;
  annotations: Annotation[];
}

const CSS_COLORS = {
  yellow: '#fff3a3',
  green: '#c8f0c0',
  blue: '#c4e1ff',
  pink: '#ffd0e4',
} as const;
const MOTIVATION = {
  highlight: 'highlighting',
  note: 'commenting',
  bookmark: 'bookmarking',
} as const;

export function articleUrn(id: string): string {
  return `urn:archive-reader:article:${id}`;
}

export function toW3C(items: AnnotatedArticle[], generated = new Date().toISOString()): object {
  const annotations = items.flatMap(({ article, annotations }) =>
    annotations.map((a) => {
      const target: Record<string, unknown> = { source: articleUrn(article.id) };
      if (article.url) target.scope = article.url;
      if (a.selector) {
        target.selector = [
          {
            type: 'TextQuoteSelector',
            exact: a.selector.exact,
            prefix: a.selector.prefix,
            suffix: a.selector.suffix,
          },
          { type: 'TextPositionSelector', start: a.selector.start, end: a.selector.end },
        ];
      }
      const anno: Record<string, unknown> = {
        id: `urn:uuid:${a.id}`,
        type: 'Annotation',
        motivation: a.note ? 'commenting' : MOTIVATION[a.kind],
        created: a.created,
        modified: a.updated,
        target,
      };
      if (a.note) anno.body = { type: 'TextualBody', value: a.note, format: 'text/plain' };
      if (a.color) {
        anno.stylesheet = {
          type: 'CssStylesheet',
          value: `.${a.color} { background-color: ${CSS_COLORS[a.color]}; }`,
        };
        target.styleClass = a.color;
      }
      return anno;
    }),
  );
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:archive-reader:export:${generated}`,
    type: 'AnnotationCollection',
    label: 'Archive Reader',
    total: annotations.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: annotations },
  };
}

function quoteBlock(text: string): string {
  return text
    .split(/\n+/)
    .map((line) => `> ${line}`)
    .join('\n');
}

export function toMarkdown(items: AnnotatedArticle[]): string {
  const out: string[] = [];
  for (const { article, annotations } of items) {
    out.push(`## ${article.title}`, '');
    const facts = [
      article.docNumber && `Số hiệu: ${article.docNumber}`,
      article.source,
      article.date,
      article.url,
    ]
      .filter(Boolean)
      .join(' · ');
    if (facts) out.push(`*${facts}*`, '');
    for (const a of annotations) {
      if (a.selector) out.push(quoteBlock(a.selector.exact), '');
      else out.push(`🔖 ${a.kind === 'bookmark' ? 'Đánh dấu bài viết' : 'Ghi chú cho cả bài'}`, '');
      if (a.note) out.push(a.note, '');
    }
  }
  return out.join('\n').trimEnd() + '\n';
}

function csvCell(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(items: AnnotatedArticle[]): string {
  const header = [
    'article_id',
    'title',
    'source',
    'date',
    'number',
    'kind',
    'color',
    'quote',
    'note',
    'start',
    'end',
    'created',
    'updated',
  ];
  const rows = items.flatMap(({ article, annotations }) =>
    annotations.map((a) =>
      [
        article.id,
        article.title,
        article.source,
        article.date,
        article.docNumber,
        a.kind,
        a.color,
        a.selector?.exact ?? null,
        a.note,
        a.selector?.start ?? null,
        a.selector?.end ?? null,
        a.created,
        a.updated,
      ]
        .map(csvCell)
        .join(','),
    ),
  );
  return '\uFEFF' + [header.join(','), ...rows].join('\r\n') + '\r\n';
}

export function exportAnnotations(
  items: AnnotatedArticle[],
  format: 'markdown' | 'json' | 'csv',
): ExportFile {
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === 'json') {
    return {
      filename: `ghi-chu-${stamp}.jsonld`,
      mime: 'application/ld+json',
      content: JSON.stringify(toW3C(items), null, 2),
    };
  }
  if (format === 'csv')
    return {
      filename: `ghi-chu-${stamp}.csv`,
      mime: 'text/csv;charset=utf-8',
      content: toCsv(items),
    };
  return {
    filename: `ghi-chu-${stamp}.md`,
    mime: 'text/markdown;charset=utf-8',
    content: toMarkdown(items),
  };
}
