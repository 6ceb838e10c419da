/**
 * Where a citation query leads: the document it names (by number, else by type and name in the
 * title: "Luật Cư trú"), and the place in it (its Điều, khoản, điểm, as far as the document has
 * them). Search returns it beside the results, and the search screen offers it first.
 */
import type { Db } from '../store/db';
import type { Article } from '../model';
import { foldDiacritics } from '../text/vietnamese';
import { parseCitationQuery, type CitationQuery } from './citation-query';
import { sectionCitation } from './citation';
import { structureOf } from './cache';
import type { LawStructure, Section } from './structure';

export { structureOf } from './cache';

export interface CitationGoto {
  articleId: string;
  /** The element id of the place in the reader: "dieu-12", "dieu-12-khoan-2". */
  anchor: string;
  /** The place as a citation: "Khoản 2 Điều 12 Luật Cư trú số 68/2020/QH14". */
  label: string;
}

interface Candidate {
  id: string;
  title: string;
  date: string | null;
  doc_number: string | null;
  doc_type: string | null;
}

const key = (text: string) => foldDiacritics(text).toUpperCase().replace(/\s+/g, '');
/** Folded, lower case, punctuation as spaces: how names are compared. */
const words = (text: string) =>
  foldDiacritics(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}/-]+/gu, ' ')
    .trim();
/** A title without its number ("Nghị định 185/2026/NĐ-CP quy định …" → "nghi dinh quy dinh …"). */
const bareTitle = (title: string) => words(title.replace(/(?:\s+số)?\s+\d+\/\S+/giu, ' '));

function candidates(db: Db, q: CitationQuery): Candidate[] {
  const columns = 'id, title, date, doc_number, doc_type';
  const { number, type } = q.docRef;
  if (number) {
    // The ASCII digits before the first slash bound an index range ("154/" ≤ n < "1540").
    const lead = number.match(/^\d+\//)?.[0];
    if (!lead) return [];
    const upper = lead.slice(0, -1) + '0';
    return db
      .prepare(`SELECT ${columns} FROM articles WHERE doc_number >= ? AND doc_number < ? LIMIT 500`)
      .all(lead, upper) as Candidate[];
  }
  return db
    .prepare(`SELECT ${columns} FROM articles WHERE doc_type = ? LIMIT 5000`)
    .all(type) as Candidate[];
}

/** How well a document fits the reference; 0: it does not. */
function fit(row: Candidate, q: CitationQuery): number {
  const { number, type, name, year } = q.docRef;
  let score = 1;
  if (number) {
    const want = key(number);
    const have = key(row.doc_number ?? '');
    if (have === want) score += 4;
    else if (have.startsWith(`${want}/`)) score += 2;
    else return 0;
  }
  if (type && row.doc_type && words(row.doc_type) !== words(type) && !number) return 0;
  if (name) {
    const title = bareTitle(row.title);
    const wanted = words(`${type ?? ''} ${name}`);
    if (title.startsWith(wanted)) score += 3;
    else if (title.includes(wanted) || title.includes(words(name))) score += 1;
    else return 0;
  }
  if (year) {
    const inNumber = (row.doc_number ?? '').includes(`/${year}/`);
    if (!inNumber && row.date?.slice(0, 4) !== String(year)) return 0;
  }
  return score;
}

/** The Điều (first of that number: a decision's own before the regulation's) and its parts. */
function placeOf(structure: LawStructure, q: CitationQuery): Section[] | null {
  const find = (sections: readonly Section[], path: Section[]): Section[] | null => {
    for (const s of sections) {
      if (s.kind === 'dieu' && s.number === q.dieu) return [...path, s];
      if (s.kind === 'dieu' || s.kind === 'phu-luc' || s.kind === 'mau') continue;
      const inside = find(s.children, [...path, s]);
      if (inside) return inside;
    }
    return null;
  };
  const path = find(structure.sections, []);
  if (!path) return null;
  const khoan = q.khoan ? path.at(-1)!.children.find((s) => s.number === q.khoan) : undefined;
  if (khoan) {
    path.push(khoan);
    const diem = q.diem ? khoan.children.find((s) => s.number === q.diem) : undefined;
    if (diem) path.push(diem);
  } else if (q.diem && !q.khoan) {
    const diem = path.at(-1)!.children.find((s) => s.kind === 'diem' && s.number === q.diem);
    if (diem) path.push(diem);
  }
  return path;
}

/** The place a query names, when it is a citation and the archive holds that document and Điều. */
export function citationGoto(
  db: Db,
  getArticle: (id: string) => Article | null,
  query: string,
): CitationGoto | null {
  const q = parseCitationQuery(query);
  if (!q) return null;
  const ranked = candidates(db, q)
    .map((row) => ({ row, score: fit(row, q) }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || (b.row.date ?? '').localeCompare(a.row.date ?? ''));
  // "Điều 2 Nghị định" names no one decree: only a type the archive holds one of will do (and
  // the Constitution, cited by its type alone: the newest).
  const { number, name, type } = q.docRef;
  if (!number && !name && type !== 'Hiến pháp' && ranked.length !== 1) return null;
  for (const { row } of ranked.slice(0, 5)) {
    const article = getArticle(row.id);
    if (!article) continue;
    const structure = structureOf(article);
    const path = structure && placeOf(structure, q);
    if (!path) continue;
    return {
      articleId: article.id,
      anchor: path.at(-1)!.anchor,
      label: sectionCitation(
        article,
        path.filter((s) => ['dieu', 'khoan', 'diem'].includes(s.kind)),
      ),
    };
  }
  return null;
}
