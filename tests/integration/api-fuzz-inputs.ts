/**
 * Bad inputs for the API fuzz test, made from each method's own schema (through zod's JSON Schema
 * export), so a method added to the contract is fuzzed without anyone listing it here. A seeded
 * generator mutates a minimal valid input: wrong types, missing required fields, unknown fields
 * (`__proto__` among them), values past their limits, bad enum values and dates, strings of
 * megabytes, arrays of a million items, nesting 100,000 deep. Only inputs the schema refuses are
 * returned: the fuzz never sends a call that could legitimately write.
 */
import { z } from 'zod';
import { schemas, type MethodName } from '../../electron/api/contract';

export interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
}

export function jsonSchemaOf(method: MethodName): SchemaNode {
  return z.toJSONSchema(schemas[method], { io: 'input', unrepresentable: 'any' }) as SchemaNode;
}

/** Calls `visit` for every node of the schema, with a readable path. */
export function walkSchema(
  node: SchemaNode,
  where: string,
  visit: (node: SchemaNode, where: string) => void,
): void {
  visit(node, where);
  for (const [key, child] of Object.entries(node.properties ?? {}))
    walkSchema(child, `${where}.${key}`, visit);
  if (node.items) walkSchema(node.items, `${where}[]`, visit);
  node.anyOf?.forEach((child) => walkSchema(child, where, visit));
}

/** The same sequence for the same seed (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEPTH = 100_000;
function nest(leaf: unknown, wrap: (inner: unknown) => unknown): unknown {
  let value = leaf;
  for (let i = 0; i < DEPTH; i++) value = wrap(value);
  return value;
}
export const DEEP_OBJECT = nest('dân vận', (inner) => ({ a: inner }));
export const DEEP_ARRAY = nest([], (inner) => [inner]);
/** 5 million characters (5.6 MB of UTF-8). */
export const HUGE_STRING = 'dân van '.repeat(625_000);
export const HUGE_ARRAY = Array.from({ length: 1_000_000 }, (_, i) => (i % 2 ? 'x' : i));

/** Deep values travel over HTTP as JSON text written out directly (JSON.stringify recurses). */
const DEEP_JSON = new Map<unknown, string>([
  [DEEP_OBJECT, '{"a":'.repeat(DEPTH) + '"dân vận"' + '}'.repeat(DEPTH)],
  [DEEP_ARRAY, '['.repeat(DEPTH) + '[]' + ']'.repeat(DEPTH)],
]);

export function toJson(value: unknown): string {
  const marks = new Map<string, string>();
  const text = JSON.stringify(value, (_key, v: unknown) => {
    const deep = DEEP_JSON.get(v);
    if (deep === undefined) return v;
    const mark = `\u0000deep${marks.size}\u0000`;
    marks.set(JSON.stringify(mark), deep);
    return mark;
  });
  if (text === undefined) return '';
  let out = text;
  for (const [mark, deep] of marks) out = out.replace(mark, deep);
  return out;
}

/** What dispatch would validate (an absent input counts as `{}`), refused by the schema. */
export function isInvalid(method: MethodName, input: unknown): boolean {
  try {
    return !schemas[method].safeParse(input ?? {}).success;
  } catch {
    return true; // a value zod cannot even read is refused by dispatch's own checks
  }
}

/** A minimal input the schema accepts. */
export function example(node: SchemaNode): unknown {
  if (node.anyOf) return example(node.anyOf.find((n) => n.type !== 'null') ?? node.anyOf[0]);
  if (node.const !== undefined) return node.const;
  if (node.enum) return node.enum[0];
  switch (node.type) {
    case 'string':
      return node.pattern ? '2024' : 'a'.repeat(Math.max(1, node.minLength ?? 0));
    case 'integer':
    case 'number':
      return node.minimum ?? 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array':
      return Array.from({ length: node.minItems ?? 0 }, () => example(node.items ?? {}));
    case 'object':
      return Object.fromEntries(
        (node.required ?? []).map((key) => [key, example(node.properties![key])]),
      );
    default:
      return 'a';
  }
}

type Path = (string | number)[];
interface Site {
  path: Path;
  node: SchemaNode;
}

/** Every place a value can go: each property (present or not), array items, nested objects. */
function sites(node: SchemaNode, path: Path = []): Site[] {
  const out: Site[] = [{ path, node }];
  const object = node.anyOf?.find((n) => n.type === 'object') ?? node;
  for (const [key, child] of Object.entries(object.properties ?? {}))
    out.push(...sites(child, [...path, key]));
  const array = node.anyOf?.find((n) => n.type === 'array') ?? node;
  if (array.type === 'array' && array.items) out.push(...sites(array.items, [...path, 0]));
  return out;
}

function setAt(root: unknown, path: Path, value: unknown, parentNodes: SchemaNode[]): unknown {
  if (path.length === 0) return value;
  // A root an earlier mutation made a scalar is rebuilt, so the field can be set.
  const whole = typeof root === 'object' && root !== null ? root : example(parentNodes[0]);
  const copy = structuredClone(whole) as Record<string | number, unknown>;
  let cursor: Record<string | number, unknown> = copy;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    if (typeof cursor[key] !== 'object' || cursor[key] === null)
      cursor[key] = example(parentNodes[i + 1]);
    cursor = cursor[key] as Record<string | number, unknown>;
  }
  cursor[path[path.length - 1]] = value;
  return copy;
}

function removeAt(root: unknown, path: Path): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let cursor: unknown = copy;
  for (const key of path.slice(0, -1)) cursor = (cursor as Record<string | number, unknown>)?.[key];
  if (cursor && typeof cursor === 'object')
    delete (cursor as Record<string, unknown>)[path.at(-1)!];
  return copy;
}

