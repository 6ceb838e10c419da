/**
 * What an importer does with a recognised header: fill the document facts its source did not
 * give (a record's own number, type, issuer and date always win), and name a document that came
 * without a title the way archives and the Official Gazette do ("Quyết định 89/2025/QĐ-UBND về
 * việc …", "Luật Báo chí số 103/2016/QH13").
 */
import type { ArticleDraft } from '../model';
import { recognizeOfficial, type OfficialHeader } from './official';

/** Types whose subject is the document's own name ("Luật Báo chí"), written after the type. */
const NAMED = new Set(['Luật', 'Bộ luật', 'Hiến pháp', 'Pháp lệnh', 'Điều lệ']);
const MAX_TITLE = 250;

/** A subject printed in capitals, as a sentence: "BẢO HIỂM XÃ HỘI" → "bảo hiểm xã hội". */
function sentenceCase(subject: string): string {
  const letters = subject.replace(/[^\p{L}]/gu, '');
  if (letters !== letters.toUpperCase()) return subject;
  return subject.toLowerCase().replace(/việt nam/gu, 'Việt Nam');
}

/** The title a document without one is filed under, or null when the header says too little. */
export function officialTitle(header: OfficialHeader): string | null {
  const { type, number } = header;
  if (!type) return null;
  const subject = header.subject ? sentenceCase(header.subject) : null;
  let title: string;
  if (NAMED.has(type) && subject) {
    title = `${type} ${subject[0].toUpperCase()}${subject.slice(1)}${number ? ` số ${number}` : ''}`;
  } else {
    const about = subject ? ` ${subject[0].toLowerCase()}${subject.slice(1)}` : '';
    title = `${type}${number ? ` ${number}` : ''}${about}`;
  }
  if (!number && !subject) return null;
  return title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE).replace(/\s+\S*$/, '')}…` : title;
}

/**
 * Fill the draft's empty document facts from its text when the text is an official document;
 * a news article that only mentions one is left alone. Returns the header that was read.
 */
export function fillOfficialFacts(draft: ArticleDraft, text: string): OfficialHeader | null {
  if (draft.docNumber && draft.docType && draft.issuer && draft.date && draft.place) return null;
  const header = recognizeOfficial(text, draft.title);
  if (!header.official) return null;
  draft.docNumber ??= header.number;
  draft.docType ??= header.type;
  draft.issuer ??= header.issuer;
  draft.date ??= header.date;
  draft.place ??= header.place;
  return header;
}
