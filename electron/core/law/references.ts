/**
 * References an official document makes to others, read from its text alone (pure: no store).
 *
 * Only statements whose subject is the document itself count, so a document's relations are not
 * confused with the relations of the documents it describes:
 * - "Căn cứ …" lines (the legal basis): every numbered document named there is cited, and a
 *   basis named without a number ("Căn cứ Luật Tổ chức Chính phủ") is cited by its name;
 * - the title ("Nghị định sửa đổi, bổ sung một số điều của Nghị định số …"), an article heading
 *   that acts ("Điều 1. Sửa đổi, bổ sung …", "Điều 3. Bãi bỏ …"), a clause that starts with the
 *   act ("1. Bãi bỏ Thông tư số …"), and a sentence whose subject is "<type> này" ("Thông tư này
 *   … thay thế Thông tư số …", "Nghị định này quy định chi tiết … Luật … số …", "Thông tư số …
 *   hết hiệu lực kể từ ngày Thông tư này có hiệu lực");
 * - a passive "được sửa đổi, bổ sung bởi …" never makes this document the actor.
 * Replacing or repealing a part of a document ("bãi bỏ khoản 3 Điều 5 của Thông tư số …") is
 * recorded as an amendment: the document itself stays in force.
 */
import { nfc } from '../text/vietnamese';

export type RelationKind = 'cites' | 'amends' | 'replaces' | 'repeals' | 'guides';

export const RELATION_KINDS: readonly RelationKind[] = [
  'cites',
  'amends',
  'replaces',
  'repeals',
  'guides',
];

export interface Reference {
  kind: RelationKind;
  /** The number as printed ("154/2024/NĐ-CP"), when the reference has one. */
  number?: string;
  /** The type named before it ("Nghị định", "Luật"). */
  type?: string;
  /** The name when printed ("Luật Đấu thầu"), without the number or date. */
  name?: string;
  /** ISO date printed after it ("ngày 23 tháng 9 năm 2019"). */
  date?: string;
  /** The sentence the reference was read from (at most 400 characters). */
  text: string;
  /** The block of the body it was read from; -1 for the title. */
  blockIndex: number;
}

/** Document types, longest first so "Thông tư liên tịch" wins over "Thông tư". */
const TYPES = [
  'Thông tư liên tịch',
  'Nghị quyết liên tịch',
  'Bộ luật',
  'Luật',
  'Hiến pháp',
  'Pháp lệnh',
  'Nghị định',
  'Nghị quyết',
  'Thông tư',
  'Quyết định',
  'Chỉ thị',
  'Lệnh',
  'Văn bản hợp nhất',
];
const TYPE_SOURCE = TYPES.map((t) => t.replace(/ /g, '\\s+')).join('|');
/** A type as printed before a name: capitalised or in capitals ("Luật", "LUẬT"), not "pháp luật". */
const NAMED_TYPE_RE = new RegExp(
  `(?<![\\p{L}])(${[...TYPES, ...TYPES.map((t) => t.toUpperCase())].map((t) => t.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}])`,
  'gu',
);
/** "<type> này": the document speaking of itself. */
const SELF_RE = new RegExp(`(?<![\\p{L}])(?:${TYPE_SOURCE})\\s+này(?![\\p{L}])`, 'iu');
const SELF_ALL_RE = new RegExp(SELF_RE.source, 'giu');

const LETTER = 'A-ZĐÐ';
/**
 * A document number: "68/2020/QH14", "154/2024/NĐ-CP", "1234/QĐ-UBND", "66.19/2026/NQ-CP",
 * "03/2016/TTLT-BCA-BQP". Dates ("01/7/2016") have no letters and never match.
 */
const NUMBER_RE = new RegExp(
  `(?<![\\p{L}\\d/.\\-–])(\\d{1,5}(?:\\.\\d{1,3})?(?:\\s?/\\s?\\d{4})?\\s?/\\s?[${LETTER}][${LETTER}0-9]*(?:\\s?[-–—‑]\\s?[${LETTER}][${LETTER}0-9a-zđ]*)*)(?![\\p{L}\\d])`,
  'gu',
);

