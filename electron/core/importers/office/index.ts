/**
 * Word (.docx, .doc) and OpenDocument Text (.odt), recognised by content, not by name: a ZIP
 * holding `word/document.xml` is a docx, one whose `mimetype` entry says
 * `application/vnd.oasis.opendocument.text` an odt, and an OLE2 compound file with a
 * `WordDocument` stream a .doc. Other ZIPs and OLE2 files (a spreadsheet, a slide deck) stay
 * refused as binaries.
 *
 * Memory is bounded: the file is read whole only up to MAX_OFFICE_BYTES (64 MB); a ZIP is measured
 * from its central directory before anything is inflated (zip.ts: at most 10 000 entries, 512 MB
 * inflated in all, no entry over 1 MB packed more than 250 : 1), and an XML part is inflated only
 * up to its limit. Mammoth holds about 55 bytes of memory per byte of a docx's XML (the corpus's
 * longest document, 1 M characters in 3.2 MB of document.xml, peaks at 345 MB of RSS: see
 * bench/office-import.ts), so a docx part stops at MAX_DOCX_XML_BYTES (12 MB: that document as
 * Word's wordier XML, with room); an odt's content.xml, read by htmlparser2, at MAX_XML_BYTES.
 * Password-protected files — an encrypted docx is an OLE2 file with `EncryptionInfo` and
 * `EncryptedPackage`, a protected .doc has fEncrypted in its FIB, a protected odt lists encryption
 * data in its manifest — are refused with one sentence saying so.
 */
import { basename } from 'node:path';
import { UserError } from '../../errors';
import { drain } from '../chunks';
import type { DraftItem } from '../draft';
import { formatSize, type ByteSource } from '../read';
import { officeDraft, type OfficeText } from './compose';
import { DOC_TYPE, readDoc } from './doc';
import { DOCX_KIND, DOCX_TYPE, readDocx } from './docx';
import { oleContent } from './ole';
import { ODT_KIND, ODT_TYPE, readOdt } from './odt';
import { checkInflation, openZip, type Zip } from './zip';

export const MAX_OFFICE_BYTES = 64 * 1024 * 1024;
export const MAX_XML_BYTES = 48 * 1024 * 1024;
export const MAX_DOCX_XML_BYTES = 12 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(head: Uint8Array, magic: number[]): boolean {
  return head.length >= magic.length && magic.every((b, i) => head[i] === b);
}

/** Whether the file is a container an office document may be in (a ZIP or an OLE2 file). */
export function isOfficeContainer(head: Uint8Array): boolean {
  return startsWith(head, ZIP_MAGIC) || startsWith(head, OLE_MAGIC);
}

async function readBounded(source: ByteSource): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of drain(source.stream())) {
      size += chunk.length;
      if (size > MAX_OFFICE_BYTES) break;
      parts.push(chunk);
    }
  } catch (error) {
    // The file went away or became unreadable while it was read.
    if ((error as NodeJS.ErrnoException)?.code) {
      throw new UserError('import.not-found', { path: source.where });
    }
    throw error;
  }
  if (size > MAX_OFFICE_BYTES) {
    throw new UserError('import.too-large', {
      size: `> ${formatSize(MAX_OFFICE_BYTES)}`,
      limit: formatSize(MAX_OFFICE_BYTES),
    });
  }
  return Buffer.concat(parts);
}

interface Read {
  text: OfficeText;
  mediaType: string;
}

const WORD_PART = /^word\//;
const ODF_MIME = /^application\/vnd\.oasis\.opendocument\./;

async function readZip(bytes: Buffer): Promise<Read> {
  let kind = 'ZIP';
  const zip: Zip = await openZip(bytes, () => kind);
  const names = [...zip.parts.keys()];
  const mimetype = zip.parts.has('mimetype')
    ? ((await zip.read('mimetype', 256))?.toString('latin1').trim() ?? '')
    : '';
  let mediaType: string;
  let main: string;
  if (zip.parts.has('word/document.xml') || names.some((n) => WORD_PART.test(n))) {
    [kind, mediaType, main] = [DOCX_KIND, DOCX_TYPE, 'word/document.xml'];
  } else if (mimetype === ODT_TYPE) {
    [kind, mediaType, main] = [ODT_KIND, ODT_TYPE, 'content.xml'];
  } else {
    throw new UserError('import.binary', {
      kind: ODF_MIME.test(mimetype) ? 'OpenDocument' : 'ZIP',
    });
  }
  if ([...zip.parts.values()].some((p) => p.encrypted))
    throw new UserError('import.office-encrypted');
  checkInflation(zip, bytes.length, kind);
  if (kind === ODT_KIND) {
    const manifest = await zip.read('META-INF/manifest.xml', 8 * 1024 * 1024);
    if (manifest?.includes('encryption-data')) throw new UserError('import.office-encrypted');
  }
  if (!zip.parts.has(main)) throw new UserError('import.office-damaged', { kind, part: main });
  const text =
    kind === DOCX_KIND
      ? await readDocx(zip, bytes, MAX_DOCX_XML_BYTES)
      : await readOdt(zip, MAX_XML_BYTES);
  return { text, mediaType };
}

async function readOle(bytes: Buffer): Promise<Read> {
  let content;
  try {
    content = await oleContent(bytes);
  } catch {
    throw new UserError('import.ole-damaged', { kind: 'Office 97–2003' });
  }
  if (content === 'encrypted-doc' || content === 'encrypted-ooxml') {
    throw new UserError('import.office-encrypted');
  }
  if (content === 'other') throw new UserError('import.binary', { kind: 'Office 97-2003' });
  return { text: await readDoc(bytes), mediaType: DOC_TYPE };
}

/** One office file → its article, or the one sentence that says why it cannot be read. */
export async function* readOffice(source: ByteSource, where: string): AsyncGenerator<DraftItem> {
  try {
    if (source.size > MAX_OFFICE_BYTES) {
      throw new UserError('import.too-large', {
        size: formatSize(source.size),
        limit: formatSize(MAX_OFFICE_BYTES),
      });
    }
    const bytes = await readBounded(source);
    const { text, mediaType } = startsWith(bytes, ZIP_MAGIC)
      ? await readZip(bytes)
      : await readOle(bytes);
    const draft = officeDraft(text, where);
    const name = basename(where.replace(/\\/g, '/'));
    yield { ok: true, draft, where, original: { bytes, name, mediaType } };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    yield { ok: false, error, where };
  }
}
