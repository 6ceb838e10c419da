import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { recognizeOfficial } from '../../../electron/core/importers/official';
import { officialTitle } from '../../../electron/core/importers/official-facts';
import { issuerCase } from '../../../electron/core/importers/official-names';

const LAI_CHAU = `ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 89/2025/QĐ-UBND
Lai Châu, ngày 12 tháng 5 năm 2025
QUYẾT ĐỊNH
Về việc ban hành Quy định quản lý cụm công nghiệp
trên địa bàn tỉnh Lai Châu
ỦY BAN NHÂN DÂN TỈNH LAI CHÂU
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;
Căn cứ Nghị định số 32/2024/NĐ-CP ngày 15 tháng 3 năm 2024 của Chính phủ;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy định quản lý cụm công nghiệp.`;

const EXPECTED = {
  official: true,
  issuer: 'Ủy ban nhân dân tỉnh Lai Châu',
  parentIssuer: null,
  number: '89/2025/QĐ-UBND',
  type: 'Quyết định',
  subject: 'Về việc ban hành Quy định quản lý cụm công nghiệp trên địa bàn tỉnh Lai Châu',
  place: 'Lai Châu',
  date: '2025-05-12',
};

describe('headers as documents print them', () => {
  test('a provincial decision: issuer on two lines, number, place and date, type, subject', () => {
    assert.deepEqual(recognizeOfficial(LAI_CHAU), EXPECTED);
  });

  test('the two columns flattened side by side, the motto interleaved', () => {
    const text = `ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LAI CHÂU Độc lập - Tự do - Hạnh phúc
-------- ---------------
Số: 89/2025/QĐ-UBND Lai Châu, ngày 12 tháng 5 năm 2025
QUYẾT ĐỊNH
Về việc ban hành Quy định quản lý cụm công nghiệp
trên địa bàn tỉnh Lai Châu
Căn cứ Luật Tổ chức chính quyền địa phương;`;
    assert.deepEqual(recognizeOfficial(text), EXPECTED);
  });

  test('the header block after the "Căn cứ" lines, as some PDFs extract it', () => {
    const text = `THÔNG TƯ
Quy định tiêu chuẩn phân loại lao động theo điều kiện lao động
Căn cứ Luật An toàn, vệ sinh lao động ngày 25 tháng 6 năm 2015;
Căn cứ Nghị định số 62/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ;
BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 03/2025/TT-BLĐTBXH
Hà Nội, ngày 11 tháng 02 năm 2025`;
    const h = recognizeOfficial(text);
    assert.equal(h.number, '03/2025/TT-BLĐTBXH');
    assert.equal(h.type, 'Thông tư');
    assert.equal(h.date, '2025-02-11');
    assert.equal(h.issuer, 'Bộ Lao động - Thương binh và Xã hội');
    assert.equal(h.subject, 'Quy định tiêu chuẩn phân loại lao động theo điều kiện lao động');
  });

  test('a parent body above the issuer, an official letter (V/v), a day-first date', () => {
    const text = `UBND TỈNH LAI CHÂU
SỞ TÀI CHÍNH
Số: 1234/STC-QLNS
V/v hướng dẫn lập dự toán ngân sách năm 2025
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lai Châu, ngày 01/7/2024
Kính gửi: Ủy ban nhân dân các huyện, thành phố.`;
    assert.deepEqual(recognizeOfficial(text), {
      official: true,
      issuer: 'Sở Tài chính',
      parentIssuer: 'Ủy ban nhân dân tỉnh Lai Châu',
      number: '1234/STC-QLNS',
      type: 'Công văn',
      subject: 'hướng dẫn lập dự toán ngân sách năm 2025',
      place: 'Lai Châu',
      date: '2024-07-01',
    });
  });

  test('a Party resolution: "Số" without a colon, the Party motto', () => {
    const text = `BAN CHẤP HÀNH TRUNG ƯƠNG
*
Số 12/NQ-TW
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 16 tháng 01 năm 2012
NGHỊ QUYẾT
HỘI NGHỊ LẦN THỨ TƯ BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHOÁ XI`;
    const h = recognizeOfficial(text);
    assert.equal(h.official, true);
    assert.equal(h.number, '12/NQ-TW');
    assert.equal(h.type, 'Nghị quyết');
    assert.equal(h.issuer, 'Ban Chấp hành Trung ương');
    assert.equal(h.date, '2012-01-16');
  });

  test('a code of law: "Luật số", the type BỘ LUẬT, the National Assembly', () => {
    const text = `QUỐC HỘI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Luật số: 91/2015/QH13
Hà Nội, ngày 24 tháng 11 năm 2015
BỘ LUẬT
DÂN SỰ
Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;`;
    const h = recognizeOfficial(text);
    assert.deepEqual(
      [h.issuer, h.number, h.type, h.subject, h.place, h.date],
      ['Quốc hội', '91/2015/QH13', 'Bộ luật', 'DÂN SỰ', 'Hà Nội', '2015-11-24'],
    );
    assert.equal(officialTitle(h), 'Bộ luật Dân sự số 91/2015/QH13');
  });

  test('every type keeps the corpus’s casing', () => {
    const types: Array<[string, string]> = [
      ['THÔNG TƯ LIÊN TỊCH', 'Thông tư liên tịch'],
      ['NGHỊ ĐỊNH', 'Nghị định'],
      ['CHỈ THỊ', 'Chỉ thị'],
      ['KẾ HOẠCH', 'Kế hoạch'],
      ['THÔNG BÁO', 'Thông báo'],
      ['NGHỊ QUYẾT', 'Nghị quyết'],
      ['LUẬT', 'Luật'],
      ['HIẾN PHÁP', 'Hiến pháp'],
    ];
    for (const [printed, type] of types) {
      const text = `BỘ TÀI CHÍNH\nSố: 5/2024/XX-BTC\nHà Nội, ngày 3 tháng 4 năm 2024\n${printed}\nVề một việc`;
      assert.equal(recognizeOfficial(text).type, type, printed);
    }
  });
});

