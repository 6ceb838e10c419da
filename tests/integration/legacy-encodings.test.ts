/**
 * Files from the 1990s and 2000s: a TCVN3 (ABC) text file, a VNI-Windows text file, a TCVN3 web
 * page and an official document in VNI, imported through the archive as a user would, found by
 * an accent-free search, and shown with the encoding they were converted from.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../electron/core/archive/archive';
import { toLegacyBytes } from '../../electron/core/text/legacy';

const TCVN3_ARTICLE = `Thứ Hai, 21/07/2003

Bước tiến mới trong công tác dân vận ở Lạng Sơn

Những năm qua, công tác dân vận của tỉnh Lạng Sơn đã có nhiều chuyển biến tích cực, góp phần quan trọng vào việc củng cố khối đại đoàn kết toàn dân tộc.

Người dân ở các thôn, bản vùng cao đồng thuận với chủ trương của Đảng và chính sách, pháp luật của Nhà nước; nhiều mô hình “Dân vận khéo” được nhân rộng.

Trung Xuân`;

const VNI_ARTICLE = `Hội nghị tổng kết phong trào thi đua yêu nước huyện Mường Tè

Sáng nay, Ủy ban nhân dân huyện Mường Tè tổ chức hội nghị tổng kết phong trào thi đua yêu nước giai đoạn 2000 - 2005.

Các đại biểu đã thảo luận về những khó khăn trong việc xóa đói giảm nghèo ở các xã biên giới và đề ra giải pháp cho giai đoạn tới.

Minh Anh`;

const VNI_DECISION = `ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 25/2004/QĐ-UB
Lai Châu, ngày 15 tháng 3 năm 2004
QUYẾT ĐỊNH
Về việc thành lập Ban chỉ đạo phổ cập giáo dục tiểu học
Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 21 tháng 6 năm 1994;
Điều 1. Thành lập Ban chỉ đạo phổ cập giáo dục tiểu học tỉnh Lai Châu.`;

const TCVN3_PAGE = `<html><head><meta charset="windows-1252"><title>Tin tức</title></head><body>
<article><h1>Đường giao thông nông thôn về đến bản</h1>
<p>Con đường bê tông dài ba cây số nối trung tâm xã với các bản vùng sâu đã hoàn thành sau sáu tháng thi công.</p>
<p>Bà con dân bản phấn khởi vì từ nay việc đi lại, vận chuyển nông sản và đưa con em đến trường thuận tiện hơn nhiều.</p>
<p>Kinh phí xây dựng do Nhà nước hỗ trợ và nhân dân đóng góp ngày công lao động.</p>
</article></body></html>`;

let dir: string;
let archive: Archive;
const ids = new Map<string, string>();

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'legacy-import-'));
  const input = path.join(dir, 'input');
  fs.mkdirSync(input);
  const files: Array<[string, Uint8Array]> = [
    ['dan-van-tcvn3.txt', toLegacyBytes(TCVN3_ARTICLE.replace(/\n/g, '\r\n'), 'tcvn3')],
    ['muong-te-vni.txt', toLegacyBytes(VNI_ARTICLE, 'vni')],
    ['quyet-dinh-vni.txt', toLegacyBytes(VNI_DECISION, 'vni')],
    ['giao-thong.htm', toLegacyBytes(TCVN3_PAGE, 'tcvn3')],
  ];
  for (const [name, bytes] of files) fs.writeFileSync(path.join(input, name), bytes);
  archive = Archive.open(path.join(dir, 'archive.db'));
  const summary = await archive.importPaths([input]);
  assert.deepEqual(summary.failed, []);
  assert.equal(summary.imported, files.length);
  for (const id of summary.articleIds) ids.set(path.basename(archive.getArticle(id).sourceId), id);
});

after(() => {
  archive?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function found(query: string): string[] {
  return archive.search({ query, limit: 5 }).hits.map((h) => h.id);
}

test('a TCVN3 text file: converted, found without accents, encoding recorded', () => {
  const id = ids.get('dan-van-tcvn3.txt')!;
  assert.equal(found('cong tac dan van lang son')[0], id);
  assert.equal(found('dan van kheo')[0], id);
  const article = archive.getArticle(id);
  assert.equal(article.title, 'Bước tiến mới trong công tác dân vận ở Lạng Sơn');
  assert.equal(article.date, '2003-07-21');
  assert.equal(article.author, 'Trung Xuân');
  assert.equal(article.encoding, 'tcvn3');
  assert.match(JSON.stringify(article.blocks), /nhiều mô hình “Dân vận khéo” được nhân rộng/);
});

test('a VNI text file: converted, found without accents, encoding recorded', () => {
  const id = ids.get('muong-te-vni.txt')!;
  assert.equal(found('thi dua yeu nuoc muong te')[0], id);
  const article = archive.getArticle(id);
  assert.equal(article.title, 'Hội nghị tổng kết phong trào thi đua yêu nước huyện Mường Tè');
  assert.equal(article.encoding, 'vni');
  assert.equal(article.author, 'Minh Anh');
});

test('an official document in VNI: converted, then its header read', () => {
  const article = archive.getArticle(ids.get('quyet-dinh-vni.txt')!);
  assert.equal(article.encoding, 'vni');
  assert.deepEqual(
    [article.docNumber, article.docType, article.issuer, article.place, article.date],
    ['25/2004/QĐ-UB', 'Quyết định', 'Ủy ban nhân dân tỉnh Lai Châu', 'Lai Châu', '2004-03-15'],
  );
  assert.equal(found('25/2004/qd-ub')[0], article.id);
});

test('a TCVN3 web page that declares Windows-1252', () => {
  const article = archive.getArticle(ids.get('giao-thong.htm')!);
  assert.equal(article.encoding, 'tcvn3');
  assert.equal(article.title, 'Đường giao thông nông thôn về đến bản');
  assert.equal(found('duong be tong ban vung sau')[0], article.id);
});

test('Unicode files keep no encoding', async () => {
  const file = path.join(dir, 'unicode.txt');
  fs.writeFileSync(file, VNI_ARTICLE.replace('Mường Tè', 'Sìn Hồ'));
  const summary = await archive.importPaths([file]);
  assert.equal(archive.getArticle(summary.articleIds[0]).encoding, null);
});
