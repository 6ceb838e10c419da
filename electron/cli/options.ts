/** Turning command-line text into engine values, with a user-readable error for each mistake. */
import { UserError } from '../core/errors';

/** YYYY, YYYY-MM, YYYY-MM-DD or DD/MM/YYYY → the ISO form the engine filters on. */
export function parseDate(value: string): string {
  const v = value.trim();
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v) && isRealDate(v)) return v;
  const m = v.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  if (m) {
    const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
    if (isRealDate(iso)) return iso;
  }
  throw new UserError('cli.bad-date', { value });
}

/** A whole day (YYYY-MM-DD or DD/MM/YYYY), for filters that ask about one day. */
export function parseDay(value: string): string {
  const iso = parseDate(value);
  if (iso.length !== 10) throw new UserError('cli.bad-date', { value });
  return iso;
}

function isRealDate(iso: string): boolean {
  const [y, m = 1, d = 1] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function parseCount(option: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim())) throw new UserError('cli.bad-number', { value, option });
    return Number(value);
  };
}
