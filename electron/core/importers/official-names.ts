/**
 * The names an official document's header is written with: its types, the organisations that
 * issue it, and how an issuer printed in capitals is written in running text. Keys are folded
 * (no diacritics, đ → d) and upper-case, as `official.ts` compares them.
 */
import { foldDiacritics } from '../text/vietnamese';

const foldCache = new Map<string, string>();

/** One upper-case character without its diacritics, or a space for a stray combining mark. */
function foldChar(ch: string): string {
  let f = foldCache.get(ch);
  if (f === undefined) {
    f = foldDiacritics(ch).toUpperCase();
    if (f.length !== ch.length) f = f.length === 0 ? ' ' : ch;
    foldCache.set(ch, f);
  }
  return f;
}

/** Upper-case without diacritics, one character for one, so positions carry over to the text. */
export function fold(text: string): string {
  const upper = text.toUpperCase();
  if (upper.length === text.length) return upper.replace(/[\u0080-\uffff]/g, foldChar);
  return Array.from(text, foldChar).join('');
}

export function isUpper(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase();
}

/** Document types (Decree 30/2020/NĐ-CP, Law 80/2015/QH13), longest first where one holds another. */
export const TYPES: ReadonlyArray<readonly [string, string]> = [
  ['VAN BAN HOP NHAT', 'Văn bản hợp nhất'],
  ['NGHI QUYET LIEN TICH', 'Nghị quyết liên tịch'],
  ['THONG TU LIEN TICH', 'Thông tư liên tịch'],
  ['BO LUAT', 'Bộ luật'],
  ['HIEN PHAP', 'Hiến pháp'],
  ['PHAP LENH', 'Pháp lệnh'],
  ['SAC LENH', 'Sắc lệnh'],
  ['NGHI QUYET', 'Nghị quyết'],
  ['NGHI DINH', 'Nghị định'],
  ['QUYET DINH', 'Quyết định'],
  ['THONG TU', 'Thông tư'],
  ['CHI THI', 'Chỉ thị'],
  ['CONG VAN', 'Công văn'],
  ['CONG DIEN', 'Công điện'],
  ['KE HOACH', 'Kế hoạch'],
  ['THONG BAO', 'Thông báo'],
  ['BAO CAO', 'Báo cáo'],
  ['TO TRINH', 'Tờ trình'],
  ['HUONG DAN', 'Hướng dẫn'],
  ['CHUONG TRINH', 'Chương trình'],
  ['DE AN', 'Đề án'],
  ['QUY CHE', 'Quy chế'],
  ['QUY DINH', 'Quy định'],
  ['KET LUAN', 'Kết luận'],
  ['DIEU LE', 'Điều lệ'],
  ['BIEN BAN', 'Biên bản'],
  ['GIAY MOI', 'Giấy mời'],
  ['LUAT', 'Luật'],
  ['LENH', 'Lệnh'],
];

/** The type a number's code names ("89/2025/QĐ-UBND" → QĐ), for a header without a type line. */
export const TYPE_CODES: Record<string, string> = {
  QD: 'Quyết định',
  NQ: 'Nghị quyết',
  ND: 'Nghị định',
  TT: 'Thông tư',
  TTLT: 'Thông tư liên tịch',
  NQLT: 'Nghị quyết liên tịch',
  CT: 'Chỉ thị',
  KH: 'Kế hoạch',
  TB: 'Thông báo',
  BC: 'Báo cáo',
  TTR: 'Tờ trình',
  HD: 'Hướng dẫn',
  CTR: 'Chương trình',
  DA: 'Đề án',
  KL: 'Kết luận',
  CD: 'Công điện',
  VBHN: 'Văn bản hợp nhất',
  PL: 'Pháp lệnh',
  L: 'Luật',
};

/**
 * Central issuers by the code that ends their documents' numbers ("…/NĐ-CP", "…/TT-BTC"): the
 * list of Decree 30/2020/NĐ-CP, for the documents whose header does not name its issuer.
 */