const ONE_NUMBER_RE = new RegExp(NUMBER_RE.source, 'u');

/** A number as a key: NFC, no spaces, one kind of dash and of Đ, capitals ("154/2024/NĐ-CP"). */
export function normalizeNumber(number: string): string {
  return nfc(number)
    .replace(/\s+/g, '')
    .replace(/[–—‑−]/g, '-')
    .replace(/[Ðđ]/g, 'Đ')
    .toUpperCase();
}

const ACT_SOURCE = {
  amends: 'sửa\\s+đổi(?:\\s*,?\\s*bổ\\s+sung)?',
  replaces: 'thay\\s+thế',
  repeals: 'bãi\\s+bỏ',
  guides: 'quy\\s+định\\s+chi\\s+tiết|hướng\\s+dẫn(?:\\s+thi\\s+hành)?',
} as const;
type Act = keyof typeof ACT_SOURCE;
const ACT_RE = new RegExp(
  Object.entries(ACT_SOURCE)
    .map(([k, s]) => `(?<${k}>${s})`)
    .join('|'),
  'giu',
);
const EXPIRES_RE = /hết\s+hiệu\s+lực/giu;
/** Words that make an act concern a part of a document, not the whole of it. */
const PART_RE =
  /(?<![\p{L}])(?:điều|khoản|điểm|chương|mục|phần|phụ\s+lục|cụm\s+từ|mẫu|biểu|tên|nội\s+dung|quy\s+định\s+tại)(?![\p{L}])/iu;
/** What may stand between two documents of one list ("… số A và Nghị định số B"). */
const DESCRIPTIVE_RE =
  /quy\s+định|hướng\s+dẫn|sửa\s+đổi|bổ\s+sung|thay\s+thế|bãi\s+bỏ|thi\s+hành|hiệu\s+lực|áp\s+dụng|điều\s+chỉnh|ban\s+hành|(?<![\p{L}])về(?![\p{L}])/iu;
/** Words before an act that make it a noun or passive (the acting document is another). */
const NOT_AN_ACT_RE =
  /(?<![\p{L}])(?:được|bị|theo|thủ\s+tục|trình\s+tự|việc|đề\s+nghị|hồ\s+sơ|yêu\s+cầu|văn\s+bản)\s*$/iu;
const NAMED_BY_ACT_RE = new RegExp(`(?<![\\p{L}])(?:${TYPE_SOURCE})\\s*$`, 'iu');
/**
 * A clause that starts with an act: "Điều 3. Bãi bỏ …", "1. Thay thế …", "a) Bãi bỏ …", or a
 * capitalised "Sửa đổi, bổ sung …" (a lower-case one continues a sentence cut by a line break).
 */
const LEADING_ACT_RE = new RegExp(
  `^(?:[Đđ]iều\\s+\\d+\\w?\\s*[.:]\\s*|(?:\\d+(?:\\.\\d+)*|[a-zđ])\\s*[.)]\\s*|[-–•+]\\s*)?(?<act>${Object.values(ACT_SOURCE).join('|')})`,
  'iu',
);

interface Found {
  start: number;
  end: number;
  number: string;
  type?: string;
  name?: string;
  date?: string;
}

