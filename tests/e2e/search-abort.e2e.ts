/**
 * Typing on gives up the searches it supersedes: the page aborts them, and the host's engine pool
 * drops them before a reader runs them (its own counters, `GET /api/load`, say so). The host waits
 * 1.5 s before each read (ARCHIVE_READER_READ_DELAY_MS), as a busy office archive would, so every
 * search but the last is still waiting when the next keystroke's search goes out.
 */
import { test, expect, openApp } from './fixtures';

interface MethodLoad {
  calls: number;
  ran: number;
  cancelled: number;
}

const QUERY = 'luat cu tru';

test('a search superseded by typing is cancelled in the pool; the last query is shown', async ({
  page,
  slowHost,
}) => {
  await openApp(page, slowHost);
  const origin = new URL(slowHost.url).origin;
  const searches = async (): Promise<MethodLoad> => {
    const reply = await page.request.get(`${origin}/api/load`);
    expect(reply.ok()).toBe(true);
    const body = (await reply.json()) as {
      ok: true;
      result: { pool: { methods: Record<string, MethodLoad> } | null };
    };
    expect(body.result.pool, 'the host serves reads from its pool').not.toBeNull();
    return body.result.pool!.methods.search ?? { calls: 0, ran: 0, cancelled: 0 };
  };
  const before = await searches();

  // Letter by letter, each after the search box's pause (150 ms) and well before an answer.
  const box = page.getByRole('searchbox', { name: 'Tìm kiếm trong kho lưu trữ' });
  await box.pressSequentially(QUERY, { delay: 300 });

  const results = page.getByRole('list', { name: 'Kết quả tìm kiếm' });
  const law = results.getByRole('link', { name: 'Luật Cư trú số 68/2020/QH14' });
  await expect(law).toBeVisible();

  const after = await searches();
  const asked = after.calls - before.calls;
  expect(asked, 'several searches went out while typing').toBeGreaterThan(2);
  expect(after.cancelled - before.cancelled, 'all but the last were cancelled').toBe(asked - 1);
  expect(after.ran - before.ran, 'only the last reached a reader').toBe(1);
  // An aborted search is never an error the user sees: the alerts region stays empty.
  await expect(page.getByRole('alert')).toHaveText('');

  // What is shown is the last query's own results, in its order.
  const direct = await page.request.post(`${origin}/api/search`, {
    data: { query: QUERY, typeAhead: true, limit: 20, offset: 0, sort: 'relevance' },
  });
  const expected = ((await direct.json()) as { result: { hits: { title: string }[] } }).result.hits;
  expect(expected.length).toBeGreaterThan(0);
  // Each hit's first link is its title (a hit in a law links its Điều after it).
  const items = results.getByRole('listitem');
  await expect(items.first().getByRole('link').first()).toHaveText(expected[0].title);
  const titles: string[] = [];
  for (let i = 0; i < Math.min(await items.count(), expected.length); i++) {
    titles.push((await items.nth(i).getByRole('link').first().textContent()) ?? '');
  }
  expect(titles.length).toBeGreaterThan(0);
  expect(titles).toEqual(expected.slice(0, titles.length).map((h) => h.title));
  await expect(box).toHaveValue(QUERY);
});
