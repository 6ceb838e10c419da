/**
 * Stable URNs for what annotations point to and are: the same on every machine, because an
 * article's id is a hash of its content and an annotation's id is a UUID made once.
 */
const URN = 'urn:archive-reader:';

export const articleUrn = (id: string): string => `${URN}article:${encodeURIComponent(id)}`;
export const annotationUrn = (id: string): string => `${URN}annotation:${encodeURIComponent(id)}`;
export const tagUrn = (articleId: string, tag: string): string =>
  `${URN}tag:${encodeURIComponent(articleId)}:${encodeURIComponent(tag)}`;
export const exportUrn = (generated: string): string =>
  `${URN}export:${encodeURIComponent(generated).replace(/%3A/gi, ':')}`;

/** The id behind one of our URNs, or null when the string is not one of that kind. */
export function fromUrn(kind: 'article' | 'annotation', uri: string): string | null {
  const prefix = `${URN}${kind}:`;
  if (!uri.startsWith(prefix) || uri.length === prefix.length) return null;
  try {
    return decodeURIComponent(uri.slice(prefix.length));
  } catch {
    return null;
  }
}
