/**
 * An OLE2 compound file (D0 CF 11 E0): Word 97–2003 keeps its text in a `WordDocument` stream,
 * and Office keeps a password-protected docx/xlsx/pptx in one as `EncryptionInfo` +
 * `EncryptedPackage`. Read with word-extractor's own compound-file reader (the one it reads the
 * text with), so the streams are listed the same way the text is later found.
 */
import OleCompoundDoc from 'word-extractor/lib/ole-compound-doc.js';
import BufferReader from 'word-extractor/lib/buffer-reader.js';
import { drain } from '../chunks';
import { oleStructureSound } from './ole-check';

export type OleContent = 'doc' | 'encrypted-doc' | 'encrypted-ooxml' | 'other';

/** The FIB's flags word: fEncrypted (0x0100) and fObfuscated (0x8000) both mean a password. */
const FIB_FLAGS = 0x0a;
const ENCRYPTED = 0x0100;
const OBFUSCATED = 0x8000;
const WORD_MAGIC = 0xa5ec;

async function streamHead(doc: OleCompoundDoc, name: string, bytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of drain(doc.stream(name))) {
    parts.push(chunk);
    size += chunk.length;
    if (size >= bytes) break;
  }
  return Buffer.concat(parts);
}

/** What an OLE2 file holds; throws (any error) when its structure cannot be read. */
export async function oleContent(bytes: Buffer): Promise<OleContent> {
  if (!oleStructureSound(bytes)) throw new Error('unsound OLE2 structure');
  const doc = await new OleCompoundDoc(new BufferReader(bytes)).read();
  const streams = doc._rootStorage._dirEntry.streams;
  if ('EncryptionInfo' in streams && 'EncryptedPackage' in streams) return 'encrypted-ooxml';
  if (!('WordDocument' in streams)) return 'other';
  const fib = await streamHead(doc, 'WordDocument', 64);
  if (fib.length < 12 || fib.readUInt16LE(0) !== WORD_MAGIC) return 'other';
  const flags = fib.readUInt16LE(FIB_FLAGS);
  return flags & (ENCRYPTED | OBFUSCATED) ? 'encrypted-doc' : 'doc';
}
