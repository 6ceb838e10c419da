/**
 * Word 2007+ (.docx): converted with mammoth, which reads the document, its numbering, styles and
 * notes, and writes HTML (docx-html.ts turns that into blocks). Legacy Vietnamese fonts are
 * found by name before conversion — a run's own font, else its character or paragraph style's,
 * else the document default (styles.xml) — and each run drawn in one is converted where it is.
 */
import mammoth from 'mammoth';
import { parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { UserError } from '../../errors';
import type { LegacyEncoding } from '../../model';
import type { OfficeText } from './compose';
import { htmlBlocks } from './docx-html';
import { elements, isElement, textOf } from './dom';
import { fromLegacyFont, legacyFont, type LegacyFont } from './fonts';
import { ListCounter, listMarker } from './markers';
import type { Zip } from './zip';

export const DOCX_KIND = 'Word (.docx)';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Styles and properties are small; a bigger part is not what it claims to be. */
const MAX_SMALL_PART = 8 * 1024 * 1024;

interface StyleFonts {
  /** styleId → its font (own, else inherited), null when none is set. */
  byStyle: Map<string, string | null>;
  /** The default paragraph style's font, else the document defaults'. */
  normal: string | null;
}

function rFont(rPr: Element | undefined): string | null {
  const fonts = rPr && elements(rPr, 'w:rFonts')[0];
  return fonts?.attribs['w:hAnsi'] ?? fonts?.attribs['w:ascii'] ?? null;
}

/** Every style's font from styles.xml, following `basedOn`. */
export function styleFonts(xml: string | null): StyleFonts {
  const byStyle = new Map<string, string | null>();
  if (!xml) return { byStyle, normal: null };
  const root = parseDocument(xml, { xmlMode: true }).children.find(isElement);
  if (!root) return { byStyle, normal: null };
  const own = new Map<string, { font: string | null; basedOn: string | null }>();
  let defaultStyle: string | null = null;
  let docDefault: string | null = null;
  for (const e of elements(root)) {
    if (e.name === 'w:docDefaults') {
      const rPrDefault = elements(e, 'w:rPrDefault')[0];
      docDefault = rFont(rPrDefault && elements(rPrDefault, 'w:rPr')[0]);
    } else if (e.name === 'w:style') {
      const id = e.attribs['w:styleId'] ?? '';
      const basedOn = elements(e, 'w:basedOn')[0]?.attribs['w:val'] ?? null;
      own.set(id, { font: rFont(elements(e, 'w:rPr')[0]), basedOn });
      if (e.attribs['w:type'] === 'paragraph' && e.attribs['w:default'] === '1') defaultStyle = id;
    }
  }
  const resolve = (id: string, seen = new Set<string>()): string | null => {
    const style = own.get(id);
    if (!style || seen.has(id)) return null;
    seen.add(id);
    return style.font ?? (style.basedOn ? resolve(style.basedOn, seen) : null);
  };
  for (const id of own.keys()) byStyle.set(id, resolve(id));
  const normal = (defaultStyle && byStyle.get(defaultStyle)) || docDefault;
  return { byStyle, normal };
}

/** Whether any font the document or its styles name is a legacy Vietnamese font. */
function namesLegacyFont(...xml: (string | null)[]): boolean {
  for (const part of xml) {
    if (!part) continue;
    for (const [, name] of part.matchAll(/w:(?:ascii|hAnsi)="([^"]*)"/g)) {
      if (legacyFont(name)) return true;
    }
  }
  return false;
}

interface MammothNode {
  type: string;
  numbering?: { level: string; isOrdered: boolean } | null;
  children?: MammothNode[];
  styleId?: string | null;
  styleName?: string | null;
  font?: string | null;
  value?: string;
  body?: MammothNode[];
}

