/**
 * Legacy Vietnamese fonts by name. Before Unicode, Word files were typed in fonts that drew
 * Vietnamese letters over Western code points: the ABC fonts of TCVN 5712 (".VnTime", ".VnArial";
 * an "H" at the end — ".VnTimeH" — is the capitals variant, which draws the lower-case codes as
 * capitals) and the VNI fonts ("VNI-Times", "VNI-Helve"). The text in the file is the font's code
 * points as Windows-1252 letters ("Céng hoµ"), which `fromLegacy` turns into Unicode.
 */
import { fromLegacy, type LegacyEncoding } from '../../text/legacy';

export interface LegacyFont {
  encoding: LegacyEncoding;
  /** A capitals font: its lower-case codes are shown, and mean, capital letters. */
  capitals: boolean;
}

/** The legacy encoding a font name stands for, or null for a Unicode font. */
export function legacyFont(name: string | null | undefined): LegacyFont | null {
  const font = name?.trim().replace(/^['"]|['"]$/g, '');
  if (!font) return null;
  if (/^\.vn/i.test(font)) return { encoding: 'tcvn3', capitals: /H$/.test(font) };
  if (/^vni[- ]/i.test(font)) return { encoding: 'vni', capitals: false };
  return null;
}

/** Text drawn in a legacy font, in Unicode. */
export function fromLegacyFont(text: string, font: LegacyFont): string {
  const unicode = fromLegacy(text, font.encoding);
  return font.capitals ? unicode.toLocaleUpperCase('vi') : unicode;
}
