/**
 * The header of a Vietnamese official document (Decree 30/2020/NĐ-CP on the form of documents):
 *
 *   ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 *   TỈNH LAI CHÂU                       Độc lập - Tự do - Hạnh phúc
 *   Số: 89/2025/QĐ-UBND              Lai Châu, ngày 12 tháng 5 năm 2025
 *                              QUYẾT ĐỊNH
 *                   Về việc ban hành Quy định …
 *
 * Text from PDFs, Word and web pages flattens the two columns into lines in any order, repeats
 * lines, spaces letters out, drops the "Số:", and sometimes puts the whole block after the
 * "Căn cứ" lines. So every short line near the start is read for what it holds — the national
 * motto, a number, a place and date, a type — and what is left of the lines above all of those
 * is the issuing body's name. A consolidated text (văn bản hợp nhất) carries its own number,
 * issuer and date in the authentication block at its end.
 */
import { isoDate } from './draft';
import {
  TYPES,
  authorityBody,
  fold,
  isUpper,
  issuerCase,
  issuerOfNumber,
  issuersOf,
  typeOfNumber,
  typeOfTitle,
} from './official-names';

export interface OfficialHeader {
  /** The text has the header of an official document (not merely a mention of one). */
  official: boolean;
  issuer: string | null;
  /** The body above the issuer in a two-level header ("UBND TỈNH LAI CHÂU" above "SỞ TÀI CHÍNH"). */
  parentIssuer: string | null;
  number: string | null;
  type: string | null;
  subject: string | null;
  place: string | null;
  /** ISO `yyyy-mm-dd`; null when absent or not a real day (31/02). */
  date: string | null;
}

/** How far the header may reach into the text, and how long a header line may be. */
const HEAD_LINES = 60;
const HEAD_CHARS = 8000;
const HEADER_LINE = 250;

/** A regex source that matches the words with any spacing between letters ("Q U Y Ế T"). */
function spaced(words: string): string {
  return words
    .split(' ')
    .map((w) => w.split('').join('\\s*'))
    .join('\\s*');
}

const DASHES = '[\\s\\-–—_.,]*';
const MOTTO = new RegExp(
  [
    spaced('CONG HOA XA HOI CHU NGHIA VIET NAM'),
    `${spaced('DOC LAP')}${DASHES}${spaced('TU DO')}${DASHES}${spaced('HANH PHUC')}`,
    spaced('DANG CONG SAN VIET NAM'),
  ].join('|'),
);
/** The Official Gazette's section title printed above some documents. */
const GAZETTE = new RegExp(spaced('VAN BAN PHAP LUAT KHAC'));
const SEPARATOR = /^[\s\-–—_*=.~·•|]*$/;
/** Lines of a document's body: never part of the header, even when the header follows them. */
const BODY_LINE =
  /^(?:CAN CU|DIEU \d|CHUONG [IVXLC\d]|PHAN THU|THEO DE NGHI|XET DE NGHI|THUC HIEN|NAY BAN BO|KINH GUI|TRAN TRONG)/;
/** "89/2025/QĐ-UBND", "12-NQ/TW", "66.17/2026/NQ-CP"; OCR may part a term number ("QH 11"). */
const NUMBER = String.raw`(\d{1,5}(?:\.\d{1,3})?(?:\s*\/\s*\d{4})?(?:\s*[-/]\s*[A-Z][A-Z0-9.]*(?:\s\d{1,2}(?![\d/]))?)+)`;
const LABELLED_NUMBER = new RegExp(
  String.raw`(^|[^A-Z])((?:(?:BO\s+)?LUAT|PHAP\s+LENH|NGHI\s+QUYET|LENH)\s+)?S\s*O\s*(?:HIEU\s*)?[:.]*\s*${NUMBER}`,
);
const BARE_NUMBER = new RegExp(String.raw`(?:^|[\s(])${NUMBER.replace(/\\s\*/g, '')}`);
const PLACE_DATE = new RegExp(
  String.raw`([^\d,;:()]{0,60}?)[\s,]*NGAY\s*(\d{1,2})\s*(?:THANG\s*(\d{1,2})\s*,?\s*NAM\s*(\d{4})|[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}))`,
);
const TYPE_LINE = new RegExp(
  `^(${TYPES.map(([key]) => spaced(key)).join('|')})(?=$|[\\s\\d(,.:-])`,
);
const AUTHENTICATION = new RegExp(spaced('XAC THUC VAN BAN HOP NHAT'));
/**
 * What no header lacks, on the raw text: the motto, a "Số" before digits, a type in capitals
 * opening a line, a "V/v". Most articles fail this at once and cost nothing more.
 */
