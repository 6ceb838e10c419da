/**
 * Small helpers over htmlparser2's DOM (domhandler nodes), shared by the HTML that mammoth writes
 * for a docx and the XML of an odt: element children, names, and a node's text.
 */
import type { ChildNode, Element } from 'domhandler';

export function isElement(node: ChildNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function elements(node: Element, name?: string): Element[] {
  return node.children.filter(
    (c): c is Element => isElement(c) && (name === undefined || c.name === name),
  );
}

/** The text under a node; `skip` leaves out elements (nested lists, notes) and `inline` maps some. */
export function textOf(
  node: ChildNode,
  options: { skip?: (e: Element) => boolean; inline?: (e: Element) => string | null } = {},
): string {
  if (node.type === 'text') return node.data;
  if (!isElement(node)) return '';
  if (options.skip?.(node)) return '';
  const own = options.inline?.(node);
  if (own != null) return own;
  return node.children.map((c) => textOf(c, options)).join('');
}
