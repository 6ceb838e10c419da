/**
 * `npm run bench:startup`: how soon the command line answers, as a user starts it, in fresh
 * processes: `archive-reader --help` to its exit, and a cold `search` on a 10,000-article archive
 * (the bench's 10k tier, real articles from the corpus) to its first line of output. Each figure
 * is the median of N fresh processes (10 unless `--runs N`) for the compiled runtime (what
 * bin/archive-reader.mjs runs) and for the sources through tsx (ARCHIVE_READER_TSX=1, as before),
 * with the ratio, beside a floor: `node -e 0`, the cost of starting Node at all on this machine.
 * The runs of each kind are interleaved, so a noisy neighbour weighs on all of them alike, and
 * beside each wall time is the process's CPU time (Linux), which such a neighbour hardly moves.
 *
 * The 10k archive is built on first use into `$TMPDIR/archive-reader-startup-10k` and reused.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTierInput, TIERS } from './corpus';
import { ROOT } from './proc';
import { median } from './stats';

const BIN = path.join(ROOT, 'bin', 'archive-reader.mjs');
const TARGETS = { help: 120, search: 250 };
const QUERIES = ['ủy ban nhân dân', 'nghi dinh', 'giáo dục', 'kinh tế', 'bão lũ', 'dân vận'];

const argv = process.argv.slice(2);
const runs = Number(argv[argv.indexOf('--runs') + 1]) || 10;
const log = (message: string) => process.stderr.write(`${message}\n`);

/**
 * CPU seconds of the children this process has waited for (Linux: /proc/self/stat, in ticks of
 * 10 ms): unlike wall time, it does not grow when other work shares the cores. Null elsewhere.
 */
function childCpuMs(): number | null {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10; // cutime + cstime
  } catch {
    return null;
  }
}

const cpu: Record<string, number> = {};

/** Milliseconds from spawn to the first line on stdout (`first`) or to the exit (`exit`). */
function time(
  args: string[],
  env: NodeJS.ProcessEnv,
  until: 'first' | 'exit',
  kind = '',
): Promise<number> {
  const cpuBefore = childCpuMs();
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let first = NaN;
    child.stdout.on('data', (chunk: Buffer) => {
      if (Number.isNaN(first) && chunk.includes(10)) first = performance.now() - started;
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${args.join(' ')}: exit ${code}\n${stderr}`));
      const cpuAfter = childCpuMs();
      if (kind && cpuBefore !== null && cpuAfter !== null)
        cpu[kind] = (cpu[kind] ?? 0) + cpuAfter - cpuBefore;
      resolve(until === 'first' ? first : performance.now() - started);
    });
  });
}

async function archive10k(): Promise<string> {
  const dir = path.join(os.tmpdir(), 'archive-reader-startup-10k');
  const db = path.join(dir, 'archive.db');
  if (fs.existsSync(path.join(dir, 'done'))) return db;
  fs.rmSync(dir, { recursive: true, force: true });
  log(`Building the 10k archive in ${dir} (once)…`);
  const input = await buildTierInput(TIERS['10k'], path.join(dir, 'input'), 1, log);
  const result = spawnSync(
    process.execPath,
    [BIN, '--db', db, 'import', '--json', ...input.files],
    {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  if (result.status !== 0) throw new Error(`import failed: ${result.stdout}`);
  log(`  imported: ${result.stdout.trim()}`);
  fs.rmSync(path.join(dir, 'input'), { recursive: true, force: true });
  fs.writeFileSync(path.join(dir, 'done'), '');
  return db;
}

const built = { ARCHIVE_READER_TSX: '' };
const tsx = { ARCHIVE_READER_TSX: '1' };

async function main(): Promise<void> {
  const db = await archive10k();
  // The runtime built (or found current) before anything is timed.
  await time([BIN, '--help'], built, 'exit');
  const samples: Record<string, number[]> = {
    floor: [],
    helpBuilt: [],
    helpTsx: [],
    searchBuilt: [],
    searchTsx: [],
  };
  log(`${runs} fresh processes of each kind…`);
  for (let i = 0; i < runs; i++) {
    const search = [BIN, '--db', db, 'search', QUERIES[i % QUERIES.length]];
    samples.floor.push(await time(['-e', '0'], {}, 'exit', 'floor'));
    samples.helpBuilt.push(await time([BIN, '--help'], built, 'exit', 'helpBuilt'));
    samples.helpTsx.push(await time([BIN, '--help'], tsx, 'exit', 'helpTsx'));
    samples.searchBuilt.push(await time(search, built, 'first', 'searchBuilt'));
    samples.searchTsx.push(await time(search, tsx, 'first', 'searchTsx'));
  }
  const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
  const ms = (v: number) => `${Math.round(v)} ms`;
  // CPU of a whole process (to its exit), the mean over the runs.
  const c = (kind: string) => (kind in cpu ? ` (CPU ${ms(cpu[kind] / runs)})` : '');
  const met = (v: number, target: number) => (v <= target ? 'met' : `missed by ${ms(v - target)}`);
  const rows = [
    ['`node -e 0` (floor: starting Node)', ms(m.floor) + c('floor'), '', '', ''],
    [
      '`archive-reader --help`, to exit',
      ms(m.helpBuilt) + c('helpBuilt'),
      ms(m.helpTsx) + c('helpTsx'),
      `${(m.helpTsx / m.helpBuilt).toFixed(1)}×`,
      `≤ ${TARGETS.help} ms: ${met(m.helpBuilt, TARGETS.help)}`,
    ],
    [
      'cold `search` on 10k articles, to the first line',
      ms(m.searchBuilt) + c('searchBuilt'),
      ms(m.searchTsx) + c('searchTsx'),
      `${(m.searchTsx / m.searchBuilt).toFixed(1)}×`,
      `≤ ${TARGETS.search} ms: ${met(m.searchBuilt, TARGETS.search)}`,
    ],
  ];
  const out = [
    `Start-up, median of ${runs} fresh processes (${os.cpus().length} cores, load ${os
      .loadavg()[0]
      .toFixed(1)})`,
    '',
    '| | compiled | tsx (before) | tsx ÷ compiled | target |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    `All samples (ms): ${Object.entries(samples)
      .map(([k, v]) => `${k} ${v.map(Math.round).join(' ')}`)
      .join('; ')}`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

await main();
