/**
 * Pre-Unicode Vietnamese: TCVN 5712:1993 ("TCVN3", the ABC fonts .VnTime…) and VNI-Windows (the
 * VNI fonts). Both were keyed on Windows code page 1252: the file's bytes are the same as those of
 * Western text, and only the font made them Vietnamese. So they arrive in two shapes — raw bytes
 * that are not UTF-8, and the same characters already decoded as Windows-1252 inside UTF-8 HTML
 * or JSON ("Céng hoµ x· héi", "Coäng hoøa xaõ hoäi") — and both are handled here on that text
 * (the "view": each character stands for the byte Windows-1252 gives it).
 *
 * - TCVN3 is single-byte: every lower-case letter is one byte (0xA8–0xFE), and the upper-case
 *   ones are Ă Â Ê Ô Ơ Ư Đ (0xA1–0xA7). The ABC fonts write other capitals with the lower-case
 *   codes in an upper-case font (.VnTimeH), which plain text cannot show; the standard's full
 *   table (VN1) puts them at 0x01–0x17, 0x80–0x9F and a few free places, and those are read too.
 *   0x80–0x9F are also Word's curly quotes and dashes in ABC files: there the neighbours decide.
 * - VNI writes a base letter followed by one mark byte (a + ù = á, a + ä = ậ, o + â = ô), with
 *   đ ơ ư and the i/ỵ letters as single bytes.
 *
 * Detection reads the words that hold bytes above 0x7F and counts how many become real Vietnamese
 * syllables under each encoding; ordinary Western text, Windows-1258 and Unicode Vietnamese do not.
 */
import type { LegacyEncoding } from '../model';

export type { LegacyEncoding } from '../model';

/** Windows-1252's 0x80–0x9F; the five bytes it leaves undefined stand for themselves. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const CHAR_TO_BYTE = new Map<string, number>();
for (let b = 0; b < 256; b++) CHAR_TO_BYTE.set(String.fromCharCode(b), b);
for (let i = 0; i < 32; i++) CHAR_TO_BYTE.set(CP1252_HIGH[i], 0x80 + i);

/** The character Windows-1252 shows for a byte (C0 controls and undefined bytes as themselves). */
function viewChar(byte: number): string {
  return byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
}

/** Bytes as the Windows-1252 view, the form the converters read. */
export function legacyView(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    text += Array.from(bytes.subarray(i, i + 8192), viewChar).join('');
  }
  return text;
}

// ---------------------------------------------------------------- TCVN3 (TCVN 5712:1993)

/** 0xA0–0xFF. 0xB0–0xB4 are the five tone marks, used only after a vowel. */
const TCVN3_A0 =
  '\u00A0ĂÂÊÔƠƯĐăâêôơưđẰ\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ' +
  'ẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịò' +
  'Ổỏõóọồổỗốộờởỡớợù' +
  'ỖủũúụừửữứựỳỷỹýỵỐ';
/** 0x80–0x9F: the capitals of the standard's full table. */
const TCVN3_80 = 'ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ';
/** C0 places the full table gives to the remaining capitals. */
const TCVN3_C0: Record<number, string> = {
  0x01: 'Ú',
  0x02: 'Ụ',
  0x04: 'Ừ',
  0x05: 'Ử',
  0x06: 'Ữ',
  0x11: 'Ứ',
  0x12: 'Ự',
  0x13: 'Ỳ',
  0x14: 'Ỷ',
  0x15: 'Ỹ',
  0x16: 'Ý',
  0x17: 'Ỵ',
};
/** 0x80–0x9F bytes that ABC files also use as Word's punctuation (… ‘ ’ “ ” • – — €). */
const AMBIGUOUS = new Set([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97]);
const OPENING = new Set([0x91, 0x93]);
const CLOSING = new Set([0x85, 0x92, 0x94]);
const TONE_BYTES = new Set([0xb0, 0xb1, 0xb2, 0xb3, 0xb4]);

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** A byte that is a letter in TCVN3 whatever its neighbours. */
function tcvnLetter(code: number): boolean {
  if (isAsciiLetter(code) || code in TCVN3_C0) return true;
  if (code >= 0x80 && code < 0xa0) return !AMBIGUOUS.has(code);
  return code >= 0xa1 && code <= 0xff && !TONE_BYTES.has(code);
}