/** Every numbered document in `text`, with the type and name printed before it and its date. */
function numbers(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = text.slice(Math.max(0, start - 200), start);
    // "Mẫu số 05/TNDN", "Biểu số 01/BCTC": a form, not a document.
    if (/(?<![\p{L}])(?:mẫu|biểu|phụ\s+lục|mã)(?:\s+số)?\s*$/iu.test(before)) continue;
    const f: Found = { start, end, number: m[1] };
    let typeAt = -1;
    let typeText = '';
    for (const t of before.matchAll(NAMED_TYPE_RE)) {
      typeAt = t.index;
      typeText = t[1];
    }
    const between = typeAt >= 0 ? before.slice(typeAt) : '';
    // The type belongs to this number when nothing but its name lies between ("Luật Đấu thầu số").
    if (
      typeAt >= 0 &&
      !/[;:]/.test(between) &&
      !ONE_NUMBER_RE.test(between.slice(typeText.length))
    ) {
      f.type = canonicalType(typeText);
      const name = between
        .replace(/[\s,]*(?:số(?:\s*:)?|số\s+hiệu)?\s*$/iu, '')
        .replace(/\s+/g, ' ')
        .trim();
      if (name.length > f.type.length && name.length <= 160) f.name = name;
    }
    const date = printedDate(text.slice(end, end + 40));
    if (date) f.date = date;
    found.push(f);
  }
  return found;
}

function canonicalType(printed: string): string {
  const lower = printed.replace(/\s+/g, ' ').toLowerCase();
  return TYPES.find((t) => t.toLowerCase() === lower) ?? printed;
}

/** "ngày 23 tháng 9 năm 2019" or "ngày 01/7/2016" at the start of `text`. */
export function printedDate(text: string): string | undefined {
  const m =
    /^[\s,]*ngày\s+(\d{1,2})\s*(?:tháng\s*(\d{1,2})\s*năm\s*(\d{4})|[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}))/iu.exec(
      text,
    );
  if (!m) return undefined;
  return isoDate(Number(m[3] ?? m[5]), Number(m[2] ?? m[4]), Number(m[1]));
}

export function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200)
    return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCDate() !== day) return undefined;
  return d.toISOString().slice(0, 10);
}

/** Sentences of a block: ". " followed by a capital (numbers like "66.19" stay whole). */
function sentences(text: string): Array<{ text: string; offset: number }> {
  const out: Array<{ text: string; offset: number }> = [];
  let last = 0;
  for (const m of text.matchAll(/(?<=[.!?])\s+(?=[\p{Lu}\d])/gu)) {
    out.push({ text: text.slice(last, m.index), offset: last });
    last = m.index + m[0].length;
  }
  out.push({ text: text.slice(last), offset: last });
  return out.filter((s) => s.text.trim());
}

function excerpt(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 400 ? `${t.slice(0, 399)}…` : t;
}

function toReference(kind: RelationKind, f: Found, text: string, blockIndex: number): Reference {
  const r: Reference = { kind, number: f.number, text: excerpt(text), blockIndex };
  if (f.type) r.type = f.type;
  if (f.name) r.name = f.name;
  if (f.date) r.date = f.date;
  return r;
}

/** Where a document's name ends: its date, a description, a parenthesis, another document. */
const NAME_END_RE = new RegExp(
  `\\s+(?:ngày\\s+\\d|năm\\s+\\d|số\\s*:?\\s*(?:\\d|$)|bao\\s+gồm|trên|theo|thuộc|đã|được|về|trong|đối\\s+với|có\\s+hiệu|và\\s+các|và\\s+biện|và\\s+(?:${TYPE_SOURCE}))(?![\\p{L}])|\\s*[(“"]|[.:]`,
  'iu',
);

/** The head of a basis without a number: "Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025". */
function namedBasis(segment: string): { type: string; name: string; date?: string } | null {
  const m = new RegExp(`^\\s*(${TYPE_SOURCE})(?![\\p{L}])`, 'iu').exec(segment);
  if (!m) return null;
  // "Nghị định số …/…/NĐ-CP ngày …": a form to fill in; "Nghị quyết của Quốc hội về …": a kind
  // of document, not one named.
  const after = segment.slice(m.index + m[0].length);
  if (/^\s*(?:số|của|về|này|đó|khác|các|có|liên\s+quan|hiện\s+hành|mới)(?![\p{L}])/iu.test(after))
    return null;
  const cut = segment.search(NAME_END_RE);
  const name = (cut >= 0 ? segment.slice(0, cut) : segment).replace(/[\s.;,]+$/u, '').trim();
  if (name.length <= m[1].length || name.length > 160) return null;
  const date = cut >= 0 ? printedDate(segment.slice(cut)) : undefined;
  return { type: canonicalType(m[1]), name, ...(date ? { date } : {}) };
}

