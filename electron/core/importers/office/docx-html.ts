/**
 * The HTML mammoth writes for a docx → blocks. Mammoth maps Word's Heading 1–6 styles to h1–h6,
 * numbered and bulleted paragraphs to nested ol/ul, tables to table/tr/td, and puts the
 * footnotes and endnotes in a last `<ol>` of `<li id="footnote-N">`, each referenced in the text
 * as `<sup><a href="#footnote-N">[k]</a></sup>`.
 */
import { parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import type { Block } from '../../model';
import { elements, isElement, textOf } from './dom';

const NOTE_ID = /^(?:footnote|endnote)-/;
/** The model keeps list depths 0–16. */
const MAX_DEPTH = 16;

function isNoteList(e: Element): boolean {
  const items = elements(e, 'li');
  return (
    e.name === 'ol' && items.length > 0 && items.every((li) => NOTE_ID.test(li.attribs.id ?? ''))
  );
}

function inline(e: Element): string | null {
  if (e.name === 'br') return ' ';
  if (e.name === 'img') return '';
  return null;
}

function plain(e: Element): string {
  return textOf(e, { inline }).replace(/\s+/g, ' ').trim();
}

function listBlocks(list: Element, depth: number, out: Block[]): void {
  const ordered = list.name === 'ol';
  for (const item of elements(list, 'li')) {
    const text = textOf(item, { inline, skip: (e) => e.name === 'ul' || e.name === 'ol' });
    out.push({ type: 'li', text, ordered, depth: Math.min(depth, MAX_DEPTH) });
    for (const nested of elements(item)) {
      if (nested.name === 'ul' || nested.name === 'ol') listBlocks(nested, depth + 1, out);
    }
  }
}

function rowsOf(table: Element): string[][] {
  const rows: string[][] = [];
  const visit = (e: Element) => {
    for (const child of elements(e)) {
      if (child.name === 'tr') {
        rows.push(
          elements(child)
            .filter((c) => c.name === 'td' || c.name === 'th')
            .map(plain),
        );
      } else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') {
        visit(child);
      }
    }
  };
  visit(table);
  return rows;
}

function noteBlocks(list: Element, labels: Map<string, string>, out: Block[]): void {
  // The back link "↑" mammoth adds to each note is not the note's text.
  const back = (e: Element) =>
    e.name === 'a' && /^#(?:footnote|endnote)-ref-/.test(e.attribs.href ?? '');
  for (const item of elements(list, 'li')) {
    const text = textOf(item, { inline, skip: back });
    const label = labels.get(item.attribs.id ?? '') ?? String(out.length + 1);
    out.push({ type: 'footnote', label, text });
  }
}

function walk(nodes: Element[], out: Block[], notes: Block[], labels: Map<string, string>): void {
  for (const e of nodes) {
    const heading = /^h([1-6])$/.exec(e.name);
    if (heading) out.push({ type: 'heading', level: Number(heading[1]), text: plain(e) });
    else if (e.name === 'p') out.push({ type: 'p', text: plain(e) });
    else if (isNoteList(e)) noteBlocks(e, labels, notes);
    else if (e.name === 'ul' || e.name === 'ol') listBlocks(e, 0, out);
    else if (e.name === 'table') out.push({ type: 'table', rows: rowsOf(e) });
    else if (e.name === 'dl')
      continue; // comments
    else walk(elements(e), out, notes, labels);
  }
}

/** The note references' marks ("[1]" → "1"), by the id of the note they point to. */
function noteLabels(root: Element): Map<string, string> {
  const labels = new Map<string, string>();
  const visit = (e: Element) => {
    const href = e.attribs.href ?? '';
    if (e.name === 'a' && /^#(?:footnote|endnote)-/.test(href) && !href.includes('-ref-')) {
      labels.set(href.slice(1), textOf(e).replace(/^\[|\]$/g, ''));
    }
    for (const child of elements(e)) visit(child);
  };
  visit(root);
  return labels;
}

export function htmlBlocks(html: string): Block[] {
  const doc = parseDocument(`<body>${html}</body>`);
  const body = doc.children.find(isElement)!;
  const out: Block[] = [];
  const notes: Block[] = [];
  walk(elements(body), out, notes, noteLabels(body));
  return [...out, ...notes];
}
