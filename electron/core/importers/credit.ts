/**
 * Photo captions and credits as Vietnamese newspapers write them: "Ảnh: Dương Nguyên",
 * "(Ảnh: TTXVN)", "Nguồn ảnh: Internet", "Ảnh minh họa" — on their own line or after the caption.
 */
import type { Block } from '../model';
import { nfc } from '../text/vietnamese';

const LABEL = String.raw`(?:nguồn\s+ảnh|ảnh\s+minh\s+h(?:ọa|oạ|oa)|ảnh|photo)`;
/** A whole line that is only a credit: "Ảnh: X", "(Ảnh: X)", "Nguồn ảnh: X". */
const CREDIT_LINE = new RegExp(
  String.raw`^[(\[]?\s*${LABEL}\s*[:：]\s*(.{1,80}?)\s*[)\]]?\s*\.?$`,
  'iu',
);
/** "Ảnh minh họa" with no name: the photo only illustrates the story. */
const ILLUSTRATION_LINE = /^[([]?\s*(ảnh\s+minh\s+h(?:ọa|oạ|oa))\s*[)\]]?\s*\.?$/iu;
/** A caption ending in a credit in brackets: "Trao nhà tình nghĩa (Ảnh: X)". */
const TRAILING_BRACKETED = new RegExp(
  String.raw`^(.*\S)\s*[(\[]\s*(?:${LABEL}\s*[:：]\s*(.{1,80}?)|(ảnh\s+minh\s+h(?:ọa|oạ|oa)))\s*[)\]]\s*\.?$`,
  'iu',
);
/** A caption ending in a sentence and then "Ảnh: X". */
const TRAILING_PLAIN = new RegExp(
  String.raw`^(.*?[.!?…])\s+${LABEL}\s*[:：]\s*([^.:]{1,60}?)\s*\.?$`,
  'iu',
);

/** Longer than this, a "caption" is really a paragraph that happens to mention a photo. */
export const MAX_CAPTION = 300;

/** The credit if the whole line is one ("Ảnh: X" → "X"), else null. */
export function creditLine(line: string): string | null {
  const text = nfc(line).trim();
  const named = CREDIT_LINE.exec(text);
  if (named) return named[1].trim();
  const illustration = ILLUSTRATION_LINE.exec(text);
  if (illustration) return illustration[1];
  return null;
}

/** Split a caption that carries its own credit; the credit is null when there is none. */
export function splitCaption(text: string): { caption: string; credit: string | null } {
  const clean = nfc(text).replace(/\s+/g, ' ').trim();
  const alone = creditLine(clean);
  if (alone) return { caption: '', credit: alone };
  if (clean.length <= MAX_CAPTION + 80) {
    const bracketed = TRAILING_BRACKETED.exec(clean);
    if (bracketed)
      return { caption: bracketed[1].trim(), credit: (bracketed[2] ?? bracketed[3]).trim() };
    const plain = TRAILING_PLAIN.exec(clean);
    if (plain) return { caption: plain[1].trim(), credit: plain[2].trim() };
  }
  return { caption: clean, credit: null };
}

/** A figure block from a caption text that may carry its credit. */
export function figureBlock(text: string, credit: string | null = null): Block {
  const split = splitCaption(text);
  return { type: 'figure', caption: split.caption, credit: credit ?? split.credit };
}
