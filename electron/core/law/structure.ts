/**
 * The structure of a Vietnamese legal document, read from its blocks: Phần, Chương, Mục, Tiểu
 * mục, Điều, Khoản ("1."), Điểm ("a)"), and after the articles the appendices (Phụ lục) and forms
 * (Mẫu số). Law 80/2015/QH13 (Articles 60–61) fixes this layout; texts from PDFs and the web keep
 * it line by line, one block a line, with a division's name in capitals on the next line:
 *
 *   Chương I                      → chuong-i, heading "NHỮNG QUY ĐỊNH CHUNG"
 *   NHỮNG QUY ĐỊNH CHUNG
 *   Điều 2. Giải thích từ ngữ     → dieu-2
 *   1. Chỗ ở hợp pháp là …        → dieu-2-khoan-1
 *   a) Người bị …                 → dieu-2-khoan-1-diem-a
 *
 * Anchors (shared with the reader and search): lowercase, accents folded, dash-separated;
 * `dieu-5a`, `chuong-ii-muc-1` (a Mục inside its Chương), `phan-thu-nhat` or `phan-1`, `phu-luc-i`,
 * `mau-so-01`. "đ" is folded to "dd" (as typed in Telex), because điểm d and điểm đ both exist:
 * `dieu-4-khoan-2-diem-dd`. An anchor met twice (a decision's own Điều 1 and the Điều 1 of the
 * regulation it issues, two appendices with a Mẫu số 01 each) takes `-2`, `-3` on its repeats.
 *
 * Quoted text is not structure. An amending document quotes the new wording of another
 * document's articles ("Điều 3 được sửa đổi như sau: “1. …”"); those quoted Điều and khoản are
 * content of the amending Điều that quotes them, never the document's own. A block is quoted when
 * a quotation (“…” or "…") is open at its start or it opens one; quotations may span many blocks.
 *
 * A line that only looks like a heading (a reference wrapped onto its own line, "Điều 11 của Luật
 * này.") is told apart by form: "Điều N." (or "Điều N:") is always an article; a bare "Điều N" or
 * "Điều N Tên" only when N is the next article number. Khoản and điểm must follow in order too.
 */
import { blockText } from '../archive/layout';
import type { Block } from '../model';
import { foldDiacritics } from '../text/vietnamese';

export type SectionKind =
  'phan' | 'chuong' | 'muc' | 'tieu-muc' | 'dieu' | 'khoan' | 'diem' | 'phu-luc' | 'mau';

export interface Section {
  kind: SectionKind;
  /** The number as printed: "II", "12", "5a", "thứ nhất", "01", "a"; "" for an unnumbered Phụ lục. */
  number: string;
  /** How the document names it: "Chương II", "Điều 12", "Khoản 2", "Điểm a", "Phụ lục I". */
  label: string;
  /** Its name, when it has one ("NHỮNG QUY ĐỊNH CHUNG", "Phạm vi điều chỉnh"). */
  heading: string | null;
  /** The element id in the reader and the URL fragment: "dieu-12", "dieu-12-khoan-2". */
  anchor: string;
  /** Range of body blocks: the first (its heading line) and one past the last. */
  start: number;
  end: number;
  children: Section[];
}

export interface LawStructure {
  sections: Section[];
  /** Điều found (the document's own, not quoted ones). */
  articles: number;
  /** Blocks that start a quoted Điều (inside an amendment), left as content. */
  quotedArticles: number;
}

const LEVEL: Record<SectionKind, number> = {
  phan: 1,
  chuong: 2,
  muc: 3,
  'tieu-muc': 4,
  dieu: 5,
  khoan: 6,
  diem: 7,
  'phu-luc': 1,
  mau: 2,
};

const NAMES: Record<SectionKind, string> = {
  phan: 'Phần',
  chuong: 'Chương',
  muc: 'Mục',
  'tieu-muc': 'Tiểu mục',
  dieu: 'Điều',
  khoan: 'Khoản',
  diem: 'Điểm',
  'phu-luc': 'Phụ lục',
  mau: 'Mẫu số',
};

/** The letters of điểm, in the order of the Vietnamese alphabet (no f, j, w, z). */
const POINT_LETTERS = 'abcdđeghiklmnopqrstuvxy';

