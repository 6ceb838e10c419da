/**
 * The date a document takes effect, read from its own statement of it (pure):
 * "Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2021", "… từ ngày 01/7/2021",
 * "… có hiệu lực từ ngày ký" or "kể từ ngày ký ban hành" (its own date), "… có hiệu lực sau 45
 * ngày kể từ ngày ký" (counted from its date). Only a statement whose subject is "<type> này"
 * counts; of several, the last one of the document's own type (an amending law quotes the
 * provisions it inserts before its own final article).
 */
import { nfc } from '../text/vietnamese';
import { isoDate } from './references';

const SELF =
  '(Thông tư liên tịch|Nghị quyết liên tịch|Bộ luật|Luật|Hiến pháp|Pháp lệnh|Nghị định|Nghị quyết|Thông tư|Quyết định|Chỉ thị|Lệnh)\\s+này';
const EFFECT = `${SELF}\\s+(?:chính\\s+thức\\s+)?có\\s+hiệu\\s+lực(?:\\s+thi\\s+hành)?(?:\\s+chung)?\\s*,?\\s*`;
const STATEMENT = new RegExp(
  `${EFFECT}(?:` +
    // kể từ ngày 01 tháng 7 năm 2021 | từ ngày 01/7/2021
    `(?:(?:kể\\s+)?từ|vào)\\s+ngày\\s+(?<d>\\d{1,2})\\s*(?:tháng\\s*(?<m>\\d{1,2})\\s*năm\\s*(?<y>\\d{4})|[/.-]\\s*(?<m2>\\d{1,2})\\s*[/.-]\\s*(?<y2>\\d{4}))` +
    // sau 45 ngày kể từ ngày ký
    `|sau\\s+(?<after>\\d{1,3})\\s+ngày\\s*,?\\s*(?:kể\\s+)?từ\\s+ngày\\s+(?:ký|công\\s+bố|ban\\s+hành)` +
    // kể từ ngày ký (ban hành) | từ ngày ban hành
    `|(?<signed>(?:(?:kể\\s+)?từ|kể\\s+từ)\\s+ngày\\s+(?:ký|ban\\s+hành)))`,
  'giu',
);

/** Add `days` to an ISO date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The effective date of a document, or null when its text does not state one it can be computed
 * from. `date` is the document's own date (signature), `type` its type ("Thông tư").
 */
export function effectiveDate(
  blocks: readonly string[],
  date: string | null,
  type: string | null = null,
): string | null {
  let best: { value: string; own: boolean } | null = null;
  for (const block of blocks) {
    for (const m of nfc(block).matchAll(STATEMENT)) {
      const g = m.groups ?? {};
      let value: string | undefined;
      if (g.d) value = isoDate(Number(g.y ?? g.y2), Number(g.m ?? g.m2), Number(g.d));
      else if (g.after && date) value = addDays(date, Number(g.after));
      else if (g.signed && date) value = date;
      if (!value) continue;
      const own = type !== null && m[1].toLowerCase() === type.toLowerCase();
      if (!best || own || !best.own) best = { value, own };
    }
  }
  return best?.value ?? null;
}
