/**
 * Importing through the UI into an empty archive: a plain-text article and a saved news page that
 * tries to run script (inline, event handlers, javascript: links, frames, SVG). Nothing may run,
 * no active element may reach the reader, and the page may not contact any other machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, openApp, SCREENSHOTS } from './fixtures';

const SEED = '/work/shared/seeds/000_6d5d4d6daf6b85b0.txt';
const SEED_TITLE = 'Bước tiến mới trong công tác dân vận ở Lạng Sơn';
const EVIL_TITLE = 'Nghề trồng chè Shan tuyết cổ thụ giúp đồng bào Hà Giang thoát nghèo';

const EVIL_PAGE = `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <title>${EVIL_TITLE} - Báo Hà Giang</title>
  <script>window.__pwned = 1;</script>
  <script src="https://evil.example/tracker.js"></script>
  <link rel="stylesheet" href="https://evil.example/style.css">
</head>
<body onload="window.__pwned = 5">
  <nav class="menu"><a href="/">Trang chủ</a> | <a href="/kinh-te">Kinh tế</a></nav>
  <article class="detail">
    <h1 class="title">${EVIL_TITLE}</h1>
    <div class="date-time">Thứ hai, 15/04/2024 08:30</div>
    <p class="sapo">Những cây chè Shan tuyết hàng trăm năm tuổi trên núi cao Hà Giang đang trở thành
    nguồn thu nhập ổn định cho hàng nghìn hộ đồng bào dân tộc Mông, Dao.</p>
    <p>Tại xã Lũng Phìn, huyện Đồng Văn, bà con đã liên kết thành lập hợp tác xã để thu hái, chế biến
    chè theo quy trình hữu cơ. <script>window.__pwned = 1;</script>Sản phẩm chè Shan tuyết được người
    tiêu dùng trong và ngoài nước đánh giá cao nhờ hương vị đặc trưng của vùng núi đá.</p>
    <p><img src="x" onerror="window.__pwned = 2" alt="Đồi chè Shan tuyết">
    <img src="https://evil.example/pixel.gif" alt="">
    Theo lãnh đạo Sở Nông nghiệp và Phát triển nông thôn tỉnh, diện tích chè Shan tuyết toàn tỉnh hiện
    đạt gần hai mươi nghìn héc-ta, trong đó nhiều vùng đã được cấp chứng nhận chỉ dẫn địa lý.
    <a href="javascript:window.__pwned = 3">Xem thêm chi tiết</a>.</p>
    <iframe src="https://evil.example/frame.html" width="600" height="400"></iframe>
    <p>Chính quyền địa phương khuyến khích người dân bảo tồn cây chè cổ thụ, phát triển du lịch cộng
    đồng gắn với trải nghiệm hái chè. <svg onload="window.__pwned = 4"><circle r="4"></circle></svg>
    Nhiều hộ gia đình đã có thu nhập trên một trăm triệu đồng mỗi năm từ cây chè.</p>
    <p class="author">Minh Hà</p>
  </article>
  <footer>Báo Hà Giang điện tử</footer>
</body>
</html>
`;

test('imported pages cannot run script or reach the network', async ({
  page,
  emptyHost,
  requests,
}, testInfo) => {
  const evilPath = testInfo.outputPath('che-shan-tuyet.html');
  fs.writeFileSync(evilPath, EVIL_PAGE, 'utf8');

  await openApp(page, emptyHost);
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Thư viện' })
    .click();
  await expect(page.getByRole('heading', { name: 'Nhập tài liệu' })).toBeVisible();

  await page.getByLabel('Chọn tệp để nhập').setInputFiles([SEED, evilPath]);

  const summary = page.getByRole('dialog', { name: 'Kết quả nhập tài liệu' });
  await expect(summary).toBeVisible({ timeout: 30_000 });
  await expect(summary.getByRole('definition').first()).toHaveText('2');
  await expect(summary.getByRole('term').first()).toHaveText('Đã nhập');
  await expect(summary.getByRole('definition').nth(2)).toHaveText('0');
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'import-summary.png') });
  await summary.getByRole('button', { name: 'Đóng' }).click();
  await expect(summary).toBeHidden();

  // Both articles are searchable.
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Tìm kiếm' })
    .click();
  const searchbox = page.getByRole('searchbox', { name: 'Tìm kiếm trong kho lưu trữ' });
  await searchbox.fill('dan van');
  const results = page.getByRole('list', { name: 'Kết quả tìm kiếm' });
  await expect(results.getByRole('link', { name: SEED_TITLE })).toBeVisible();

  await searchbox.fill('shan tuyet');
  const evilLink = results.getByRole('link', { name: EVIL_TITLE });
  await expect(evilLink).toBeVisible();
  await evilLink.click();

  const article = page.getByRole('article', { name: EVIL_TITLE });
  await expect(article.getByRole('heading', { level: 1, name: EVIL_TITLE })).toBeVisible();
  await expect(article).toContainText('Lũng Phìn');
  await expect(article).toContainText('chỉ dẫn địa lý');
  // Give any injected handler a chance to fire before checking.
  await page.waitForTimeout(500);

  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  const active = await article.evaluate((el) => ({
    scripts: el.querySelectorAll('script').length,
    iframes: el.querySelectorAll('iframe').length,
    svgs: el.querySelectorAll('svg').length,
    handlers: [...el.querySelectorAll('*')].filter((n) =>
      [...n.attributes].some((a) => a.name.startsWith('on')),
    ).length,
    jsLinks: [...el.querySelectorAll('a[href]')].filter((a) =>
      /^\s*javascript:/i.test(a.getAttribute('href') ?? ''),
    ).length,
  }));
  expect(active).toEqual({ scripts: 0, iframes: 0, svgs: 0, handlers: 0, jsLinks: 0 });
  await expect(article.getByRole('link', { name: 'Xem thêm chi tiết' })).toHaveCount(0);
  await expect(page.locator('iframe')).toHaveCount(0);

  // Nothing left this machine during the whole test.
  expect(requests.length).toBeGreaterThan(0);
  const outside = requests.filter((u) => {
    const url = new URL(u);
    if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
    return url.hostname !== '127.0.0.1';
  });
  expect(outside).toEqual([]);
});
