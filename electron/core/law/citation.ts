/**
 * Citations as Vietnamese documents write them (Decree 30/2020/NĐ-CP; Law 80/2015/QH13 Art. 62):
 *
 *   Khoản 2 Điều 12 Luật Cư trú số 68/2020/QH14
 *   Điểm a khoản 2 Điều 4 Nghị định số 154/2024/NĐ-CP
 *   Điều 3 và Điều 4 Thông tư số 15/2022/TT-BLĐTBXH
 *
 * A document with a name (Luật, Bộ luật, Pháp lệnh) is cited by its name and number, one without
 * (Nghị định, Thông tư, Quyết định…) by its type and number; the Constitution by its year. A news
 * article is cited by its title, source and date: “Title”, Báo Lạng Sơn, ngày 12/5/2024.
 *
 * Pure: the reader (copy with citation), search (the place a citation query opens) and the
 * Markdown export of annotations all call it.
 */
import { layoutArticle } from '../archive/layout';
import type { Article, TextSelector } from '../model';
import { foldDiacritics } from '../text/vietnamese';
import { structureOf } from './cache';
import { sectionsAt, type LawStructure, type Section } from './structure';

export type CitedFacts = Pick<Article, 'title' | 'date' | 'source' | 'docNumber' | 'docType'>;

/** Types whose documents have a name of their own, cited as "Luật Cư trú số …". */
const NAMED = new Set(['luat', 'bo luat', 'phap lenh']);

function fold(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** "Luật Cư trú" from "Luật Cư trú số 68/2020/QH14" (the title without its number). */
function documentName(facts: CitedFacts): string | null {
  const type = facts.docType?.trim();
  if (!type) return null;
  const title = facts.title.replace(/\s+/g, ' ').trim();
  if (!fold(title).startsWith(fold(type))) return null;
  const name = title
    .slice(type.length)
    .replace(/\s*(?:số|số hiệu)?\s*:?\s*\d+\/[\p{L}\d/.-]+.*$/iu, '')
    .replace(/\s+\d+\/[\p{L}\d/.-]+.*$/u, '')
    .trim();
  if (!name || name.length > 80 || /\b(sửa đổi|bổ sung|hướng dẫn|quy định)\b/iu.test(name)) {
    return null;
  }
  return `${type} ${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

/** How the document itself is cited: "Luật Cư trú số 68/2020/QH14", "Nghị định số 154/2024/NĐ-CP". */
export function documentCitation(facts: CitedFacts): string {
  const type = facts.docType?.trim() ?? null;
  const number = facts.docNumber?.trim() ?? null;
  if (!type && !number) return newsCitation(facts);
  if (type && fold(type) === 'hien phap') {
    const year = facts.date?.slice(0, 4);
    return year ? `Hiến pháp năm ${year}` : 'Hiến pháp';
  }
  const named = type && NAMED.has(fold(type)) ? documentName(facts) : null;
  if (named) return number ? `${named} số ${number}` : named;
  if (type && number) return `${type} số ${number}`;
  return number ? `Văn bản số ${number}` : facts.title;
}

/** A news article: “Title”, Source, ngày d/m/yyyy (what is unknown is left out). */
export function newsCitation(facts: CitedFacts): string {
  const parts = [`“${facts.title.trim()}”`];
  if (facts.source) parts.push(facts.source.trim());
  const m = facts.date?.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (m) parts.push(`ngày ${Number(m[3])}/${Number(m[2])}/${m[1]}`);
  else if (facts.date) parts.push(`năm ${facts.date.slice(0, 4)}`);
  return parts.join(', ');
}

/** "Điểm a khoản 2 Điều 12": the place inside a Điều, capitalised first. */
export function placeCitation(path: readonly Pick<Section, 'kind' | 'number'>[]): string | null {
  const dieu = path.find((s) => s.kind === 'dieu');
  if (!dieu) return null;
  const khoan = path.find((s) => s.kind === 'khoan');
  const diem = path.find((s) => s.kind === 'diem');
  const parts = [
    diem && `điểm ${diem.number}`,
    khoan && `khoản ${khoan.number}`,
    `Điều ${dieu.number}`,
  ].filter(Boolean) as string[];
  const text = parts.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The citation of a Điều or one of its parts: "Khoản 2 Điều 12 Luật Cư trú số 68/2020/QH14". */
export function sectionCitation(facts: CitedFacts, path: readonly Section[]): string {
  const place = placeCitation(path);
  const document = documentCitation(facts);
  if (place) return `${place} ${document}`;
  const division = path.at(-1);
  return division ? `${division.label} ${document}` : document;
}

/** The index of the block holding a position of the canonical text (the nearest before a gap). */
function blockAt(blocks: readonly { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The deepest sections two paths share. */
function common(a: Section[], b: Section[]): Section[] {
  const out: Section[] = [];
  for (let i = 0; i < Math.min(a.length, b.length) && a[i] === b[i]; i++) out.push(a[i]);
  return out;
}

/**
 * The citation of a passage of the canonical text [start, end): the narrowest place holding all
 * of it ("Khoản 2 Điều 12 …"), or the Điều it spans ("Điều 3 và Điều 4 …", "Điều 3 đến Điều 5
 * …"), or the document alone. News and documents without structure: the article's citation.
 */
export function passageCitation(
  facts: CitedFacts,
  structure: LawStructure | null,
  blocks: readonly { start: number; end: number }[],
  start: number,
  end: number,
): string {
  if (!structure) return documentCitation(facts);
  const first = blockAt(blocks, start);
  const last = blockAt(blocks, Math.max(start, end - 1));
  if (first < 0 || last < 0) return documentCitation(facts);
  const a = sectionsAt(structure, first);
  const b = sectionsAt(structure, last);
  const shared = common(a, b);
  if (shared.some((s) => s.kind === 'dieu')) return sectionCitation(facts, shared);
  const from = a.find((s) => s.kind === 'dieu');
  const to = b.find((s) => s.kind === 'dieu');
  const document = documentCitation(facts);
  if (from && to && from !== to) {
    const joiner = articleCount(structure, from, to) === 2 ? 'và' : 'đến';
    return `Điều ${from.number} ${joiner} Điều ${to.number} ${document}`;
  }
  if (from || to) return `Điều ${(from ?? to)!.number} ${document}`;
  return document;
}

function articleCount(structure: LawStructure, from: Section, to: Section): number {
  let n = 0;
  let counting = false;
  const visit = (sections: readonly Section[]) => {
    for (const s of sections) {
      if (s === from) counting = true;
      if (s.kind === 'dieu' && counting) n++;
      if (s === to) counting = false;
      visit(s.children);
    }
  };
  visit(structure.sections);
  return n;
}

/** Text copied with its citation: the passage, a blank line, the citation in brackets. */
export function withCitation(text: string, citation: string): string {
  return `${text.trim()}\n\n(${citation})`;
}

/** The citation of an annotation's passage in its article (the Markdown export). */
export function annotationCitation(
  article: CitedFacts & Pick<Article, 'id' | 'summary' | 'blocks'>,
  selector: Pick<TextSelector, 'start' | 'end'>,
): string {
  const layout = layoutArticle(article.summary, article.blocks);
  return passageCitation(
    article,
    structureOf(article),
    layout.blocks,
    selector.start,
    selector.end,
  );
}
