/**
 * A page's text runs (what pdfjs gives: a string at a position, in drawing order) → the page's
 * lines in reading order → paragraphs. Typed documents put one run per line or per word; the
 * official header is two columns side by side (a table in Word), so lines sharing a baseline are
 * split where a wide gap parts them, and a band of such split lines is read left column first.
 * Pure functions: tested on their own, used for every page.
 */
export interface TextRun {
  text: string;
  /** Left end of the baseline, in PDF points, y growing upwards. */
  x: number;
  y: number;
  width: number;
  /** Font size in points. */
  size: number;
  bold?: boolean;
}

/** Runs of one baseline that sit together: a line of a column or of the full width. */
export interface Segment {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  bold: boolean;
  /** Width of one average character, to tell whether the next line's first word would fit. */
  em: number;
  /** The margins of the column the segment is in, when the page has columns there. */
  column?: { left: number; right: number };
}

/** A paragraph of a page, and the geometry of its last line (to continue it on the next page). */
export interface PageParagraph {
  text: string;
  size: number;
  first: Segment;
  last: Segment;
}

/** Two runs further apart than this (in font sizes) are in separate columns or cells. */
const COLUMN_GAP = 1.5;
/** A line step larger than this many times the page's usual one starts a paragraph. */
const PARAGRAPH_STEP = 1.3;

function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) * q)];
}
const median = (values: number[]) => quantile(values, 0.5);

function joinRuns(runs: TextRun[]): Segment {
  let text = '';
  let end = -Infinity;
  let chars = 0;
  let bold = 0;
  for (const run of runs) {
    const gap = run.x - end;
    // Justified text and per-word runs leave gaps instead of spaces.
    if (text && gap > run.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(run.text)) text += ' ';
    text += run.text;
    end = Math.max(end, run.x + run.width);
    chars += run.text.length;
    if (run.bold) bold += run.text.length;
  }
  const x0 = runs[0].x;
  const size = median(runs.map((r) => r.size));
  return {
    text: text.replace(/\s+/g, ' ').trim(),
    x0,
    x1: end,
    y: runs[0].y,
    size,
    bold: bold > chars / 2,
    em: chars ? (end - x0) / chars : size / 2,
  };
}

/** Runs → lines (top to bottom), each line → its segments (left to right). */
export function pageLines(runs: TextRun[]): Segment[][] {
  const visible = runs.filter((r) => r.text.trim() !== '' && r.size > 0);
  visible.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextRun[][] = [];
  for (const run of visible) {
    const line = lines[lines.length - 1];
    // Same baseline within a third of the font size: superscripts and accents stay on their line.
    if (line && Math.abs(line[0].y - run.y) <= Math.min(line[0].size, run.size) * 0.35) {
      line.push(run);
    } else lines.push([run]);
  }
  return lines.map((line) => {
    line.sort((a, b) => a.x - b.x);
    const segments: Segment[] = [];
    let current: TextRun[] = [];
    let end = -Infinity;
    for (const run of line) {
      if (current.length && run.x - end > run.size * COLUMN_GAP) {
        segments.push(joinRuns(current));
        current = [];
      }
      current.push(run);
      end = Math.max(end, run.x + run.width);
    }
    if (current.length) segments.push(joinRuns(current));
    return segments.filter((s) => s.text !== '');
  });
}

/**
 * Lines → segments in reading order. A band of lines that a gutter parts (some line has two
 * segments, no segment crosses the gutter) is read column by column; other lines as they come.
 */
export function readingOrder(lines: Segment[][]): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.length !== 2) {
      out.push(...line);
      i++;
      continue;
    }
    const gutter = (line[0].x1 + line[1].x0) / 2;
    const crosses = (s: Segment) => s.x0 < gutter && s.x1 > gutter;
    let j = i;
    while (j < lines.length && lines[j].length <= 2 && !lines[j].some(crosses)) j++;
    const band = lines.slice(i, j).flat();
    for (const side of [band.filter((s) => s.x1 <= gutter), band.filter((s) => s.x0 >= gutter)]) {
      const column = {
        left: Math.min(...side.map((s) => s.x0)),
        right: Math.max(...side.map((s) => s.x1)),
      };
      out.push(...side.map((s) => ({ ...s, column })));
    }
    i = j;
  }
  return out;
}

