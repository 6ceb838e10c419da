/**
 * Where a query class's time goes, statement by statement, on an archive kept by a bench run
 * (`--keep`) or imported by hand (`--input-only --keep`, then `archive-reader import`):
 *
 *   npx tsx bench/profile-queries.ts ARCHIVE QUERIES.json CLASSES [PER_CLASS] [ROUNDS]
 *
 * e.g. `… /tmp/archive-reader-bench-XXXX/1m/archive.db /tmp/archive-reader-bench-XXXX/1m/queries.json
 * phrase,title 30 2`. For each class it prints wall and CPU time per search (p50, p95), the bytes
 * the process read from the disk (/proc/self/io), and per kind of statement (listing, count, bm25,
 * accent tier; `+facts` when a filter joins the facts table) its wall and CPU time, rows and disk
 * reads. CPU close to wall means the class is bound by computing; wall well above CPU, by the disk.
 * One process, ours only: the floor is not queried in between as in the bench's own timing.
 */
import fs from 'node:fs';
import { Archive } from '../electron/core/archive/archive';
import type { BenchQuery } from './queries';
import { percentile } from './stats';

const [file, queriesFile, classes, perClass = '30', rounds = '1'] = process.argv.slice(2);
if (!file || !queriesFile || !classes) {
  process.stderr.write('usage: profile-queries.ts ARCHIVE QUERIES.json CLASSES [N] [ROUNDS]\n');
  process.exit(2);
}

type Spent = { n: number; wall: number; cpu: number; rows: number; disk: number };

const diskRead = () =>
  Number(/read_bytes: (\d+)/.exec(fs.readFileSync('/proc/self/io', 'utf8'))?.[1] ?? 0);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** A statement's kind, from its SQL and the MATCH expression bound first. */
function kind(sql: string, expr: unknown): string {
  if (!/MATCH/.test(sql)) return sql.replace(/\s+/g, ' ').slice(0, 40);
  const base = sql.includes('bm25')
    ? 'bm25'
    : sql.includes('count(')
      ? 'count'
      : sql.includes('ORDER BY')
        ? 'list'
        : 'tier';
  const facts = sql.includes('JOIN article_facts') ? '+facts' : '';
  return `${base}${facts}${/[^\p{ASCII}]/u.test(String(expr)) ? ' (accented)' : ''}`;
}

const archive = Archive.open(file);
await archive.warmCatalog();
let spent = new Map<string, Spent>();
const prepare = archive.db.prepare.bind(archive.db);
// Every statement the engine runs is timed where it runs: wrap each one as it is prepared.
archive.db.prepare = ((sql: string) => {
  const statement = prepare(sql);
  for (const method of ['get', 'all'] as const) {
    const run = statement[method].bind(statement) as (...args: unknown[]) => unknown;
    (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      const [wall, cpu, disk] = [performance.now(), cpuMs(), diskRead()];
      const result = run(...args);
      const k = kind(sql, args[0]);
      const s = spent.get(k) ?? { n: 0, wall: 0, cpu: 0, rows: 0, disk: 0 };
      s.n++;
      s.wall += performance.now() - wall;
      s.cpu += cpuMs() - cpu;
      s.disk += diskRead() - disk;
      s.rows += Array.isArray(result) ? result.length : 1;
      spent.set(k, s);
      return result;
    };
  }
  return statement;
}) as typeof prepare;

const all = JSON.parse(fs.readFileSync(queriesFile, 'utf8')) as Array<BenchQuery & { cls: string }>;
const pct = (xs: number[], p: number) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    p * 100,
  );
const ms = (x: number) => `${Math.round(x)} ms`;
const mbRead = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

for (let round = 0; round < Number(rounds); round++) {
  for (const cls of classes.split(',')) {
    const queries = all.filter((q) => q.cls === cls).slice(0, Number(perClass));
    spent = new Map();
    const walls: number[] = [];
    const cpus: number[] = [];
    const disk = diskRead();
    for (const q of queries) {
      const [wall, cpu] = [performance.now(), cpuMs()];
      if (cls === 'typeahead') archive.suggest(q.text, 8);
      else archive.search({ query: q.text, limit: 10, from: q.from, to: q.to });
      walls.push(performance.now() - wall);
      cpus.push(cpuMs() - cpu);
    }
    console.log(
      `round ${round} ${cls}: ${queries.length} searches; wall p50 ${ms(pct(walls, 0.5))}, ` +
        `p95 ${ms(pct(walls, 0.95))}; CPU p50 ${ms(pct(cpus, 0.5))}, p95 ${ms(pct(cpus, 0.95))}; ` +
        `read from disk ${mbRead(diskRead() - disk)}`,
    );
    for (const [k, s] of [...spent].sort((a, b) => b[1].wall - a[1].wall)) {
      console.log(
        `  ${k.padEnd(40)} ×${String(s.n).padStart(4)}  wall ${ms(s.wall).padStart(9)}  ` +
          `CPU ${ms(s.cpu).padStart(9)}  rows ${String(s.rows).padStart(8)}  disk ${mbRead(s.disk)}`,
      );
    }
  }
}
archive.close();
