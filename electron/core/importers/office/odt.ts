/**
 * OpenDocument Text (.odt): `content.xml` read with htmlparser2 in XML mode. `text:h` is a heading
 * (its `text:outline-level`), `text:p` a paragraph, `text:list` nested lists (numbered or bulleted
 * by the list style of each level), `table:table` a table, `text:note` a footnote or endnote kept
 * after the body with its citation left in the text. Fonts come from the paragraph and span
 * styles (content.xml's automatic styles, styles.xml's named ones, then the default style), so
 * text drawn in a legacy Vietnamese font is converted span by span.
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { Block, LegacyEncoding } from '../../model';
import type { OfficeText } from './compose';
import { elements, isElement, textOf } from './dom';
import { fromLegacyFont, legacyFont } from './fonts';
import { ListCounter, listMarker } from './markers';
import type { Zip } from './zip';

export const ODT_KIND = 'OpenDocument (.odt)';
export const ODT_TYPE = 'application/vnd.oasis.opendocument.text';

const MAX_SMALL_PART = 8 * 1024 * 1024;
const MAX_DEPTH = 16;

interface NumberFormat {
  format: string;
  prefix: string;
  suffix: string;
}

interface Styles {
  font: Map<string, string | null>;
  parent: Map<string, string | null>;
  /** font-face name → font family. */
  faces: Map<string, string>;
  defaultFont: string | null;
  /** list style → its numbered levels (1-based) and how each writes its number. */
  numbered: Map<string, Map<number, NumberFormat>>;
}

function root(xml: string | null): Element | null {
  if (!xml) return null;
  return parseDocument(xml, { xmlMode: true }).children.find(isElement) ?? null;
}

function descendants(e: Element, name: string, out: Element[] = []): Element[] {
  for (const child of elements(e)) {
    if (child.name === name) out.push(child);
    else descendants(child, name, out);
  }
  return out;
}