describe('damaged and unusual headers', () => {
  test('OCR spacing: letters spaced out, spaces around / and -, double spaces', () => {
    const text = `ỦY  BAN  NHÂN  DÂN
TỈNH LAI CHÂU
C Ộ N G   H Ò A   X Ã   H Ộ I   C H Ủ   N G H Ĩ A   V I Ệ T   N A M
Số : 89 / 2025 / QĐ - UBND
Lai  Châu ,  ngày  12  tháng  5  năm  2025
Q U Y Ế T   Đ Ị N H
Về việc ban hành Quy định quản lý cụm công nghiệp`;
    const h = recognizeOfficial(text);
    assert.deepEqual(
      [h.official, h.number, h.type, h.place, h.date, h.issuer],
      [
        true,
        '89/2025/QĐ-UBND',
        'Quyết định',
        'Lai Châu',
        '2025-05-12',
        'Ủy ban nhân dân tỉnh Lai Châu',
      ],
    );
  });

  test('no "Số:" in the header: the number comes from the title', () => {
    const text = LAI_CHAU.replace('Số: 89/2025/QĐ-UBND\n', '');
    const h = recognizeOfficial(text, 'Quyết định 89/2025/QĐ-UBND về cụm công nghiệp');
    assert.equal(h.number, '89/2025/QĐ-UBND');
    assert.equal(h.official, true); // motto, date, type and issuer still say so
  });

  test('an impossible date (31/02) is no date; the place stays', () => {
    const text = LAI_CHAU.replace('ngày 12 tháng 5 năm 2025', 'ngày 31 tháng 02 năm 2024');
    const h = recognizeOfficial(text);
    assert.equal(h.date, null);
    assert.equal(h.place, 'Lai Châu');
    assert.equal(
      recognizeOfficial(LAI_CHAU.replace('ngày 12 tháng 5', 'ngày 0 tháng 13')).date,
      null,
    );
  });

  test('a citation of another document is not the number', () => {
    const text = `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
NGHỊ ĐỊNH
Quy định chi tiết thi hành một số điều của Luật Thuế giá trị gia tăng
Nghị định số 181/2025/NĐ-CP ngày 01 tháng 7 năm 2025 của Chính phủ quy định chi tiết, được sửa đổi, bổ sung bởi:`;
    assert.equal(recognizeOfficial(text).number, null);
  });

  test('a consolidated text takes number, issuer and date from its authentication block', () => {
    const text = `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
NGHỊ ĐỊNH
Quy định chi tiết thi hành một số điều của Luật Thuế giá trị gia tăng
Điều 1. Phạm vi điều chỉnh
${'Nội dung điều khoản. '.repeat(200)}
BỘ TÀI CHÍNH
XÁC THỰC VĂN BẢN HỢP NHẤT
Số: 03/VBHN-BTC
Hà Nội, ngày 12 tháng 02 năm 2026
KT. BỘ TRƯỞNG`;
    const h = recognizeOfficial(text);
    assert.deepEqual(
      [h.type, h.number, h.issuer, h.date],
      ['Văn bản hợp nhất', '03/VBHN-BTC', 'Bộ Tài chính', '2026-02-12'],
    );
  });
});