const ROMAN = '[IVXLC]+';
const ORDINAL = 'thứ\\s+[\\p{L}]+(?:\\s+[\\p{L}]+)?';
const DIVISION = new RegExp(
  `^(phần|chương|tiểu mục|mục)\\s+(${ORDINAL}|${ROMAN}|\\d+)(?![\\p{L}\\d])\\s*(.*)$`,
  'iu',
);
const ARTICLE = /^điều\s+(\d+[a-zđ]?)(?![\p{L}\d])\s*(.*)$/iu;
const APPENDIX = new RegExp(
  `^phụ\\s+lục(?:\\s+(?:số\\s+)?(${ROMAN}|\\d+[a-z]?))?(?![\\p{L}\\d])\\s*(.*)$`,
  'iu',
);
const FORM = /^mẫu\s+số\s*:?\s*(\d+[a-z]?(?:[./-]\d+)*)(?![\p{L}\d])\s*(.*)$/iu;
const CLAUSE = /^(\d{1,3})\.\s+\S/;
const POINT = /^([a-zđ])\)\s*\S/u;
/** The closing lines of a document: its adoption clause, signature block, recipients. */
const CLOSING =
  /^(nơi nhận\s*:|(?:bộ luật|luật|hiến pháp|nghị quyết|pháp lệnh) này (?:đã )?được (?:quốc hội|ủy ban thường vụ|uỷ ban thường vụ))/iu;