function readStyles(...roots: (Element | null)[]): Styles {
  const styles: Styles = {
    font: new Map(),
    parent: new Map(),
    faces: new Map(),
    defaultFont: null,
    numbered: new Map(),
  };
  for (const r of roots) {
    if (!r) continue;
    for (const face of descendants(r, 'style:font-face')) {
      const family = (face.attribs['svg:font-family'] ?? '').replace(/^['"]|['"]$/g, '');
      styles.faces.set(face.attribs['style:name'] ?? '', family || face.attribs['style:name']);
    }
    for (const style of descendants(r, 'style:style')) {
      const name = style.attribs['style:name'] ?? '';
      const props = elements(style, 'style:text-properties')[0];
      styles.font.set(name, props?.attribs['style:font-name'] ?? null);
      styles.parent.set(name, style.attribs['style:parent-style-name'] ?? null);
    }
    for (const style of descendants(r, 'style:default-style')) {
      if (style.attribs['style:family'] !== 'paragraph') continue;
      const props = elements(style, 'style:text-properties')[0];
      styles.defaultFont = props?.attribs['style:font-name'] ?? styles.defaultFont;
    }
    for (const list of descendants(r, 'text:list-style')) {
      const levels = new Map<number, NumberFormat>();
      for (const level of elements(list, 'text:list-level-style-number')) {
        levels.set(Number(level.attribs['text:level'] ?? 1), {
          format: level.attribs['style:num-format'] ?? '1',
          prefix: level.attribs['style:num-prefix'] ?? '',
          suffix: level.attribs['style:num-suffix'] ?? '',
        });
      }
      styles.numbered.set(list.attribs['style:name'] ?? '', levels);
    }
  }
  return styles;
}

/** A style's font, following parent styles; null when only the default applies. */
function styleFont(styles: Styles, name: string | undefined): string | null {
  const seen = new Set<string>();
  for (let s: string | null | undefined = name; s && !seen.has(s); s = styles.parent.get(s)) {
    seen.add(s);
    const font = styles.font.get(s);
    if (font) return styles.faces.get(font) ?? font;
  }
  return null;
}

class Reader {
  readonly blocks: Block[] = [];
  readonly notes: Block[] = [];
  readonly met = new Set<LegacyEncoding>();
  /** Numbering by list style: a list continues its style's count when it says so. */
  private readonly counters = new Map<string, ListCounter>();
  constructor(private readonly styles: Styles) {}

  private get defaultFont(): string | null {
    const font = this.styles.defaultFont;
    return font ? (this.styles.faces.get(font) ?? font) : null;
  }

  /** The text of a paragraph or heading, each span converted when its font is a legacy one. */
  inline(e: Element, font: string | null): string {
    const own = styleFont(this.styles, e.attribs['text:style-name']) ?? font;
    let out = '';
    for (const node of e.children) out += this.node(node, own);
    return out;
  }

  private node(node: ChildNode, font: string | null): string {
    if (node.type === 'text') {
      const legacy = legacyFont(font);
      if (!legacy) return node.data;
      this.met.add(legacy.encoding);
      return fromLegacyFont(node.data, legacy);
    }
    if (!isElement(node)) return '';
    switch (node.name) {
      case 'text:s':
        return ' '.repeat(Math.min(Number(node.attribs['text:c'] ?? 1) || 1, 100));
      case 'text:tab':
      case 'text:line-break':
        return ' ';
      case 'text:note': {
        const citation = elements(node, 'text:note-citation')[0];
        const label = citation ? textOf(citation).trim() : String(this.notes.length + 1);
        const body = elements(node, 'text:note-body')[0];
        const text = body
          ? elements(body)
              .map((p) => this.inline(p, this.paragraphFont(p)))
              .join(' ')
          : '';
        this.notes.push({ type: 'footnote', label, text });
        return `[${label}]`;
      }
      case 'office:annotation':
      case 'office:annotation-end':
      case 'text:bookmark-ref':
        return node.name === 'text:bookmark-ref' ? textOf(node) : '';
      default:
        return this.inline(node, font);
    }
  }

  private paragraphFont(p: Element): string | null {
    return styleFont(this.styles, p.attribs['text:style-name']) ?? this.defaultFont;
  }

  private paragraphText(p: Element): string {
    return this.inline(p, this.paragraphFont(p));
  }

  private list(list: Element, depth: number, style: string | undefined): void {
    const listStyle = list.attribs['text:style-name'] ?? style ?? '';
    const number = this.styles.numbered.get(listStyle)?.get(depth + 1);
    let counter = this.counters.get(listStyle);
    if (!counter) this.counters.set(listStyle, (counter = new ListCounter()));
    const continued =
      list.attribs['text:continue-numbering'] === 'true' || 'text:continue-list' in list.attribs;
    if (depth === 0 && !continued) counter.reset();
    for (const item of elements(list)) {
      if (item.name !== 'text:list-item' && item.name !== 'text:list-header') continue;
      const texts: string[] = [];
      const nested: Element[] = [];
      for (const child of elements(item)) {
        if (child.name === 'text:list') nested.push(child);
        else if (child.name === 'text:p' || child.name === 'text:h') {
          texts.push(this.paragraphText(child));
        }
      }
      if (texts.length) {
        let text = texts.join(' ');
        if (number && item.name === 'text:list-item') {
          const n = counter.next(depth);
          text = `${listMarker(n, number.format, number.prefix, number.suffix)} ${text}`;
        }
        const ordered = number !== undefined;
        this.blocks.push({ type: 'li', text, ordered, depth: Math.min(depth, MAX_DEPTH) });
      }
      for (const n of nested) this.list(n, depth + 1, listStyle);
    }
  }

  private table(table: Element): void {
    const rows: string[][] = [];
    const visit = (e: Element) => {
      for (const child of elements(e)) {
        if (child.name === 'table:table-row') {
          rows.push(
            elements(child, 'table:table-cell').map((cell) =>
              elements(cell)
                .map((p) => (p.name === 'table:table' ? this.cellTable(p) : this.paragraphText(p)))
                .join(' '),
            ),
          );
        } else if (/^table:table-(?:header-)?rows$|^table:table-row-group$/.test(child.name)) {
          visit(child);
        }
      }
    };
    visit(table);
    this.blocks.push({ type: 'table', rows });
  }

  /** A table inside a cell becomes that cell's text. */
  private cellTable(table: Element): string {
    return descendants(table, 'text:p')
      .map((p) => this.paragraphText(p))
      .join(' ');
  }

  body(container: Element): void {
    for (const e of elements(container)) {
      switch (e.name) {
        case 'text:h': {
          const level = Math.min(Math.max(Number(e.attribs['text:outline-level'] ?? 1) || 1, 1), 6);
          this.blocks.push({ type: 'heading', level, text: this.paragraphText(e) });
          break;
        }
        case 'text:p':
          this.blocks.push({ type: 'p', text: this.paragraphText(e) });
          break;
        case 'text:list':
          this.list(e, 0, undefined);
          break;
        case 'table:table':
          this.table(e);
          break;
        case 'text:tracked-changes':
        case 'text:sequence-decls':
        case 'text:variable-decls':
        case 'office:forms':
        case 'text:table-of-content':
          break;
        default:
          this.body(e);
      }
    }
  }
}

export async function readOdt(zip: Zip, maxXml: number): Promise<OfficeText> {
  const content = root((await zip.read('content.xml', maxXml))?.toString('utf8') ?? null);
  const stylesRoot = root((await zip.read('styles.xml', MAX_SMALL_PART))?.toString('utf8') ?? null);
  const meta = root((await zip.read('meta.xml', MAX_SMALL_PART))?.toString('utf8') ?? null);
  const reader = new Reader(readStyles(stylesRoot, content));
  const text = content && descendants(content, 'office:text')[0];
  if (text) reader.body(text);
  const title = meta && descendants(meta, 'dc:title')[0];
  const met = reader.met;
  return {
    blocks: [...reader.blocks, ...reader.notes],
    title: title ? textOf(title) : null,
    encoding: met.has('tcvn3') ? 'tcvn3' : met.has('vni') ? 'vni' : null,
  };
}
