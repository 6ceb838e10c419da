// Types of scripts/build-runtime.mjs for the TypeScript that imports it (tests).
import type { RuntimeStamp } from './runtime-stamp.mjs';
export function buildRuntime(dir?: string): Promise<RuntimeStamp>;
export function entryPoints(root?: string): Record<string, string>;