/** Convert, in place, the text of every run drawn in a legacy font; returns the encodings met. */
function convertRuns(document: MammothNode, fonts: StyleFonts): Set<LegacyEncoding> {
  const met = new Set<LegacyEncoding>();
  const styleFont = (id: string | null | undefined) => (id ? fonts.byStyle.get(id) : null) ?? null;
  const visit = (node: MammothNode, paragraphFont: string | null) => {
    let font = paragraphFont;
    if (node.type === 'paragraph') font = styleFont(node.styleId) ?? fonts.normal;
    let legacy: LegacyFont | null = null;
    if (node.type === 'run') {
      legacy = legacyFont(node.font ?? styleFont(node.styleId) ?? paragraphFont);
      if (legacy) met.add(legacy.encoding);
    }
    for (const child of node.children ?? []) {
      if (legacy && child.type === 'text' && child.value) {
        child.value = fromLegacyFont(child.value, legacy);
      } else visit(child, font);
    }
  };
  visit(document, fonts.normal);
  const notes = (document as { notes?: { _notes?: Record<string, MammothNode> } }).notes?._notes;
  for (const note of Object.values(notes ?? {})) {
    for (const paragraph of note.body ?? []) visit(paragraph, fonts.normal);
  }
  return met;
}

function firstText(node: MammothNode): MammothNode | null {
  for (const child of node.children ?? []) {
    if (child.type === 'text') return child;
    const found = firstText(child);
    if (found) return found;
  }
  return null;
}

/**
 * Write each numbered paragraph's marker into its text ("1. …"), counted per numbering level as
 * Word counts (a list broken by other paragraphs goes on). Mammoth does not say how a level
 * writes its number, so every level counts in digits, and numbered headings keep no number.
 */
function numberParagraphs(document: MammothNode): void {
  // A list is known by its first level's numbering (one object per list definition); its deeper
  // levels count in the counter of the list whose first level came last.
  const counters = new Map<object, ListCounter>();
  let current: ListCounter | null = null;
  const visit = (node: MammothNode) => {
    const numbering = node.type === 'paragraph' ? node.numbering : null;
    // LibreOffice and Word attach headings to an outline "numbering" that writes no number.
    const heading = /^heading\s*[1-6]$/i.test(node.styleName ?? '');
    if (numbering?.isOrdered && !heading) {
      const depth = Number(numbering.level) || 0;
      if (depth === 0 || !current) {
        current = counters.get(numbering) ?? new ListCounter();
        counters.set(numbering, current);
      }
      const text = firstText(node);
      if (text) text.value = `${listMarker(current.next(depth))} ${text.value ?? ''}`;
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(document);
}

/** The document's own title (docProps/core.xml `dc:title`). */
function coreTitle(xml: string | null): string | null {
  if (!xml) return null;
  const root = parseDocument(xml, { xmlMode: true }).children.find(isElement);
  const title = root && elements(root, 'dc:title')[0];
  return title ? textOf(title) : null;
}

async function part(zip: Zip, name: string, limit: number): Promise<string | null> {
  const bytes = await zip.read(name, limit);
  return bytes ? bytes.toString('utf8') : null;
}

export async function readDocx(zip: Zip, bytes: Buffer, maxXml: number): Promise<OfficeText> {
  // Inflating the parts through yauzl first holds each to its declared size (see zip.ts), so
  // mammoth's own unzip meets no surprise; styles and core properties are small.
  const documentXml = await part(zip, 'word/document.xml', maxXml);
  const stylesXml = await part(zip, 'word/styles.xml', MAX_SMALL_PART);
  const coreXml = await part(zip, 'docProps/core.xml', MAX_SMALL_PART);
  // Every other part mammoth may read (notes, numbering, relationships, comments) too.
  for (const name of zip.parts.keys()) {
    if (
      /\.(?:xml|rels)$/.test(name) &&
      !/^(?:word\/(?:document|styles)|docProps\/core)\.xml$/.test(name)
    ) {
      await zip.verify(name, maxXml);
    }
  }
  const legacy = namesLegacyFont(documentXml, stylesXml);
  const fonts = styleFonts(legacy ? stylesXml : null);
  const met = new Set<LegacyEncoding>();
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      {
        // Word's Title and Subtitle styles are headings too (mammoth maps Heading 1–6 itself).
        styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"],
        // Pictures are not read at all: an article keeps text, and the original keeps the rest.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        transformDocument: (document: MammothNode) => {
          numberParagraphs(document);
          if (legacy) for (const e of convertRuns(document, fonts)) met.add(e);
          return document;
        },
      },
    );
    html = result.value;
  } catch {
    throw new UserError('import.office-damaged', { kind: DOCX_KIND, part: 'word/document.xml' });
  }
  const encoding = met.has('tcvn3') ? 'tcvn3' : met.has('vni') ? 'vni' : null;
  return { blocks: htmlBlocks(html), title: coreTitle(coreXml), encoding };
}
