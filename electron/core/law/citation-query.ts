/**
 * A search query that names a place in a document, as officers type it, with or without accents:
 *
 *   Điều 12 Luật Cư trú            dieu 12 luat cu tru          khoản 2 điều 12 luật cư trú
 *   Điều 12 Nghị định 154/2024/NĐ-CP                            điểm a khoản 2 Điều 4 NĐ 154/2024
 *   điều 5 khoản 1 thông tư 15/2022/TT-BLĐTBXH                  Điều 3 Luật số 68/2020/QH14
 *
 * → { dieu: '12', khoan: '2', docRef: { type: 'Luật', name: 'cư trú' } }. The place comes first
 * (điểm, khoản, Điều in either order, "của" allowed between), then the document: a type (or its
 * abbreviation: NĐ, TT, QĐ, NQ, BLDS…), a name, a number (154/2024/NĐ-CP), a year. A query
 * without a Điều or without any document reference is not a citation (null): "Điều 12" alone
 * is left to full-text search.
 */
import { foldDiacritics, nfc } from '../text/vietnamese';

export interface DocRef {
  /** The document type, as the archive stores it: "Luật", "Nghị định", "Thông tư"… */
  type?: string;
  /** The document's name as typed, lower case: "cư trú", "cu tru". */
  name?: string;
  /** The number as typed, upper case: "154/2024/NĐ-CP", "68/2020/QH14", "154/2024". */
  number?: string;
  year?: number;
}

export interface CitationQuery {
  dieu: string;
  khoan?: string;
  /** The letter of the điểm, "đ" written out ("dd" is read as "đ", as Telex types it). */
  diem?: string;
  docRef: DocRef;
}

/** Folded type names (longest first) and abbreviations → the type as stored. */
const TYPES: ReadonlyArray<readonly [string, string]> = [
  ['van ban hop nhat', 'Văn bản hợp nhất'],
  ['thong tu lien tich', 'Thông tư liên tịch'],
  ['nghi quyet lien tich', 'Nghị quyết liên tịch'],
  ['bo luat', 'Bộ luật'],
  ['hien phap', 'Hiến pháp'],
  ['phap lenh', 'Pháp lệnh'],
  ['nghi dinh', 'Nghị định'],
  ['thong tu', 'Thông tư'],
  ['nghi quyet', 'Nghị quyết'],
  ['quyet dinh', 'Quyết định'],
  ['chi thi', 'Chỉ thị'],
  ['luat', 'Luật'],
  ['vbhn', 'Văn bản hợp nhất'],
  ['ttlt', 'Thông tư liên tịch'],
  ['nd', 'Nghị định'],
  ['tt', 'Thông tư'],
  ['nq', 'Nghị quyết'],
  ['qd', 'Quyết định'],
  ['bl', 'Bộ luật'],
];

/** Common abbreviations of codes: type and name. */
const CODES: Record<string, readonly [string, string]> = {
  blds: ['Bộ luật', 'dân sự'],
  blhs: ['Bộ luật', 'hình sự'],
  blld: ['Bộ luật', 'lao động'],
  bltths: ['Bộ luật', 'tố tụng hình sự'],
  blttds: ['Bộ luật', 'tố tụng dân sự'],
};

const NUMBER = /^\d+(?:\/\d{4})?(?:\/[\p{L}\d.]+(?:-[\p{L}\d.]+)*)?$/u;
const PLACE_WORDS: Record<string, 'dieu' | 'khoan' | 'diem'> = {
  dieu: 'dieu',
  khoan: 'khoan',
  k: 'khoan',
  diem: 'diem',
};

export function parseCitationQuery(query: string): CitationQuery | null {
  const words = nfc(query)
    .toLowerCase()
    .replace(/[“”"'(),;]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const folded = words.map((w) => foldDiacritics(w));
  const place: { dieu?: string; khoan?: string; diem?: string } = {};
  let i = 0;
  while (i < words.length) {
    if (folded[i] === 'cua' || folded[i] === 'tai') {
      i++;
      continue;
    }
    const kind = PLACE_WORDS[folded[i]];
    const value = words[i + 1];
    if (!kind || value === undefined || place[kind]) break;
    if (kind === 'diem') {
      const letter = value === 'dd' ? 'đ' : value.replace(/[.)]$/, '');
      if (!/^[a-zđ]$/u.test(letter)) break;
      place.diem = letter;
    } else {
      const number = value.replace(/[.,:]$/, '');
      const ok = kind === 'dieu' ? /^\d{1,4}[a-zđ]?$/u.test(number) : /^\d{1,3}$/.test(number);
      if (!ok) break;
      place[kind] = number;
    }
    i += 2;
  }
  if (!place.dieu) return null;
  const docRef = parseDocRef(words.slice(i), folded.slice(i));
  if (!docRef) return null;
  return { dieu: place.dieu, ...pick(place, 'khoan'), ...pick(place, 'diem'), docRef };
}

function pick<K extends 'khoan' | 'diem'>(place: Partial<Record<K, string>>, key: K) {
  return place[key] ? ({ [key]: place[key] } as Record<K, string>) : {};
}

function parseDocRef(words: string[], folded: string[]): DocRef | null {
  const ref: DocRef = {};
  let i = 0;
  const code = CODES[folded[0]?.replace(/[^a-z]/g, '') ?? ''];
  if (code) {
    [ref.type, ref.name] = code;
    i = 1;
  } else {
    for (const [name, type] of TYPES) {
      const parts = name.split(' ');
      if (parts.every((p, k) => folded[k] === p)) {
        ref.type = type;
        i = parts.length;
        break;
      }
    }
  }
  const name: string[] = [];
  for (; i < words.length; i++) {
    const word = words[i];
    if (folded[i] === 'so' || folded[i] === 'so:') continue;
    if (NUMBER.test(word) && /\//.test(word)) {
      ref.number = word.toUpperCase();
      continue;
    }
    if (/^(?:nam\s*)?\d{4}$/.test(folded[i])) {
      ref.year = Number(folded[i].slice(-4));
      continue;
    }
    if (folded[i] === 'nam' && /^\d{4}$/.test(words[i + 1] ?? '')) continue;
    if (ref.number) return null; // words after the number: not a citation
    if (!/^[\p{L}-]+$/u.test(word)) return null;
    name.push(word);
  }
  if (name.length) {
    if (!ref.type) return null; // "Điều 12 cư trú": no document named
    if (ref.name === undefined) ref.name = name.join(' ');
    else return null;
  }
  if (!ref.type && !ref.number) return null;
  return ref;
}