/** Two lines of one paragraph; a word hyphenated at the line's end ("docu-" + "ment") is made whole. */
export function joinLines(previous: string, next: string): string {
  if (/\p{L}-$/u.test(previous) && /^\p{Ll}/u.test(next)) return previous.slice(0, -1) + next;
  return `${previous} ${next}`;
}

/** Same type size: within 0.6 pt in a text layer, within OCR's measuring error in a scan. */
const sameSize = (a: Segment, b: Segment) =>
  Math.abs(a.size - b.size) <= Math.max(0.6, a.size * 0.15);

const isUpperLine = (text: string) => /\p{L}/u.test(text) && text === text.toUpperCase();

/** Where a page's text column starts and ends: the margins most lines share. */
export interface Frame {
  left: number;
  right: number;
  step: number;
}

export function pageFrame(segments: Segment[]): Frame {
  // The left margin: the leftmost position a few lines share (a first-line indent is further in;
  // a stray number in the margin is alone).
  const counts = new Map<number, number>();
  for (const s of segments) counts.set(Math.round(s.x0), (counts.get(Math.round(s.x0)) ?? 0) + 1);
  const shared = Math.max(2, Math.ceil(segments.length / 10));
  const lefts = [...counts.keys()].sort((a, b) => a - b);
  const left = lefts.find((x) => (counts.get(x) ?? 0) >= shared) ?? lefts[0] ?? 0;
  const right = segments.length ? Math.max(...segments.map((s) => s.x1)) : 0;
  const steps: number[] = [];
  for (let k = 1; k < segments.length; k++) {
    const step = segments[k - 1].y - segments[k].y;
    if (step > 0) steps.push(step);
  }
  // The line step within a paragraph: the short steps (most steps are between paragraphs when
  // paragraphs are one or two lines long).
  return { left, right, step: quantile(steps, 0.25) || (segments[0]?.size ?? 12) * 1.2 };
}

/** The first word of a line, as wide as it is set. */
function firstWordWidth(s: Segment): number {
  return (s.text.split(' ')[0]?.length ?? 0) * s.em;
}

/**
 * Whether `next` continues the paragraph of `previous` within one page: the usual line step, the
 * same type size, and `previous` ended only because `next`'s first word did not fit — a full
 * line of running text, or one line of a centred heading printed in capitals.
 */
export function continues(previous: Segment, next: Segment, frame: Frame): boolean {
  const step = previous.y - next.y;
  if (step <= 0 || step > frame.step * PARAGRAPH_STEP) return false;
  if (!sameSize(previous, next) || previous.bold !== next.bold) return false;
  const tolerance = previous.size * 0.6;
  const atLeft = Math.abs(next.x0 - (next.column ?? frame).left) <= tolerance;
  const right = (previous.column ?? frame).right;
  const wrapped = previous.x1 + previous.em + firstWordWidth(next) > right - tolerance;
  if (atLeft && wrapped) return true;
  // A centred heading over two lines ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT" / "NAM").
  const centre = (s: Segment) => (s.x0 + s.x1) / 2;
  const centred = Math.abs(centre(previous) - centre(next)) <= previous.size;
  return centred && !atLeft && isUpperLine(previous.text) && isUpperLine(next.text);
}

/** A page's segments (in reading order) → its paragraphs. */
export function pageParagraphs(segments: Segment[], frame = pageFrame(segments)): PageParagraph[] {
  const paragraphs: PageParagraph[] = [];
  for (const segment of segments) {
    const last = paragraphs[paragraphs.length - 1];
    if (last && continues(last.last, segment, frame)) {
      last.text = joinLines(last.text, segment.text);
      last.last = segment;
    } else {
      paragraphs.push({ text: segment.text, size: segment.size, first: segment, last: segment });
    }
  }
  return paragraphs;
}

/**
 * Whether a page's first paragraph continues the previous page's last one: that one filled its
 * line, ends without a full stop, and this one starts at the margin in the same type.
 */
export function continuesAcrossPages(
  previous: PageParagraph,
  previousFrame: Frame,
  next: PageParagraph,
  nextFrame: Frame,
): boolean {
  const a = previous.last;
  const b = next.first;
  if (!sameSize(a, b) || a.bold !== b.bold) return false;
  if (/[.:;!?…]["”)]?$/.test(previous.text)) return false;
  const tolerance = a.size * 0.6;
  const wrapped = a.x1 + a.em + firstWordWidth(b) > previousFrame.right - tolerance;
  return wrapped && Math.abs(b.x0 - nextFrame.left) <= tolerance;
}