function isVowel(ch: string | undefined): boolean {
  return !!ch && /[aăâeêioôơuưy]/i.test(ch.normalize('NFD')[0]);
}

/** Codes: 0–255 a byte of the view, above that a character that is not part of it. */
function codesOf(text: string): number[] {
  return Array.from(text, (ch) => CHAR_TO_BYTE.get(ch) ?? 0x10000 + ch.codePointAt(0)!);
}

function decodeTcvn3(codes: number[]): string {
  let out = '';
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code > 0xff) out += String.fromCodePoint(code - 0x10000);
    else if (code >= 0xa0) {
      const ch = TCVN3_A0[code - 0xa0];
      out += TONE_BYTES.has(code) && !isVowel(out[out.length - 1]) ? viewChar(code) : ch;
    } else if (code >= 0x80) {
      const letter =
        !AMBIGUOUS.has(code) ||
        (tcvnLetter(codes[i - 1]) && !CLOSING.has(code)) ||
        (tcvnLetter(codes[i + 1]) && !OPENING.has(code)) ||
        (tcvnLetter(codes[i - 1]) && tcvnLetter(codes[i + 1]));
      out += letter ? TCVN3_80[code - 0x80] : viewChar(code);
    } else out += TCVN3_C0[code] ?? String.fromCharCode(code);
  }
  return out.normalize('NFC');
}

const TCVN3_ENCODE = new Map<string, number>();
for (let i = 0; i < TCVN3_A0.length; i++) {
  if (!TONE_BYTES.has(0xa0 + i)) TCVN3_ENCODE.set(TCVN3_A0[i], 0xa0 + i);
}
for (let i = 0; i < 32; i++) TCVN3_ENCODE.set(TCVN3_80[i], 0x80 + i);
for (const [code, ch] of Object.entries(TCVN3_C0)) TCVN3_ENCODE.set(ch, Number(code));

// ---------------------------------------------------------------- VNI-Windows

const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';
const CIRCUMFLEX: string = '\u0302';
const BREVE: string = '\u0306';
const HORN: string = '\u031B';

/** Mark bytes (lower-case; the capital form is 0x20 lower) → the diacritics they add. */
const VNI_MARKS: Record<number, string> = {
  0xf9: ACUTE,
  0xf8: GRAVE,
  0xfb: HOOK,
  0xf5: TILDE,
  0xef: DOT,
  0xe2: CIRCUMFLEX,
  0xe1: CIRCUMFLEX + ACUTE,
  0xe0: CIRCUMFLEX + GRAVE,
  0xe5: CIRCUMFLEX + HOOK,
  0xe3: CIRCUMFLEX + TILDE,
  0xe4: CIRCUMFLEX + DOT,
  0xea: BREVE,
  0xe9: BREVE + ACUTE,
  0xe8: BREVE + GRAVE,
  0xfa: BREVE + HOOK,
  0xfc: BREVE + TILDE,
  0xeb: BREVE + DOT,
};
/** Letters that are one byte in VNI (lower-case; the capital is 0x20 lower). */
const VNI_LETTERS: Record<number, string> = {
  0xf1: 'đ',
  0xf4: 'ơ',
  0xf6: 'ư',
  0xed: 'í',
  0xec: 'ì',
  0xe6: 'ỉ',
  0xf3: 'ĩ',
  0xf2: 'ị',
  0xee: 'ỵ',
};

function vniMark(code: number): string | undefined {
  return VNI_MARKS[code] ?? VNI_MARKS[code + 0x20];
}

function vniLetter(code: number): string | undefined {
  const lower = VNI_LETTERS[code];
  if (lower) return lower;
  const upper = VNI_LETTERS[code + 0x20];
  return upper && code >= 0xc0 ? upper.toUpperCase() : undefined;
}

/** Whether a VNI mark may follow a base: tones on any vowel, ^ on a/e/o, ˘ on a only. */
function markFits(base: string, mark: string): boolean {
  const lower = base.toLowerCase();
  if (mark.startsWith(CIRCUMFLEX)) return 'aeo'.includes(lower);
  if (mark.startsWith(BREVE)) return lower === 'a';
  return 'aeiouyơư'.includes(lower);
}