const HEADER_HINT =
  /C\s*[ỘO]\s*N\s*G\s*H\s*[ÒOÀ]\s*A\s*X\s*[ÃA]\s*H\s*[ỘO]\s*I|[ĐD]\s*[ộo]\s*c\s*l\s*[ậa]\s*p\W*T\s*[ựu]\s*d\s*o|(?:^|\s)số\s*(?:hiệu)?\s*:*\s*\d+(?:\.\d+)?\s*[-/]|^\s*V\s*\/\s*v/imu;
const TYPE_HINT = new RegExp(
  `^\\s*(?:${TYPES.map(([, name]) => name.toUpperCase()).join('|')})`,
  'mu',
);
const NOT_OFFICIAL: OfficialHeader = {
  official: false,
  issuer: null,
  parentIssuer: null,
  number: null,
  type: null,
  subject: null,
  place: null,
  date: null,
};
/** The same on the raw text, to find the block without folding a long document. */
const RAW_AUTHENTICATION = /X[ÁA]C\s*TH[ỰU]C\s*V[ĂA]N\s*B[ẢA]N\s*H[ỢO]P\s*NH[ẤA]T/iu;
/** "… thông qua ngày 22 tháng 11 năm 2012": the day a law or resolution was adopted. */
const ADOPTED = /thông qua ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/giu;

/** The line that names who issues ("BỘ TRƯỞNG BỘ TÀI CHÍNH") under the type, in place of a subject. */
const SIGNER =
  /^(?:BO TRUONG|CHU TICH|THU TUONG|GIAM DOC|CHU NHIEM|TONG GIAM DOC|THONG DOC)(?:\s|$)/;

interface Line {
  text: string;
  folded: string;
}

function line(text: string): Line {
  const clean = text.replace(/\s+/g, ' ').trim();
  return { text: clean, folded: fold(clean) };
}

function linesOf(text: string): Line[] {
  return text
    .split('\n')
    .map(line)
    .filter((l) => l.text !== '');
}

/** The line with what `re` matches blanked out. */
function blank(l: Line, re: RegExp): Line {
  let text = l.text;
  for (const m of l.folded.matchAll(new RegExp(re.source, 'g'))) {
    text = text.slice(0, m.index) + ' '.repeat(m[0].length) + text.slice(m.index + m[0].length);
  }
  return line(text);
}

function cleanNumber(raw: string): string {
  return raw
    .replace(/\s+/g, '')
    .replace(/[–—]/g, '-')
    .replace(/[.-]+$/, '');
}

function dateOf(m: RegExpExecArray): string | null {
  const month = m[3] !== undefined ? +m[3] : +m[5];
  const year = m[4] !== undefined ? +m[4] : +m[6];
  return isoDate(year, month, +m[2]);
}