describe('what is not an official document', () => {
  test('a news article quoting a decision', () => {
    const text = `Lai Châu: Công bố quyết định thành lập cụm công nghiệp
Ngày 12/5, UBND tỉnh Lai Châu đã ban hành Quyết định số 89/2025/QĐ-UBND về việc ban hành Quy định quản lý cụm công nghiệp.
Theo quyết định, các cụm công nghiệp sẽ được quản lý thống nhất. Quyết định có hiệu lực từ ngày 1/6.
Minh Anh`;
    assert.equal(recognizeOfficial(text).official, false);
  });

  test('empty, blank and junk text never throw', () => {
    for (const text of [
      '',
      '\n\n',
      '12345',
      'Số:',
      'ngày 12 tháng 5 năm',
      '\u0000\uFFFD'.repeat(50),
    ]) {
      assert.equal(recognizeOfficial(text).official, false, JSON.stringify(text));
    }
  });

  test('a header alone, with nothing to say what it is, is not enough', () => {
    assert.equal(recognizeOfficial('QUYẾT ĐỊNH\nVề việc khen thưởng').official, false);
  });
});

describe('names and titles', () => {
  test('issuers printed in capitals, as running text writes them', () => {
    const cases: Array<[string, string]> = [
      ['ỦY BAN NHÂN DÂN TỈNH LAI CHÂU', 'Ủy ban nhân dân tỉnh Lai Châu'],
      ['UBND HUYỆN MƯỜNG TÈ', 'Ủy ban nhân dân huyện Mường Tè'],
      ['BỘ KẾ HOẠCH VÀ ĐẦU TƯ', 'Bộ Kế hoạch và Đầu tư'],
      ['BỘ CÔNG THƯƠNG', 'Bộ Công Thương'],
      ['ỦY BAN THƯỜNG VỤ QUỐC HỘI', 'Ủy ban Thường vụ Quốc hội'],
      ['NGÂN HÀNG NHÀ NƯỚC VIỆT NAM', 'Ngân hàng Nhà nước Việt Nam'],
      ['Bộ Y tế', 'Bộ Y tế'],
    ];
    for (const [printed, name] of cases) assert.equal(issuerCase(printed), name);
  });

  test('titles of documents that came without one', () => {
    assert.equal(
      officialTitle(recognizeOfficial(LAI_CHAU)),
      'Quyết định 89/2025/QĐ-UBND về việc ban hành Quy định quản lý cụm công nghiệp trên địa bàn tỉnh Lai Châu',
    );
  });
});