/** "Căn cứ …": every numbered document cited, and a basis named without a number. */
function basis(text: string, blockIndex: number): Reference[] {
  const out: Reference[] = [];
  const body = text.replace(/^\s*căn\s+cứ\s*(?:vào\s*)?/iu, '');
  const offset = text.length - body.length;
  let at = 0;
  for (const segment of body.split(/;/)) {
    const found = numbers(segment);
    const whole = text.slice(offset + at, offset + at + segment.length);
    at += segment.length + 1;
    if (found.length) {
      for (const f of found) out.push(toReference('cites', f, text, blockIndex));
      continue;
    }
    const named = namedBasis(segment);
    if (named) out.push({ kind: 'cites', ...named, text: excerpt(whole), blockIndex });
  }
  return out;
}

/** The act a match of ACT_RE names. */
function actOf(m: RegExpMatchArray): Act {
  return (Object.keys(ACT_SOURCE) as Act[]).find((k) => m.groups?.[k] !== undefined)!;
}

/** Where the nearest "<type> này" before `at` ends, or -1. */
function selfBefore(sentence: string, at: number): number {
  let end = -1;
  for (const m of sentence.slice(0, at).matchAll(SELF_ALL_RE)) end = m.index + m[0].length;
  return end;
}

/** A document named without a number at the head of `segment` ("của Luật Đấu thầu …"). */
function namedTarget(segment: string): { type: string; name: string } | null {
  const m = new RegExp(
    `^[^;]{0,80}?(?:của|tại)\\s+((?:${TYPE_SOURCE})\\s+[A-ZĐ\\p{Lu}][^;]*)`,
    'u',
  ).exec(segment);
  if (!m || !/^\p{Lu}/u.test(m[1])) return null;
  const n = namedBasis(m[1]);
  return n && n.name.split(' ').length > n.type.split(' ').length ? n : null;
}

/**
 * Acts in one sentence. An act is the document's own when "<type> này" comes before it with no
 * other document between, or when the sentence starts with it and `free` allows that (`free`:
 * 'all' in the title, 'whole' in a clause that starts with an act, where "guides" needs the
 * subject). The documents acted on follow the act: the first, and those listed after it with
 * nothing descriptive between.
 */