/** VNI text to Unicode; `misfits` counts high bytes that did not fit VNI's rules. */
function decodeVni(codes: number[], misfits = { n: 0 }): string {
  let out = '';
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code > 0xff) {
      out += String.fromCodePoint(code - 0x10000);
      continue;
    }
    const letter = vniLetter(code);
    const base = letter ?? String.fromCharCode(code);
    const next = codes[i + 1];
    const mark = next !== undefined && next <= 0xff ? vniMark(next) : undefined;
    if (mark && (letter || code < 0x80) && markFits(base, mark)) {
      out += base + mark;
      i++;
    } else {
      if (!letter && code >= 0x80) misfits.n++;
      out += letter ?? viewChar(code);
    }
  }
  return out.normalize('NFC');
}

const VNI_ENCODE_LETTER = new Map<string, number>();
for (const [code, ch] of Object.entries(VNI_LETTERS)) {
  VNI_ENCODE_LETTER.set(ch, Number(code));
  VNI_ENCODE_LETTER.set(ch.toUpperCase(), Number(code) - 0x20);
}
const VNI_ENCODE_MARK = new Map(Object.entries(VNI_MARKS).map(([code, m]) => [m, Number(code)]));

function encodeVniChar(ch: string, out: number[]): boolean {
  const single = VNI_ENCODE_LETTER.get(ch);
  if (single !== undefined) return out.push(single) > 0;
  const [base, ...marks] = ch.normalize('NFD');
  if (!/[a-z]/i.test(base)) return false;
  let letter = base;
  // NFD orders the dot below before the circumflex; VNI's marks name the vowel's own mark first.
  const own = marks.filter((m) => m === CIRCUMFLEX || m === BREVE || m === HORN);
  let rest = [...own, ...marks.filter((m) => !own.includes(m))].join('');
  if (rest.startsWith(HORN)) {
    // ơ and ư are single bytes in VNI; their tone follows as a mark.
    const horned = base.toLowerCase() === 'o' ? 'ơ' : 'ư';
    letter = base === base.toLowerCase() ? horned : horned.toUpperCase();
    rest = rest.slice(1);
  }
  const code = VNI_ENCODE_MARK.get(rest);
  if (code === undefined) return false;
  const upper = letter !== letter.toLowerCase();
  out.push(VNI_ENCODE_LETTER.get(letter) ?? letter.charCodeAt(0), upper ? code - 0x20 : code);
  return true;
}

// ---------------------------------------------------------------- conversion

/** Convert legacy text (its Windows-1252 view) to Unicode NFC. */
export function fromLegacy(text: string, encoding: LegacyEncoding): string {
  const codes = codesOf(text);
  return encoding === 'tcvn3' ? decodeTcvn3(codes) : decodeVni(codes);
}

/** Unicode text → the bytes of a legacy encoding; '?' for what it cannot write. */
export function toLegacyBytes(text: string, encoding: LegacyEncoding): Uint8Array {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80 && (encoding === 'vni' || !(code in TCVN3_C0))) out.push(code);
    else if (encoding === 'tcvn3' && TCVN3_ENCODE.has(ch)) out.push(TCVN3_ENCODE.get(ch)!);
    else if (encoding === 'vni' && encodeVniChar(ch, out)) continue;
    else {
      // Punctuation Word typed in these files: curly quotes, dashes, ellipsis, bullet.
      const byte = CHAR_TO_BYTE.get(ch);
      out.push(byte !== undefined && byte >= 0x80 && byte < 0xa0 ? byte : 0x3f);
    }
  }
  return Uint8Array.from(out);
}

// ---------------------------------------------------------------- detection

const ONSET = '(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?';
const NUCLEUS =
  '(?:iêu|yêu|uyê|uya|uyu|oai|oay|oeo|uây|uôi|ươi|ươu|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|[aăâeêioôơuưy])';