export const ISSUER_CODES: Record<string, string> = {
  CP: 'Chính phủ',
  TTG: 'Thủ tướng Chính phủ',
  UBTVQH: 'Ủy ban Thường vụ Quốc hội',
  VPQH: 'Văn phòng Quốc hội',
  VPCP: 'Văn phòng Chính phủ',
  CTN: 'Chủ tịch nước',
  BTC: 'Bộ Tài chính',
  BYT: 'Bộ Y tế',
  BCA: 'Bộ Công an',
  BQP: 'Bộ Quốc phòng',
  BNG: 'Bộ Ngoại giao',
  BNV: 'Bộ Nội vụ',
  BTP: 'Bộ Tư pháp',
  BCT: 'Bộ Công Thương',
  BXD: 'Bộ Xây dựng',
  BLDTBXH: 'Bộ Lao động - Thương binh và Xã hội',
  BKHDT: 'Bộ Kế hoạch và Đầu tư',
  BKHCN: 'Bộ Khoa học và Công nghệ',
  BGDDT: 'Bộ Giáo dục và Đào tạo',
  BGTVT: 'Bộ Giao thông vận tải',
  BTNMT: 'Bộ Tài nguyên và Môi trường',
  BNNPTNT: 'Bộ Nông nghiệp và Phát triển nông thôn',
  BNNMT: 'Bộ Nông nghiệp và Môi trường',
  BTTTT: 'Bộ Thông tin và Truyền thông',
  BVHTTDL: 'Bộ Văn hóa, Thể thao và Du lịch',
  BDTTG: 'Bộ Dân tộc và Tôn giáo',
  NHNN: 'Ngân hàng Nhà nước Việt Nam',
  TTCP: 'Thanh tra Chính phủ',
  UBDT: 'Ủy ban Dân tộc',
  KTNN: 'Kiểm toán nhà nước',
  TANDTC: 'Tòa án nhân dân tối cao',
  VKSNDTC: 'Viện kiểm sát nhân dân tối cao',
};

/** Words that open the name of an issuing body: a new line starting with one is a new body. */
export const BODY_HEADS = new RegExp(
  '^(?:' +
    [
      'UY BAN',
      'UBND',
      'HOI DONG',
      'HDND',
      'BO',
      'SO',
      'PHONG',
      'BAN',
      'TONG CUC',
      'CHI CUC',
      'CUC',
      'VU',
      'VIEN',
      'TOA AN',
      'TAND',
      'VKSND',
      'VAN PHONG',
      'QUOC HOI',
      'CHINH PHU',
      'THU TUONG',
      'CHU TICH',
      'NGAN HANG',
      'KIEM TOAN',
      'KHO BAC',
      'BAO HIEM',
      'THANH TRA',
      'TRUNG TAM',
      'TRUONG',
      'HOC VIEN',
      'BENH VIEN',
      'CONG AN',
      'DANG UY',
      'DANG BO',
      'CHI BO',
      'TINH UY',
      'THANH UY',
      'HUYEN UY',
      'QUAN UY',
      'THI UY',
      'MAT TRAN',
      'HOI',
      'DOAN',
      'LIEN DOAN',
      'TONG LIEN DOAN',
      'CONG TY',
      'TAP DOAN',
      'DAI HOC',
    ].join('|') +
    ')(?:\\s|$)',
);

/** Abbreviations printed in headers, written out. */
const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/^UBND\b/u, 'Ủy ban nhân dân'],
  [/^HĐND\b/u, 'Hội đồng nhân dân'],
  [/^TAND\b/u, 'Tòa án nhân dân'],
  [/^VKSND\b/u, 'Viện kiểm sát nhân dân'],
  [/\bTP\.\s*/u, 'thành phố '],
];

/** Names that keep their capitals in running text. */
const PROPER = [
  'Quốc hội',
  'Chính phủ',
  'Thủ tướng',
  'Việt Nam',
  'Nhà nước',
  'Thường vụ',
  'Trung ương',
  'Công Thương',
  'Tổ quốc',
  'Hồ Chí Minh',
  'Đảng',
  'Chủ tịch nước',
];

/** Bodies whose next word starts their own name ("Bộ Tài chính", "Sở Nội vụ"). */
const NAMED_AFTER = /^(bộ|sở|cục|tổng cục|vụ|ban|phòng|văn phòng|chi cục)\s/u;
/** Administrative units: the place name after them is capitalised ("tỉnh Lai Châu"). */
const UNITS =
  /(^|\s)(tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường)\s+(\S+(?:\s+\S+){0,3})$/u;

function capitalize(word: string): string {
  return word ? word[0].toUpperCase() + word.slice(1) : word;
}

/**
 * An issuer as running text writes it: "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU" → "Ủy ban nhân dân tỉnh
 * Lai Châu", "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" → "Bộ Lao động - Thương binh và Xã hội".
 */
