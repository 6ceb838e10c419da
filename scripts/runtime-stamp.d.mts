// Types of scripts/runtime-stamp.mjs for the TypeScript that imports it (tests, benchmarks).
export interface RuntimeStamp {
  builtFrom: number;
  inputs: string[];
  outputs: string[];
}
export const ROOT: string;
export const RUNTIME_DIR: string;
export const CLI_ENTRY: string;
export function readStamp(dir?: string): RuntimeStamp | null;
export function runtimeState(dir?: string, root?: string): 'missing' | 'stale' | null;
