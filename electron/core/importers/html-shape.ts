/**
 * A page's shape, measured before it is built into a DOM: how deep its tags nest and how many
 * there are. Measured here (linkedom, Readability, 2 cores): the DOM library and the article
 * finder slow down with the square of the nesting depth — 200 levels take 2 s, 1,000 levels over
 * a minute, 100,000 levels never finish — and their memory grows by some kilobytes per element.
 * So a page past either limit is refused before they run.
 *
 * The count uses htmlparser2, the tokenizer linkedom itself builds its tree from, with the same
 * options, so the depth counted here is the depth linkedom would build. It stops at the first
 * limit passed: a hostile page costs only its first few hundred tags.
 */
import { Parser } from 'htmlparser2';
import { UserError } from '../errors';

/** Real pages nest 10 to 60 deep; sloppy old pages with unclosed tags go further. */
export const MAX_HTML_DEPTH = 256;
/** A long news page has a few thousand elements; a law saved as a page some tens of thousands. */
export const MAX_HTML_ELEMENTS = 50_000;

/** Throws `import.html-too-deep` or `import.html-too-many-elements`; otherwise returns. */
export function checkHtmlShape(html: string): void {
  let depth = 0;
  let elements = 0;
  let refusal: UserError | null = null;
  const parser = new Parser(
    {
      onopentag() {
        depth++;
        elements++;
        if (depth > MAX_HTML_DEPTH) {
          refusal = new UserError('import.html-too-deep', { limit: MAX_HTML_DEPTH });
        } else if (elements > MAX_HTML_ELEMENTS) {
          refusal = new UserError('import.html-too-many-elements', { limit: MAX_HTML_ELEMENTS });
        }
        // Thrown out of the tokenizer: the only way to stop it before the end of the text.
        if (refusal) throw refusal;
      },
      onclosetag() {
        depth--;
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true, xmlMode: false },
  );
  try {
    parser.write(html);
    parser.end();
  } catch (error) {
    if (refusal !== null && error === refusal) throw refusal;
    throw error;
  }
}
