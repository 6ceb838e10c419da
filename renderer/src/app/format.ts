/** Dates as people write them: 21/07/2024 in Vietnamese, 21 Jul 2024 in English. */
export function formatDate(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (lang.startsWith('vi')) {
    if (d && mo) return `${d}/${mo}/${y}`;
    if (mo) return `${mo}/${y}`;
    return y;
  }
  const date = new Date(Date.UTC(Number(y), Number(mo ?? 1) - 1, Number(d ?? 1)));
  const options: Intl.DateTimeFormatOptions = d
    ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }
    : mo
      ? { month: 'short', year: 'numeric', timeZone: 'UTC' }
      : { year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat('en-GB', options).format(date);
}

export function formatNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(lang.startsWith('vi') ? 'vi-VN' : 'en-GB').format(n);
}

export function formatBytes(bytes: number, lang: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const locale = lang.startsWith('vi') ? 'vi-VN' : 'en-GB';
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