/** An anchor's part for a number: lowercase, folded, "đ" as "dd", spaces and dots as dashes. */
export function anchorPart(text: string): string {
  return foldDiacritics(text.replace(/đ/g, 'dd').replace(/Đ/g, 'dd'))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The anchor of a section of this kind and number, inside `parent` for Mục, khoản and điểm. */
export function anchorOf(kind: SectionKind, number: string, parent: string | null): string {
  const own =
    kind === 'mau'
      ? `mau-so-${anchorPart(number)}`
      : number
        ? `${kind}-${anchorPart(number)}`
        : kind;
  const nested = kind === 'khoan' || kind === 'diem' || kind === 'muc' || kind === 'tieu-muc';
  return nested && parent ? `${parent}-${own}` : own;
}

/** The anchor of a place in a document: Điều, with its khoản and điểm when given. */
export function articleAnchor(dieu: string, khoan?: string | null, diem?: string | null): string {
  let anchor = anchorOf('dieu', dieu, null);
  if (khoan) anchor = anchorOf('khoan', khoan, anchor);
  if (diem) anchor = anchorOf('diem', diem, anchor);
  return anchor;
}

function articleNumber(number: string): { n: number; letter: string } {
  const m = number.match(/^(\d+)(.*)$/)!;
  return { n: Number(m[1]), letter: m[2] };
}

function isHeadingLine(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return (
    text.length > 0 &&
    text.length <= 300 &&
    letters.length > 1 &&
    letters === letters.toUpperCase() &&
    !ARTICLE.test(text) &&
    !DIVISION.test(text)
  );
}

/** Heading text after a label: what follows "Điều 12." or "Chương I –", else null. */
function trailingHeading(rest: string): string | null {
  // A footnote's number stuck to the last word by the PDF text ("Điều khoản thi hành5") goes.
  const text = rest
    .replace(/^[.:\-–—]\s*/, '')
    .replace(/(?<=\p{Ll})\d{1,2}$/u, '')
    .trim();
  return text === '' ? null : text;
}

interface Open {
  section: Section;
  level: number;
}

interface Quotes {
  curly: number;
  straight: boolean;
}

/** Whether the block is inside or opens a quotation; updates the state for the next block. */
function quoted(text: string, state: Quotes): boolean {
  const inside = state.curly > 0 || state.straight;
  const opensHere = /^\s*[“"']/.test(text) && !/^\s*'/.test(text);
  const opens = (text.match(/“/g) ?? []).length;
  const closes = (text.match(/”/g) ?? []).length;
  state.curly = Math.max(0, state.curly + opens - closes);
  if ((text.match(/"/g) ?? []).length % 2 === 1) state.straight = !state.straight;
  return inside || opensHere;
}

/** Blocks whose text can be a heading line: paragraphs, headings and list items. */
function lineOf(block: Block): string | null {
  if (block.type !== 'p' && block.type !== 'heading' && block.type !== 'li') return null;
  return blockText(block).trim();
}

/** The structure of a document, or null when it has no Điều, Chương or Phụ lục at all. */
export function parseStructure(blocks: readonly Block[]): LawStructure | null {
  return readStructure(blocks).structure;
}

/**
 * The structure, and for each block whether it was taken as quoted text. Quotation marks before
 * the first heading (the preamble, a consolidated text's footnotes on its bases) are not followed:
 * a footnote cut off by a page break leaves its quotation open, and nothing is quoted there anyway.
 */
export function readStructure(blocks: readonly Block[]): {
  structure: LawStructure | null;
  quoted: boolean[];
  /** Blocks of "Điều N." lines left as text because the next Điều in sequence comes later. */
  outOfSequence: number[];
} {
  const roots: Section[] = [];
  const outOfSequence: number[] = [];
  // Where each "Điều N." line is, to tell a stray one (an unmarked quotation, a reference that
  // starts a line) from a gap the document really has.
  const articleLines = new Map<string, number[]>();
  blocks.forEach((block, i) => {
    const m = lineOf(block)?.match(/^điều\s+(\d+[a-zđ]?)\s*[.:]/iu);
    if (m)
      articleLines.set(m[1].toLowerCase(), [...(articleLines.get(m[1].toLowerCase()) ?? []), i]);
  });
  const comesLater = (number: string, i: number) =>
    (articleLines.get(number) ?? []).some((at) => at > i);
  const open: Open[] = [];
  const used = new Map<string, number>();
  const quotes: Quotes = { curly: 0, straight: false };
  const inQuote: boolean[] = [];
  let lastArticle: { n: number; letter: string } | null = null;
  let articles = 0;
  let quotedArticles = 0;

  /**
   * A quotation open before an article line that no later text closes was cut (a PDF lost its
   * closing mark): it ends there, and the article is the document's own.
   */
  const neverCloses = (i: number) => {
    const line = lineOf(blocks[i]);
    if (!line || !/^điều\s+\d+[a-zđ]?\s*[.:]/iu.test(line)) return false;
    let curly = quotes.curly;
    let straight = quotes.straight;
    for (let j = i; j < blocks.length; j++) {
      const text = blockText(blocks[j]);
      for (const c of text) {
        if (c === '“') curly++;
        else if (c === '”' && --curly <= 0 && !straight) return false;
        else if (c === '"' && (straight = !straight) === false && curly <= 0) return false;
      }
    }
    return true;
  };
  const unique = (anchor: string) => {
    const count = (used.get(anchor) ?? 0) + 1;
    used.set(anchor, count);
    return count === 1 ? anchor : `${anchor}-${count}`;
  };
  const closeFrom = (level: number, at: number) => {
    while (open.length && open[open.length - 1].level >= level) open.pop()!.section.end = at;
  };
  const current = (kind: SectionKind) => {
    for (let i = open.length - 1; i >= 0; i--) if (open[i].section.kind === kind) return open[i];
    return null;
  };
  const push = (
    kind: SectionKind,
    number: string,
    heading: string | null,
    at: number,
    level = LEVEL[kind],
  ) => {
    closeFrom(level, at);
    const parent = open.length ? open[open.length - 1].section : null;
    const anchorParent =
      kind === 'muc' ? (current('chuong')?.section.anchor ?? null) : (parent?.anchor ?? null);
    const section: Section = {
      kind,
      number,
      label: number ? `${NAMES[kind]} ${number}` : NAMES[kind],
      heading,
      anchor: unique(anchorOf(kind, number, anchorParent)),
      start: at,
      end: blocks.length,
      children: [],
    };
    (parent ? parent.children : roots).push(section);
    open.push({ section, level });
    return section;
  };
  /** The next block as a heading, when it is a line in capitals. */
  const nextHeading = (i: number): string | null => {
    const next = blocks[i + 1] ? lineOf(blocks[i + 1]) : null;
    return next && isHeadingLine(next) ? next : null;
  };

  for (let i = 0; i < blocks.length; i++) {
    if (roots.length === 0 || (quotes.curly + Number(quotes.straight) > 0 && neverCloses(i))) {
      Object.assign(quotes, { curly: 0, straight: false });
    }
    inQuote[i] = quoted(blockText(blocks[i]), quotes);
    const text = lineOf(blocks[i]);
    if (text === null) continue;
    if (inQuote[i]) {
      if (/^\s*[“"]?\s*điều\s+\d+[a-zđ]?\s*[.:]/iu.test(text)) quotedArticles++;
      continue;
    }
    if (CLOSING.test(text) && articles > 0 && open.length) {
      closeFrom(0, i);
      continue;
    }
    const appendixOpen = current('phu-luc') ?? current('mau');

    const article = appendixOpen ? null : text.match(ARTICLE);
    if (article) {
      const number = article[1].toLowerCase();
      const rest = article[2];
      const { n, letter } = articleNumber(number);
      const punctuated = /^[.:]/.test(rest);
      const inOrder =
        lastArticle === null
          ? n === 1
          : (n === lastArticle.n + 1 && letter === '') ||
            (n === lastArticle.n && letter > lastArticle.letter);
      const named = rest === '' || /^\p{Lu}/u.test(rest);
      // Out of sequence (not a restart at Điều 1) while the next Điều in sequence is still to
      // come: this line is text of the current Điều, not an article of its own.
      const stray =
        lastArticle !== null &&
        !inOrder &&
        !(n === 1 && letter === '') &&
        comesLater(String(lastArticle.n + 1), i);
      if (stray && punctuated) outOfSequence.push(i);
      else if (punctuated || (inOrder && named && text.length <= 300)) {
        let heading = trailingHeading(rest);
        if (heading === null && rest.replace(/^[.:]/, '').trim() === '') {
          const next = blocks[i + 1] ? lineOf(blocks[i + 1]) : null;
          if (next && next.length <= 120 && !CLAUSE.test(next) && !/[:;,]$/.test(next)) {
            heading = next;
          }
        }
        push('dieu', number, heading, i);
        lastArticle = { n, letter };
        articles++;
        continue;
      }
    }

    const division = appendixOpen ? null : text.match(DIVISION);
    if (division && text.length <= 300) {
      const kind = anchorPart(division[1]) as SectionKind;
      const rest = division[3];
      if (rest === '' || /^[.:\-–—]/.test(rest) || isHeadingLine(rest)) {
        const number = division[2].replace(/\s+/g, ' ');
        const heading = trailingHeading(rest) ?? nextHeading(i);
        push(
          kind,
          /^[ivxlc]+$/i.test(number) ? number.toUpperCase() : number.toLowerCase(),
          heading,
          i,
        );
        continue;
      }
    }

    const appendix = text.match(APPENDIX);
    if (appendix && text.length <= 300) {
      const rest = appendix[2];
      if (
        rest === '' ||
        (/^[.:\-–—]/.test(rest) && rest.length <= 160) ||
        /^\(\s*(ban hành )?kèm theo/iu.test(rest) ||
        isHeadingLine(rest)
      ) {
        const number = appendix[1] ? appendix[1].toUpperCase() : '';
        const heading = trailingHeading(rest.replace(/^\(.*\)$/u, '')) ?? nextHeading(i);
        push('phu-luc', number, heading, i);
        continue;
      }
    }

    const form = text.match(FORM);
    if (form && text.length <= 300 && (appendixOpen || !current('dieu'))) {
      const rest = form[2];
      if (rest === '' || /^[.:\-–—/(]/.test(rest) || isHeadingLine(rest)) {
        const inAppendix = current('phu-luc') !== null;
        push('mau', form[1], trailingHeading(rest), i, inAppendix ? 2 : 1);
        continue;
      }
    }
    if (appendixOpen) continue;

    const article_ = current('dieu');
    if (!article_ || open[open.length - 1].level < LEVEL.dieu) continue;
    const clause = text.match(CLAUSE);
    if (clause) {
      const n = Number(clause[1]);
      const open_ = current('khoan');
      const last = open_ ? Number(open_.section.number) : 0;
      if (n > last && n <= last + 2) {
        closeFrom(LEVEL.khoan, i);
        push('khoan', String(n), null, i);
        continue;
      }
    }
    const point = text.match(POINT);
    if (point) {
      const letter = point[1];
      const previous = current('diem');
      const last = previous ? POINT_LETTERS.indexOf(previous.section.number) : -1;
      const at = POINT_LETTERS.indexOf(letter);
      if (at > last && at <= last + 2 && (previous || at <= 1)) {
        closeFrom(LEVEL.diem, i);
        push('diem', letter, null, i);
        continue;
      }
    }
  }
  closeFrom(0, blocks.length);
  if (roots.length === 0) return { structure: null, quoted: inQuote, outOfSequence };
  fixEnds(roots, blocks.length);
  return {
    structure: { sections: roots, articles, quotedArticles },
    quoted: inQuote,
    outOfSequence,
  };
}

/** A section ends where its parent ends at the latest; an early close keeps its own end. */
function fixEnds(sections: Section[], limit: number) {
  for (const section of sections) {
    if (section.end > limit) section.end = limit;
    fixEnds(section.children, section.end);
  }
}

/** Every section, depth first, in document order. */
export function* walk(sections: readonly Section[]): Generator<Section> {
  for (const section of sections) {
    yield section;
    yield* walk(section.children);
  }
}

/** The Điều of the document, in order. */
export function articlesOf(structure: LawStructure): Section[] {
  return [...walk(structure.sections)].filter((s) => s.kind === 'dieu');
}

/** The innermost sections holding a block: from the outermost (Chương) to the innermost (điểm). */
export function sectionsAt(structure: LawStructure, block: number): Section[] {
  const path: Section[] = [];
  let level: readonly Section[] = structure.sections;
  for (;;) {
    const inside = level.find((s) => s.start <= block && block < s.end);
    if (!inside) return path;
    path.push(inside);
    level = inside.children;
  }
}

/** The section with this anchor, if any. */
export function findAnchor(structure: LawStructure, anchor: string): Section | null {
  for (const section of walk(structure.sections)) if (section.anchor === anchor) return section;
  return null;
}
