/**
 * `npm run bench` options. The defaults are set so that the 10k and 100k tiers finish in under
 * 15 minutes on a 2-core machine (bench/README.md says how the time is spent).
 */
import path from 'node:path';
import { TIERS } from './corpus';
import { ROOT } from './proc';
import type { BenchOptions } from './figures';

export interface Options extends BenchOptions {
  keep: boolean;
  out: string;
  /** Build each tier's input files, report their size and stop. */
  inputOnly: boolean;
}

export const USAGE = `npm run bench -- [--tiers 10k,100k] [--queries 200] [--class-budget 15]
                 [--page-queries 80] [--cold-runs 5] [--reindex 10k|all|none|TIERS] [--seed 1]
                 [--input-only] [--keep] [--out DIR]
Tiers: ${Object.keys(TIERS).join(', ')} (1m only when named).`;

export function defaultOptions(): Options {
  return {
    tiers: ['10k', '100k'],
    queries: 200,
    seed: 1,
    coldRuns: 5,
    classBudget: 15,
    pageQueries: 80,
    reindex: ['10k'],
    keep: false,
    out: path.join(ROOT, 'bench', 'results'),
    inputOnly: false,
  };
}

function tierList(value: string): string[] {
  const tiers = value
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  for (const t of tiers) {
    if (!TIERS[t]) throw new Error(`unknown tier ${t} (known: ${Object.keys(TIERS).join(', ')})`);
  }
  return tiers;
}

export function parseArgs(argv: string[]): Options {
  const options = defaultOptions();
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const count = (name: string) => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new Error(`${name} needs a positive whole number`);
      return n;
    };
    if (flag === '--tiers') options.tiers = tierList(value());
    else if (flag === '--queries') options.queries = count('--queries');
    else if (flag === '--seed') options.seed = count('--seed');
    else if (flag === '--cold-runs') options.coldRuns = count('--cold-runs');
    else if (flag === '--class-budget') options.classBudget = count('--class-budget');
    else if (flag === '--page-queries') options.pageQueries = count('--page-queries');
    else if (flag === '--reindex') {
      const v = value();
      options.reindex =
        v === 'none'
          ? []
          : v === 'all'
            ? Object.keys(TIERS).filter((t) => !TIERS[t].onlyWhenAsked)
            : tierList(v);
    } else if (flag === '--keep') options.keep = true;
    else if (flag === '--input-only') options.inputOnly = true;
    else if (flag === '--out') options.out = path.resolve(value());
    else throw new Error(`unknown option ${argv[i]}\n${USAGE}`);
  }
  if (!options.tiers.length) throw new Error(`--tiers names no tier\n${USAGE}`);
  return options;
}