export function issuerCase(name: string): string {
  let text = name.replace(/\s+/g, ' ').trim();
  if (text !== text.toUpperCase()) return text; // already written in mixed case
  for (const [re, full] of ABBREVIATIONS) text = text.replace(re, full);
  text = text.toLowerCase();
  if (NAMED_AFTER.test(text)) {
    const head = NAMED_AFTER.exec(text)![0];
    const rest = text
      .slice(head.length)
      .split(/(\s-\s|,\s|\svà\s)/u)
      .map((part, i) => (i % 2 === 0 ? capitalize(part) : part))
      .join('');
    text = head + rest;
  }
  const unit = UNITS.exec(text);
  if (unit) {
    const place = unit[3].split(' ').map(capitalize).join(' ');
    text = text.slice(0, unit.index) + unit[1] + unit[2] + ' ' + place;
  }
  for (const proper of PROPER) {
    text = text.replace(
      new RegExp(`(^|\\s)${proper.toLowerCase()}(?=$|\\s|,)`, 'giu'),
      `$1${proper}`,
    );
  }
  return capitalize(text);
}

/** The code segments of a number ("89/2025/QĐ-UBND" → QD, UBND), folded, without a term suffix. */
function codes(number: string): string[] {
  return fold(number)
    .split(/[/-]/)
    .filter((s) => /^[A-Z]/.test(s))
    .map((s) => s.replace(/\d+$/, ''));
}

export function typeOfNumber(number: string): string | null {
  for (const code of codes(number)) if (TYPE_CODES[code]) return TYPE_CODES[code];
  return null;
}

export function issuerOfNumber(number: string): string | null {
  for (const code of codes(number).reverse()) {
    if (code === 'QH') return 'Quốc hội';
    if (ISSUER_CODES[code]) return ISSUER_CODES[code];
  }
  return null;
}

/** "Nghị định 158/2025/NĐ-CP …", "Bộ luật Lao động" → the type a title starts with. */
export function typeOfTitle(title: string): string | null {
  const folded = fold(title.trim());
  for (const [key, name] of TYPES) {
    if (folded.startsWith(key) && /^(?:$|[\s\d])/.test(folded.slice(key.length))) return name;
  }
  return null;
}

function opensBody(text: string): boolean {
  return BODY_HEADS.test(fold(text));
}

/**
 * Issuing bodies from the header's name lines: a line that starts with a body's head noun
 * ("SỞ", "BỘ", "ỦY BAN") begins a new body, any other continues the one above ("TỈNH LAI CHÂU").
 * One line naming several bodies joined by " - " is a joint issue; "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ
 * XÃ HỘI" is one name, since its second part opens no body.
 */
export function issuersOf(lines: string[]): { issuer: string; parent: string | null } | null {
  const bodies: string[] = [];
  for (const raw of lines) {
    const text = raw.replace(/^[^\p{L}]+|[^\p{L})]+$/gu, '');
    if (!text) continue;
    const parts: string[] = [];
    for (const part of text.split(/\s+[-–]\s+/)) {
      if (parts.length && !opensBody(part)) parts[parts.length - 1] += ` - ${part}`;
      else parts.push(part);
    }
    if (parts.length > 1) return { issuer: parts.map(issuerCase).join('; '), parent: null };
    if (bodies.length === 0 || opensBody(text)) bodies.push(text);
    else bodies[bodies.length - 1] += ` ${text}`;
  }
  if (!bodies.length) return null;
  return {
    issuer: issuerCase(bodies[bodies.length - 1]),
    parent: bodies.length > 1 ? issuerCase(bodies.slice(0, -1).join(' ')) : null,
  };
}

/** The body behind an authority line ("BỘ TRƯỞNG BỘ TÀI CHÍNH" → "BỘ TÀI CHÍNH"), or null. */
export function authorityBody(text: string): string | null {
  const head =
    /^(?:KT\.\s*|TM\.\s*)?(?:BO TRUONG|CHU TICH|GIAM DOC|CHU NHIEM|TONG GIAM DOC|THONG DOC|THU TRUONG|TRUONG BAN)(?:\s+|$)/.exec(
      fold(text),
    );
  const rest = head ? text.slice(head[0].length) : text;
  if (head && !rest) return null; // a signer's title alone
  return opensBody(rest) && isUpper(rest) && rest.length <= 120 ? rest : null;
}
