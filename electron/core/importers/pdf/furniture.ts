/**
 * Running headers, footers and page numbers: what a printer repeats on every page and a reader
 * skips. A line is furniture when it is one of the first or last lines of its page and the same
 * line (digits aside: "CÔNG BÁO/Số 601" and "Số 602" are one header) stands there on at least
 * half the pages, or when it is a lone page number ("12", "- 12 -", "Trang 12/40").
 */
import type { Segment } from './layout';

/** How many lines at each end of a page may be furniture. */
const EDGE_LINES = 2;
const PAGE_NUMBER =
  /^(?:[-–—]\s*)?(?:(?:trang|page)\s*)?\d{1,4}(?:\s*(?:\/|of|trên)\s*\d{1,4})?(?:\s*[-–—])?$/i;

const lineText = (line: Segment[]) => line.map((s) => s.text).join(' ');
const key = (line: Segment[]) =>
  lineText(line).toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

function edges(count: number): number[] {
  const at = new Set<number>();
  for (let k = 0; k < Math.min(EDGE_LINES, count); k++) at.add(k).add(count - 1 - k);
  return [...at];
}

/** The pages' lines without their furniture (each page's lines top to bottom, as given). */
export function removeFurniture(pages: Segment[][][]): Segment[][][] {
  const seen = new Map<string, number>();
  for (const lines of pages) {
    const keys = new Set(
      edges(lines.length).map((k) => `${k < EDGE_LINES ? 't' : 'b'}${key(lines[k])}`),
    );
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const repeated = (k: string) =>
    pages.length >= 2 && (seen.get(k) ?? 0) >= Math.max(2, pages.length / 2);
  return pages.map((lines) => {
    const drop = new Set<number>();
    for (const k of edges(lines.length)) {
      const line = lines[k];
      if (isPageNumber(lineText(line)) || repeated(`${k < EDGE_LINES ? 't' : 'b'}${key(line)}`)) {
        drop.add(k);
      }
    }
    return lines.filter((_, k) => !drop.has(k));
  });
}