const WEIRD: unknown[] = [
  null,
  0,
  -1,
  1.5,
  -0,
  1e308,
  2 ** 53 + 2,
  '',
  ' ',
  'x',
  'Dân vận',
  '\u202Egnp.exe',
  '\uD800',
  "'; DROP TABLE articles; --",
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  'title:"',
  true,
  false,
  [],
  [null],
  ['x', 1, {}],
  {},
  { $gt: '' },
  { toString: 'x' },
];
const UNKNOWN_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'sql',
  '$where',
  '',
  ' ',
  '\u001b[31m\u0007',
  'k'.repeat(5000),
];

export interface FuzzOptions {
  /** Also values only structured clone carries (IPC): undefined, NaN, Infinity. */
  cloneable?: boolean;
  /**
   * Where the megabyte values go: in every field (in process, where they cost little), or only in
   * the first field (across a thread or a socket, where each is copied).
   */
  large?: 'every field' | 'first field';
  /** Leave out the million-item array (6 MB of JSON on the wire). */
  json?: boolean;
}

/**
 * `count` random bad inputs for `method`, then in every field (or the first) a string of
 * megabytes, an array of a million items and nesting 100,000 deep, as objects and as arrays.
 */
export function fuzzInputs(
  method: MethodName,
  count: number,
  random: () => number,
  options: FuzzOptions = {},
): unknown[] {
  const schema = jsonSchemaOf(method);
  const base = example(schema);
  if (!schemas[method].safeParse(base).success) throw new Error(`${method}: no valid example`);
  const all = sites(schema);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const nodesOn = (path: Path) => path.map((_, i) => siteNode(all, path.slice(0, i)));
  const weird = options.cloneable ? [...WEIRD, undefined, Number.NaN, Infinity] : WEIRD;

  const mutate = (input: unknown): unknown => {
    const site = pick(all);
    const kind = Math.floor(random() * 8);
    const node = site.node.anyOf?.find((n) => n.type !== 'null') ?? site.node;
    switch (kind) {
      case 0: // wrong type
        return setAt(input, site.path, pick(weird), nodesOn(site.path));
      case 1: {
        // a required field missing
        const required = all.filter((s) => s.path.length && isRequired(all, s.path));
        return required.length ? removeAt(input, pick(required).path) : { ...(input as object) };
      }
      case 2: {
        // an unknown field, at the top or inside a nested object
        const objects = all.filter(
          (s) => (s.node.anyOf?.find((n) => n.type === 'object') ?? s.node).type === 'object',
        );
        const target = pick(objects);
        const key = pick(UNKNOWN_KEYS);
        const holder = { ...((getAt(input, target.path) as object) ?? {}) };
        Object.defineProperty(holder, key, { value: pick(weird), enumerable: true });
        return setAt(input, target.path, holder, nodesOn(target.path));
      }
      case 3: // past a limit
        return setAt(input, site.path, pastLimit(node), nodesOn(site.path));
      case 4: // a bad enum value or date
        return setAt(
          input,
          site.path,
          pick(['Yellow', 'delete', '31/02/2024', '2024-13', '2024-02-31T', ' ']),
          nodesOn(site.path),
        );
      case 5: // the whole input of the wrong shape
        return pick([null, 42, 'search', true, [], [input], [[input]]]);
      case 6: // two mutations at once
        return mutate(mutate(input));
      default: // an object or array where a scalar belongs, and the reverse
        return setAt(
          input,
          site.path,
          node.type === 'object' || node.type === 'array' ? 'x' : { value: input },
          nodesOn(site.path),
        );
    }
  };

  const out: unknown[] = [];
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const input = mutate(base);
    if (isInvalid(method, input)) out.push(input);
  }
  // Large values once per site (a few per method over HTTP, where each is megabytes on the wire).
  const large = options.large === 'first field' ? all.slice(Math.min(1, all.length - 1), 2) : all;
  for (const site of large) {
    for (const value of [HUGE_STRING, HUGE_ARRAY, DEEP_OBJECT, DEEP_ARRAY]) {
      if (options.json && value === HUGE_ARRAY) continue;
      const input = setAt(base, site.path, value, nodesOn(site.path));
      if (isInvalid(method, input)) out.push(input);
    }
  }
  return out;
}

function siteNode(all: Site[], path: Path): SchemaNode {
  const key = JSON.stringify(path);
  return all.find((s) => JSON.stringify(s.path) === key)!.node;
}

function isRequired(all: Site[], path: Path): boolean {
  const parent = siteNode(all, path.slice(0, -1));
  const object = parent.anyOf?.find((n) => n.type === 'object') ?? parent;
  return (object.required ?? []).includes(String(path.at(-1)));
}

function getAt(root: unknown, path: Path): unknown {
  let cursor = root;
  for (const key of path) cursor = (cursor as Record<string | number, unknown>)?.[key];
  return cursor;
}

/** A value just past the node's limit, or far past it. */
function pastLimit(node: SchemaNode): unknown {
  if (node.type === 'string') {
    if (node.maxLength !== undefined && node.maxLength < 1_000_000)
      return 'ư'.repeat(node.maxLength + 1);
    return node.minLength ? '' : 42; // megabytes come once per site, not at random
  }
  if (node.type === 'array') {
    if (node.maxItems !== undefined && node.maxItems <= 20_000)
      return Array.from({ length: node.maxItems + 1 }, () => example(node.items ?? {}));
    return node.minItems ? [] : 'x';
  }
  if (node.type === 'integer' || node.type === 'number') {
    if (node.maximum !== undefined && node.maximum < 2 ** 53) return node.maximum + 1;
    return node.minimum !== undefined ? node.minimum - 1 : 1.5;
  }
  return -1; // an object or an enum: any number is past it
}