/** "Lai Châu", "Hà Nội", "TP. Hồ Chí Minh": the capitalised words that end the text. */
function placeOf(text: string): string | null {
  const words = text.replace(/[,.\s]+$/, '').split(' ');
  const kept: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i];
    if (/^(?:\p{Lu}[\p{Ll}'’]*|TP\.?|Tp\.?)(?:-\p{Lu}\p{Ll}*)*$/u.test(w)) kept.unshift(w);
    else if (/^(?:phố|xã|trấn)$/u.test(w) && kept.length) kept.unshift(w);
    else break;
  }
  while (kept.length && /^(?:phố|xã|trấn)$/u.test(kept[0])) kept.shift();
  const place = kept.join(' ');
  if (!kept.length || kept.length > 6 || (isUpper(place) && place.length > 3)) return null;
  return place;
}

/** A number in the line, if the line states it ("Số: …", "Luật số: …") rather than cites it. */
function numberIn(l: Line): { number: string; start: number; end: number } | null {
  const m = LABELLED_NUMBER.exec(l.folded);
  if (!m) return null;
  const start = m.index + m[1].length;
  const end = m.index + m[0].length;
  const before = l.text.slice(0, start).trim();
  const after = l.text.slice(end).trim();
  // A citation reads on: "Nghị định số 181/2025/NĐ-CP ngày 01 tháng 7 năm 2025 của Chính phủ…".
  const stated = !m[2] || after === '' || /^[\s,;.]*$/.test(after) || PLACE_DATE.test(fold(after));
  if ((before && !isUpper(before)) || !stated) return null;
  return { number: cleanNumber(l.text.slice(end - m[3].length, end)), start, end };
}

/** The authentication block that ends a consolidated text: its issuer, number, place and date. */
function authentication(lines: Line[]) {
  for (let at = 0; at < lines.length; at++) {
    if (lines[at].text.length > 60 || !AUTHENTICATION.test(lines[at].folded)) continue;
    const found = { issuer: null as string | null, number: null as string | null };
    let date: string | null = null;
    let place: string | null = null;
    for (let i = Math.max(0, at - 3); i < Math.min(lines.length, at + 4); i++) {
      const n = numberIn(lines[i]);
      if (n && /VBHN/.test(fold(n.number))) found.number ??= n.number;
      const d = i > at - 2 && !date ? PLACE_DATE.exec(lines[i].folded) : null;
      const where = d ? lines[i].text.slice(0, d.index + d[1].length) : '';
      if (d && (where.trim() === '' || placeOf(where))) {
        date = dateOf(d);
        place = placeOf(where);
      }
      if (i < at && !n && authorityBody(lines[i].text)) found.issuer = lines[i].text;
    }
    if (found.number) return { ...found, date, place };
  }
  return null;
}

interface Head {
  motto: boolean;
  number: string | null;
  date: string | null;
  place: string | null;
  dated: boolean;
  type: string | null;
  typed: boolean;
  subject: string | null;
  /** Lines above the number, date and type: the issuing body's name. */
  names: string[];
  /** Lines after the type line. */
  after: string[];
}

function readHead(lines: Line[]): Head {
  const head: Head = {
    motto: false,
    number: null,
    date: null,
    place: null,
    dated: false,
    type: null,
    typed: false,
    subject: null,
    names: [],
    after: [],
  };
  let namesDone = false;
  /** The subject is the line after the type line, and the lower-case lines that continue it. */
  let subjectNext = false;
  let subjectGoesOn = false;
  let size = 0;
  for (let i = 0; i < Math.min(lines.length, HEAD_LINES) && size < HEAD_CHARS; i++) {
    let l = lines[i];
    size += l.text.length;
    const body = subjectNext
      ? /^(?:CAN CU|DIEU \d|CHUONG )/.test(l.folded)
      : BODY_LINE.test(l.folded);
    if (body || (l.text.length > HEADER_LINE && !subjectNext)) {
      namesDone = true;
      subjectNext = subjectGoesOn = false;
      continue;
    }
    let done = false;
    if (MOTTO.test(l.folded) || GAZETTE.test(l.folded)) {
      head.motto ||= MOTTO.test(l.folded);
      l = blank(blank(l, MOTTO), GAZETTE);
    }
    const n = head.number ? null : numberIn(l);
    if (n) {
      head.number = n.number;
      l = line(`${l.text.slice(0, n.start)} ${l.text.slice(n.end)}`);
      done = true;
    }
    const d = head.dated || !l.folded.includes('NGAY') ? null : PLACE_DATE.exec(l.folded);
    if (d) {
      const before = l.text.slice(0, d.index + d[1].length);
      const place = placeOf(before);
      const rest = l.text.slice(d.index + d[0].length).trim();
      const alone = before.trim() === '' || place !== null;
      if (alone && (rest.length < 40 || isUpper(rest))) {
        head.dated = true;
        head.date = dateOf(d);
        head.place = place;
        l = line(`${before.slice(0, before.length - (place?.length ?? 0))} ${rest}`);
        done = true;
      }
    }
    if (SEPARATOR.test(l.text) || l.text.replace(/[^\p{L}]/gu, '').length < 2) {
      namesDone ||= done;
      continue;
    }
    const t = TYPE_LINE.exec(l.folded);
    const tail = t ? l.text.slice(t[0].length).trim() : '';
    const typeLine = t && isUpper(l.text.slice(0, t[0].length)) && !tail.startsWith(':');
    if (typeLine && !(head.typed && subjectNext && head.type !== 'Văn bản hợp nhất')) {
      // A consolidated text repeats the consolidated document's own type: its subject follows.
      if (head.typed) continue;
      const key = t[1].replace(/\s+/g, '');
      head.type = TYPES.find(([k]) => k.replace(/\s+/g, '') === key)![1];
      head.typed = namesDone = true;
      const rest = tail.replace(/^[\d\s,.]*/, '');
      // "VĂN BẢN HỢP NHẤT - BỘ Y TẾ": a consolidated text names its issuer beside its type.
      if (head.type === 'Văn bản hợp nhất' && /^[-–]/.test(rest)) {
        head.names = [rest.replace(/^[-–]\s*/, '')];
      } else if (rest) head.subject = rest;
      subjectNext = !rest || head.type === 'Văn bản hợp nhất';
      subjectGoesOn = !subjectNext;
      continue;
    }
    if (!head.type && /^V\s*\/\s*v\b/i.test(l.text)) {
      head.type = 'Công văn';
      head.subject = l.text.replace(/^V\s*\/\s*v\.?\s*:?\s*/i, '');
      namesDone = subjectGoesOn = true;
      continue;
    }
    if (subjectGoesOn && /^\p{Ll}/u.test(l.text)) {
      head.subject += ` ${l.text}`;
      continue;
    }
    subjectGoesOn = false;
    if (subjectNext && !SIGNER.test(l.folded)) {
      head.subject = l.text;
      subjectNext = false;
      subjectGoesOn = true;
      continue;
    }
    subjectNext = false;
    if (!namesDone && isUpper(l.text) && l.text.length <= 200) {
      if (head.names[head.names.length - 1] !== l.text) head.names.push(l.text);
    } else if (head.typed) head.after.push(l.text);
    namesDone ||= done || !isUpper(l.text);
  }
  return head;
}

/** Read the header of an official document from its text (and its title, when it has one). */
export function recognizeOfficial(text: string, title?: string | null): OfficialHeader {
  const found = /HỢP NHẤT|hợp nhất/.test(text) ? RAW_AUTHENTICATION.exec(text) : null;
  const start = text.slice(0, HEAD_CHARS);
  if (!found && !HEADER_HINT.test(start) && !TYPE_HINT.test(start)) return NOT_OFFICIAL;
  const head = readHead(linesOf(text.slice(0, HEAD_CHARS + 1000).normalize('NFC')));
  let { number, date, place, type } = head;
  const subject = head.subject;
  let issuers = issuersOf(head.names);
  if (!issuers) {
    // "BỘ TRƯỞNG BỘ TÀI CHÍNH" or "CHÍNH PHỦ" above the "Căn cứ" lines speaks for the issuer.
    const who = head.after.map(authorityBody).find((a) => a);
    if (who) issuers = { issuer: issuerCase(who), parent: null };
  }
  const auth = found
    ? authentication(
        linesOf(text.slice(Math.max(0, found.index - 1500), found.index + 1500).normalize('NFC')),
      )
    : null;
  if (auth) {
    number = auth.number;
    date = auth.date ?? date;
    place = auth.place ?? place;
    type = 'Văn bản hợp nhất';
    if (auth.issuer && !head.names.length)
      issuers = { issuer: issuerCase(auth.issuer), parent: null };
  }
  if (!number && title) {
    const m = BARE_NUMBER.exec(fold(title));
    if (m)
      number = cleanNumber(title.slice(m.index + m[0].length - m[1].length, m.index + m[0].length));
  }
  if (number && /\/VBHN-/.test(fold(number))) type = 'Văn bản hợp nhất';
  type ??= (title ? typeOfTitle(title) : null) ?? (number ? typeOfNumber(number) : null);
  if (!date && type && !auth) {
    const adopted = [...text.slice(0, 5_000_000).matchAll(ADOPTED)].pop();
    if (adopted) date = isoDate(+adopted[3], +adopted[2], +adopted[1]);
  }
  let issuer = issuers?.issuer ?? (number ? issuerOfNumber(number) : null);
  if (!issuer && type && ['Luật', 'Bộ luật', 'Hiến pháp'].includes(type)) issuer = 'Quốc hội';

  const evidence =
    (head.motto ? 2 : 0) +
    (head.number ? 2 : 0) +
    (head.dated ? 1 : 0) +
    (head.typed ? 2 : 0) +
    (issuers ? 1 : 0) +
    (auth ? 3 : 0);
  return {
    official: evidence >= 4 && (head.typed || !!head.number || !!auth),
    issuer,
    parentIssuer: issuers?.parent ?? null,
    number,
    type,
    subject: subject || null,
    place,
    date,
  };
}