function acts(
  sentence: string,
  blockIndex: number,
  free: 'all' | 'whole' | 'none',
  block: string,
): Reference[] {
  const self = SELF_RE.test(sentence);
  if (free === 'none' && !self) return [];
  const out: Reference[] = [];
  const found = numbers(sentence);
  const actMatches = [...sentence.matchAll(ACT_RE)];
  let previousActEnd = -1;
  for (const [i, m] of actMatches.entries()) {
    const at = m.index;
    const act = actOf(m);
    // "quy định chi tiết và hướng dẫn thi hành": one act.
    const joined =
      previousActEnd >= 0 && /^\s*(?:và|,)\s*$/u.test(sentence.slice(previousActEnd, at));
    previousActEnd = at + m[0].length;
    if (joined) continue;
    // Passive: the document named before is the one acted on by another ("được sửa đổi bởi").
    // A noun, not an act: "theo hướng dẫn tại …", "thủ tục sửa đổi, bổ sung Quyết định giao …".
    const lead = sentence.slice(Math.max(0, at - 24), at);
    if (NOT_AN_ACT_RE.test(lead)) continue;
    // Part of a name: "Luật sửa đổi, bổ sung một số điều của Luật …" (the title field, which
    // starts with the document's own type, aside).
    if (blockIndex >= 0 && NAMED_BY_ACT_RE.test(lead)) continue;
    const subject = selfBefore(sentence, at);
    const lastNumber = found.filter((f) => f.end <= at).pop()?.end ?? -1;
    const own =
      subject > lastNumber ||
      (lastNumber < 0 && (free === 'all' || (free === 'whole' && act !== 'guides')));
    if (!own) continue;
    let nextAct = actMatches[i + 1]?.index ?? sentence.length;
    for (let k = i + 1; k < actMatches.length; k++) {
      const prevEnd = actMatches[k - 1].index + actMatches[k - 1][0].length;
      if (!/^\s*(?:và|,)\s*$/u.test(sentence.slice(prevEnd, actMatches[k].index))) break;
      nextAct = actMatches[k + 1]?.index ?? sentence.length;
    }
    const actEnd = previousActEnd;
    const after = found.filter((f) => f.start >= actEnd && f.start < nextAct);
    let previous = actEnd;
    const head = sentence.slice(actEnd, after[0]?.start ?? nextAct);
    const named = act === 'amends' || act === 'guides' ? namedTarget(head) : null;
    if (named && !(after[0] && after[0].name?.startsWith(named.name)))
      out.push({ kind: act, ...named, text: excerpt(block), blockIndex });
    for (const [j, f] of after.entries()) {
      const gap = sentence.slice(previous, f.start);
      if (j > 0 && (DESCRIPTIVE_RE.test(gap) || !/[;,]|(?<![\p{L}])và(?![\p{L}])/u.test(gap)))
        break;
      // "bãi bỏ khoản 3 Điều 5 của Thông tư số …" concerns a part: an amendment.
      const partial = act !== 'guides' && isPartial(gap);
      out.push(toReference(partial ? 'amends' : act, f, block, blockIndex));
      previous = f.end;
    }
  }
  // "Thông tư số … hết hiệu lực kể từ ngày Thông tư này có hiệu lực": the documents before it.
  for (const m of sentence.matchAll(EXPIRES_RE)) {
    if (!self && free !== 'all') break;
    const clauseStart = sentence.lastIndexOf(':', m.index) + 1;
    let previous = clauseStart;
    let described = false;
    for (const f of found.filter((x) => x.start >= clauseStart && x.end <= m.index)) {
      // Each document listed as a subject starts its own clause ("…; Thông tư số B … hết hiệu
      // lực"); one named inside another's description ("… quy định chi tiết Luật số C") does not.
      const clause = sentence.lastIndexOf(';', f.start) + 1;
      if (clause > previous) described = false;
      const gap = sentence.slice(Math.max(previous, clause), f.start);
      previous = f.end;
      // Everything after a description, up to the next ";", belongs to it.
      if (described || DESCRIPTIVE_RE.test(gap)) {
        described = true;
        continue;
      }
      out.push(toReference(isPartial(gap) ? 'amends' : 'repeals', f, block, blockIndex));
    }
  }
  return out;
}

/** The words before a document concern a part of it ("khoản 3 Điều 5 của"), "một số điều" aside. */
function isPartial(gap: string): boolean {
  return PART_RE.test(gap.replace(/(?:một\s+số|các)\s+điều(?![\p{L}])/giu, ''));
}

/** Blocks before the legal basis or the first article: where the title is printed. */
function titleEnd(blocks: readonly string[]): number {
  const i = blocks.findIndex((b) =>
    /^\s*(?:căn\s+cứ|điều\s+1\b|chương\s+[I1]\b|phần\s+(?:thứ\s+nhất|I)\b)/iu.test(b),
  );
  return i < 0 ? Math.min(blocks.length, 12) : i;
}

/**
 * The first article or part after the legal basis, which is printed before it: a "Căn cứ …" in
 * a provision or an annexed form is not the document's basis. (A consolidated text's heading may
 * number its sources before the basis of the text it consolidates.)
 */
function bodyStart(blocks: readonly string[]): number {
  const basis = blocks.findIndex((b) => /^\s*căn\s+cứ/iu.test(b));
  const i = blocks.findIndex(
    (b, k) =>
      k > basis && /^\s*(?:điều\s+1\s*[.:]|chương\s+[I1]\b|phần\s+(?:thứ\s+nhất|I)\b)/iu.test(b),
  );
  return i < 0 ? blocks.length : i;
}

