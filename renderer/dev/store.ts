/* eslint-disable no-restricted-imports -- development-only mock host, never bundled */
import { randomUUID } from 'node:crypto';
import type { ArticleSummary, ArticleView, Facets, FacetValue } from '../../electron/api/contract';
import type { Annotation, Article, SearchFilters, SearchHit } from '../../electron/core/model';
import { foldText } from '../src/search/fold';
import { blockText } from '../../electron/core/archive/layout';

/** An in-memory archive with naive search: enough to develop and screenshot the interface. */
export class MockStore {
  articles = new Map<string, Article>();
  annotations = new Map<string, Annotation>();

  constructor(list: Article[]) {
    for (const a of list) this.articles.set(a.id, a);
  }

  view(id: string): ArticleView | null {
    const article = this.articles.get(id);
    if (!article) return null;
    const parts: string[] = [];
    let offset = 0;
    const push = (s: string) => {
      if (parts.length > 0) offset += 2;
      const start = offset;
      parts.push(s);
      offset += s.length;
      return { start, end: offset };
    };
    const summaryRange = article.summary ? push(article.summary) : null;
    const blocks = article.blocks.map((b) => ({
      ...b,
      ...push(blockText(b)),
    }));
    return {
      article,
      text: parts.join('\n\n'),
      summaryRange,
      blocks,
      annotations: [...this.annotations.values()].filter((a) => a.articleId === id),
    };
  }

  bodyText(a: Article): string {
    return [a.title, a.docNumber, a.summary, ...a.blocks.map(blockText)]
      .filter(Boolean)
      .join(' \n ');
  }

  filtered(f: SearchFilters): Article[] {
    return [...this.articles.values()].filter(
      (a) =>
        (!f.from || (a.date ?? '') >= f.from) &&
        (!f.to || (a.date ?? '') <= f.to) &&
        (!f.type || a.docType === f.type) &&
        (!f.issuer || a.issuer === f.issuer) &&
        (!f.source || a.source === f.source) &&
        (!f.tag || a.tags.includes(f.tag)) &&
        (!f.collection || a.collections.includes(f.collection)),
    );
  }

  search(
    query: string,
    f: SearchFilters,
    sort: string,
  ): { hits: SearchHit[]; suggestion: string | null } {
    const terms = foldText(query).split(/\s+/).filter(Boolean);
    const hits: SearchHit[] = [];
    for (const a of this.filtered(f)) {
      const text = this.bodyText(a);
      const folded = foldText(text);
      if (!terms.every((t) => folded.includes(t))) continue;
      const titleBoost = terms.filter((t) => foldText(a.title).includes(t)).length * 5;
      const score = terms.reduce((s, t) => s + folded.split(t).length - 1, 0) + titleBoost;
      hits.push({
        ...summary(a),
        sourceId: a.sourceId,
        score,
        snippet: snippet(text, folded, terms),
      });
    }
    hits.sort((x, y) =>
      sort === 'date' ? (y.date ?? '').localeCompare(x.date ?? '') : y.score - x.score,
    );
    const suggestion = hits.length === 0 && query.length > 3 ? query.slice(0, -1) : null;
    return { hits, suggestion };
  }

  facets(): Facets {
    const count = (values: (string | null)[]): FacetValue[] => {
      const m = new Map<string, number>();
      for (const v of values) if (v) m.set(v, (m.get(v) ?? 0) + 1);
      return [...m].map(([value, c]) => ({ value, count: c })).sort((a, b) => b.count - a.count);
    };
    const all = [...this.articles.values()];
    return {
      types: count(all.map((a) => a.docType)),
      issuers: count(all.map((a) => a.issuer)),
      sources: count(all.map((a) => a.source)),
      tags: count(all.flatMap((a) => a.tags)),
      collections: count(all.flatMap((a) => a.collections)),
      years: count(all.map((a) => a.date?.slice(0, 4) ?? null)),
    };
  }

  annotate(input: Omit<Annotation, 'id' | 'created' | 'updated'>): Annotation {
    const now = new Date().toISOString();
    const a = { ...input, id: randomUUID(), created: now, updated: now };
    this.annotations.set(a.id, a);
    return a;
  }
}

export function summary(a: Article): ArticleSummary {
  return {
    id: a.id,
    title: a.title,
    date: a.date,
    source: a.source,
    docNumber: a.docNumber,
    docType: a.docType,
    summary: a.summary ?? (a.blocks[0]?.type === 'p' ? a.blocks[0].text.slice(0, 300) : null),
  };
}

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function snippet(text: string, folded: string, terms: string[]): string {
  // Folding keeps the length of precomposed Vietnamese text, so offsets line up.
  const first = Math.min(...terms.map((t) => folded.indexOf(t)).filter((i) => i >= 0));
  const start = Math.max(0, first - 60);
  const end = Math.min(text.length, start + 220);
  const marks: [number, number][] = [];
  for (const t of terms) {
    for (
      let i = folded.indexOf(t, start);
      i !== -1 && i < end;
      i = folded.indexOf(t, i + t.length)
    ) {
      marks.push([i, Math.min(end, i + t.length)]);
    }
  }
  marks.sort((a, b) => a[0] - b[0]);
  let out = start > 0 ? '…' : '';
  let at = start;
  for (const [s, e] of marks) {
    if (s < at) continue;
    out += escape(text.slice(at, s)) + '<mark>' + escape(text.slice(s, e)) + '</mark>';
    at = e;
  }
  return out + escape(text.slice(at, end)) + (end < text.length ? '…' : '');
}
