import DOMPurify from 'dompurify';
import { useMemo } from 'react';

/** The host's snippet is escaped text with `<mark>` only; sanitising keeps it that way regardless. */
export function sanitizeSnippet(html: string): string {
  return DOMPurify.sanitize(html, { ALLOWED_TAGS: ['mark'], ALLOWED_ATTR: [] });
}

export function Snippet({ html }: { html: string }) {
  const clean = useMemo(() => sanitizeSnippet(html), [html]);
  if (!clean) return null;
  return <p className="snippet" dangerouslySetInnerHTML={{ __html: clean }} />;
}