const CODA = '(?:ch|ng|nh|[cmnpt])?';
const SYLLABLE = new RegExp(`^${ONSET}${NUCLEUS}${CODA}$`);
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** Whether a word is one written Vietnamese syllable (any case, one tone at most). */
export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONES) ?? [];
  if (tones.length > 1) return false;
  const bare = decomposed.replace(TONES, '').normalize('NFC');
  const match = SYLLABLE.exec(bare);
  if (!match) return false;
  // A stop final (c, ch, p, t) takes only the acute or the dot below.
  if (/(?:c|ch|p|t)$/.test(bare) && tones.length && !/[\u0301\u0323]/.test(tones[0]!)) {
    return false;
  }
  // ă and â never end a syllable.
  return !/[ăâ]$/.test(bare);
}

/** Characters that may stand in a word of the view: letters, and the bytes legacy fonts use. */
// TCVN3 keeps capitals in C0 control positions: those "controls" are letters here.
const VIEW_WORD =
  // eslint-disable-next-line no-control-regex
  /[A-Za-z\u0001\u0002\u0004-\u0006\u0011-\u0017\u00A1-\u00FF\u0081\u008D\u008F\u0090\u009D‚ƒ„†‡ˆ‰Š‹ŒŽ˜™š›œžŸ]+/g;
/** How much text detection reads: enough words, and bounded work on a 50 MB file. */
const DETECT_CHARS = 200_000;
const MIN_WORDS = 3;

export interface LegacyScore {
  /** Words holding bytes above 0x7F. */
  words: number;
  tcvn3: number;
  vni: number;
}

/** How many of the text's non-ASCII words each encoding turns into Vietnamese syllables. */
export function scoreLegacy(text: string): LegacyScore {
  const score = { words: 0, tcvn3: 0, vni: 0 };
  for (const [word] of text.slice(0, DETECT_CHARS).matchAll(VIEW_WORD)) {
    if (!/[^A-Za-z]/.test(word)) continue;
    score.words++;
    const codes = codesOf(word);
    if (isVietnameseSyllable(decodeTcvn3(codes))) score.tcvn3++;
    const misfits = { n: 0 };
    const vni = decodeVni(codes, misfits);
    if (misfits.n === 0 && isVietnameseSyllable(vni)) score.vni++;
  }
  return score;
}

/**
 * The legacy encoding the text is written in, or null. Unicode Vietnamese has letters outside
 * Windows-1252 and is never legacy; Western and Windows-1258 text make few syllables.
 */
export function detectLegacy(text: string): LegacyEncoding | null {
  // Unicode Vietnamese shows itself in its first lines: most imports stop here.
  const start = text.slice(0, 20_000);
  const vietnamese = start.match(
    /[\u0102\u0103\u0110\u0111\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9]/g,
  );
  if ((vietnamese?.length ?? 0) > 20) return null;
  const sample = text.slice(0, DETECT_CHARS);
  // eslint-disable-next-line no-control-regex -- TCVN3's capitals in C0 positions
  const high = sample.match(/[\u0080-\u00FF\u0001\u0002\u0004-\u0006\u0011-\u0017]/g)?.length ?? 0;
  if (high === 0) return null;
  // Letters Windows-1252 cannot write (ơ, ư, ạ…): this is Unicode, whatever else it holds.
  const unicodeLetters =
    sample.match(/[\u0100-\u024F\u1E00-\u1EFF]/g)?.filter((ch) => !CHAR_TO_BYTE.has(ch)).length ??
    0;
  if (unicodeLetters > 20 && unicodeLetters > high * 0.05) return null;
  const score = scoreLegacy(sample);
  if (unicodeLetters > score.words * 0.05) return null;
  const best: LegacyEncoding = score.tcvn3 >= score.vni ? 'tcvn3' : 'vni';
  const hits = score[best];
  const other = score[best === 'tcvn3' ? 'vni' : 'tcvn3'];
  if (hits < MIN_WORDS || hits < score.words * 0.6 || hits - other < score.words * 0.2) return null;
  return best;
}

/** The text in Unicode, and the legacy encoding it was converted from (null when none). */
export function convertLegacy(text: string): { text: string; encoding: LegacyEncoding | null } {
  const encoding = detectLegacy(text);
  return encoding ? { text: fromLegacy(text, encoding), encoding } : { text, encoding: null };
}
