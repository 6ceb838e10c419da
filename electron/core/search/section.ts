/**
 * The Điều (and khoản) of an official document a search hit is in, named for the results list
 * and anchored for the reader: "Điều 12. Nơi thường trú — khoản 2", `dieu-12-khoan-2`. A law runs
 * to hundreds of articles; "found in the Bộ luật dân sự" says little, "Điều 357" says where.
 *
 * Read from the blocks up to the hit, in order, with the rules of the document structure
 * (law/structure.ts): "Điều N." (or "Điều N:") at the start of a block opens an article, "1."
 * a khoản within it when the numbers go up; a Chương, Mục or Phần heading, or the closing lines,
 * close it. Quoted text is not structure: an amending document quotes another's articles
 * ("Điều 3 được sửa đổi như sau: “1. …”"), and a hit there is in the amending Điều. Anchors are the
 * shared ones: lowercase, accents folded, "đ" as "dd", a repeated Điều number taking `-2`.
 */
import { blockText } from '../archive/layout';
import type { Block, HitSection } from '../model';
import { foldDiacritics } from '../text/vietnamese';

const DIEU = /^Điều\s+(\d+[a-zđ]?)\s*[.:]\s*(.*)$/iu;
const KHOAN = /^(\d{1,3})\.\s/;
const DIVISION = /^(?:chương|mục|phần|tiểu mục)\s+[\p{L}\p{N}]+\.?$/iu;
const CLOSING =
  /^(?:nơi nhận\s*:|(?:bộ luật|luật|hiến pháp|nghị quyết|pháp lệnh) này (?:đã )?được)/iu;
/** A title longer than this is cut at a word (some Điều titles are sentences). */
const MAX_TITLE = 90;

function anchorPart(text: string): string {
  return foldDiacritics(text.replace(/[đĐ]/g, 'dd'))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function shortTitle(title: string): string {
  const text = title.trim().replace(/[.:;]+$/, '');
  if (text.length <= MAX_TITLE) return text;
  return `${text.slice(0, MAX_TITLE).replace(/\s+\S*$/, '')}…`;
}

/** Quotations open after a block: curly ones nest, straight ones toggle. */
interface Quotes {
  curly: number;
  straight: boolean;
}

function afterBlock(text: string, open: Quotes): Quotes {
  let { curly, straight } = open;
  for (const c of text) {
    if (c === '“') curly++;
    else if (c === '”' && curly > 0) curly--;
    else if (c === '"') straight = !straight;
  }
  return { curly, straight };
}

/**
 * The section of `blocks[index]`, or null when it is in no Điều (the preamble, a chapter
 * heading, the signatures, a document without articles). `index` counts body blocks from 0.
 */
export function sectionAt(
  blocks: readonly Block[],
  index: number,
): Omit<HitSection, 'block'> | null {
  if (index < 0 || index >= blocks.length) return null;
  let dieu: { number: string; title: string; anchor: string } | null = null;
  let khoan = 0;
  let quotes: Quotes = { curly: 0, straight: false };
  const seen = new Map<string, number>();
  for (let i = 0; i <= index; i++) {
    const block = blocks[i];
    if (block.type === 'table' || block.type === 'figure' || block.type === 'footnote') continue;
    const text = blockText(block).trim();
    const quoted = quotes.curly > 0 || quotes.straight || /^["“]/.test(text);
    quotes = afterBlock(text, quotes);
    if (quoted) continue;
    const article = DIEU.exec(text);
    if (article) {
      const number = article[1].toLowerCase();
      const own = `dieu-${anchorPart(number)}`;
      const count = (seen.get(own) ?? 0) + 1;
      seen.set(own, count);
      dieu = { number, title: article[2], anchor: count === 1 ? own : `${own}-${count}` };
      khoan = 0;
      continue;
    }
    if (DIVISION.test(text) || CLOSING.test(text)) {
      dieu = null;
      continue;
    }
    const clause = dieu && KHOAN.exec(text);
    if (clause) {
      const n = Number(clause[1]);
      if (n > khoan && n <= khoan + 3) khoan = n;
    }
  }
  if (!dieu) return null;
  const title = shortTitle(dieu.title);
  const head = `Điều ${dieu.number}${title ? `. ${title}` : ''}`;
  return khoan
    ? { label: `${head} — khoản ${khoan}`, anchor: `${dieu.anchor}-khoan-${khoan}` }
    : { label: head, anchor: dieu.anchor };
}