/**
 * The references of a document to others. `blocks` are the texts of its body blocks in order;
 * `ownNumber` (its own số hiệu) is never a reference.
 */
export function findReferences(
  blocks: readonly string[],
  options: { title?: string | null; ownNumber?: string | null; type?: string | null } = {},
): Reference[] {
  const texts = blocks.map((b) => nfc(b));
  const out: Reference[] = [];
  // A consolidated text (VBHN) lists the documents it merges in its heading: not its own acts.
  const consolidated = options.type === 'Văn bản hợp nhất' || /VBHN/i.test(options.ownNumber ?? '');
  const inTitle = consolidated ? 0 : titleEnd(texts);
  const own = unquoted(texts);
  const preamble = bodyStart(texts);
  /** A list introduced by an act ("Bãi bỏ các văn bản sau:") continues on the following items. */
  let listAct: { act: string; free: boolean } | null = null;
  for (const [i, text] of texts.entries()) {
    if (i < preamble && /^\s*căn\s+cứ/iu.test(text)) {
      out.push(...basis(text, i));
      listAct = null;
      continue;
    }
    // Acts are read from the document's own words: what it quotes (the provisions an amending
    // document inserts, "“Điều 1. … Thông tư này quy định …”") is blanked out.
    const mine = own[i];
    const lead = LEADING_ACT_RE.exec(mine);
    // A government resolution's clauses list plans ("- Sửa đổi, bổ sung Điều 18 Nghị định số …"
    // is to be done), not acts of its own.
    const leading =
      lead !== null && /^\p{Lu}/u.test(lead.groups!.act) && options.type !== 'Nghị quyết';
    if (listAct && /^\s*(?:[a-zđ]|\d+)\s*[.)]|^\s*[-–•+]/iu.test(mine)) {
      out.push(...acts(`${listAct.act} ${mine}`, i, 'whole', text));
      continue;
    }
    listAct = null;
    for (const s of sentences(mine)) {
      const free = i < inTitle ? 'all' : s.offset === 0 && leading ? 'whole' : 'none';
      out.push(...acts(s.text, i, free, text));
    }
    const intro = /:\s*$/.test(mine) ? [...mine.matchAll(ACT_RE)].pop() : undefined;
    if (intro && (leading || SELF_RE.test(mine)) && !numbers(mine).length)
      listAct = { act: intro[0], free: true };
  }
  if (options.title && !consolidated) {
    const title = nfc(options.title);
    for (const s of sentences(title)) out.push(...acts(s.text, -1, 'all', title));
  }
  return dedupe(out, options.ownNumber ? normalizeNumber(options.ownNumber) : null);
}

/** A quotation left open runs on for at most this many blocks (a stray mark ends there). */
const QUOTE_BLOCKS = 40;

/** The blocks with every quoted span (“…”, over several blocks too) replaced by spaces. */
function unquoted(texts: readonly string[]): string[] {
  const out: string[] = [];
  let open = 0; // blocks the current quotation has run for, 0 when none is open
  for (const text of texts) {
    let blanked = '';
    for (const ch of text) {
      if (ch === '“') open = Math.max(open, 1);
      const inside = open > 0;
      if (ch === '”') open = 0;
      blanked += inside || ch === '”' ? ' '.repeat(ch.length) : ch;
    }
    out.push(blanked);
    if (open > 0 && ++open > QUOTE_BLOCKS) open = 0;
  }
  return out;
}

/** One reference per kind and document (the first met), never to the document itself. */
function dedupe(references: Reference[], own: string | null): Reference[] {
  const seen = new Set<string>();
  // A document named once with its number and once without is one document.
  for (const r of references)
    if (r.number && r.name) seen.add(`${r.kind} name:${r.name.toLowerCase()}`);
  const out: Reference[] = [];
  for (const r of references) {
    const target = r.number ? normalizeNumber(r.number) : `name:${r.name?.toLowerCase()}`;
    if (own && target === own) continue;
    const key = `${r.kind} ${target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}
