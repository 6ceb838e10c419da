/**
 * The guard every call from an interface passes, whatever the host (IPC, HTTP, worker):
 * known method → host policy (read-only, local-only) → schema validation → the handler.
 * It never throws: every outcome is an Envelope whose error is one sentence for the user.
 */
import { z } from 'zod';
import { UserError, describeError } from '../core/errors';
import type { Locale } from '../core/messages';
import {
  localOnlyMethods,
  schemas,
  writeMethods,
  type ArchiveApi,
  type Envelope,
  type MethodName,
} from './contract';

export interface DispatchPolicy {
  /** Refuse every method that changes the archive. */
  readOnly?: boolean;
  /** Refuse methods that read this machine's files (a host serving other machines). */
  remote?: boolean;
  locale?: Locale;
  /** Called with programmer errors (not UserErrors) so a host can log them. */
  onInternalError?: (error: unknown, method: string) => void;
}

/** `signal`: the caller went away (a host with a pool drops the call; the guard ignores it). */
export type Dispatch = (
  method: string,
  input: unknown,
  signal?: AbortSignal,
) => Promise<Envelope<unknown>>;

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

export function isMethodName(method: unknown): method is MethodName {
  return typeof method === 'string' && hasOwn(schemas, method);
}

/**
 * Deeper than any input of the contract needs. Refused before anything walks the value: V8's
 * structured clone (worker messages, IPC) recurses and overflows the stack near 10,000 levels.
 */
export const MAX_INPUT_DEPTH = 64;

/** True when objects or arrays nest deeper than MAX_INPUT_DEPTH (walked without recursion). */
export function inputTooDeep(input: unknown): boolean {
  const stack: Array<[unknown, number]> = [[input, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_INPUT_DEPTH) return true;
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** The refusal of an input nested deeper than MAX_INPUT_DEPTH. */
export function tooDeepError(): UserError {
  return new UserError('api.invalid-input', { detail: `nested deeper than ${MAX_INPUT_DEPTH}` });
}

export function createDispatch(handlers: ArchiveApi, policy: DispatchPolicy = {}): Dispatch {
  const locale = policy.locale ?? 'vi';
  const fail = (error: UserError): Envelope<never> => ({
    ok: false,
    error: { code: error.code, message: error.describe(locale) },
  });

  return async (method, input) => {
    if (!isMethodName(method)) {
      return fail(new UserError('api.unknown-method', { method: shownName(method) }));
    }
    if (policy.readOnly && writeMethods.has(method)) return fail(new UserError('api.read-only'));
    if (policy.remote && localOnlyMethods.has(method)) return fail(new UserError('api.forbidden'));

    if (inputTooDeep(input)) return fail(tooDeepError());
    const parsed = schemas[method].safeParse(input ?? {});
    if (!parsed.success) {
      return fail(new UserError('api.invalid-input', { detail: summarizeIssues(parsed.error) }));
    }
    try {
      const handler = handlers[method] as (arg: unknown) => Promise<unknown>;
      return { ok: true, result: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof UserError) return fail(error);
      policy.onInternalError?.(error, method);
      return { ok: false, error: { code: 'internal', message: describeError(error, locale) } };
    }
  };
}

/** One short line naming the first few wrong fields, e.g. "query: expected string". */
function summarizeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`)
    .join('; ')
    .slice(0, 300)
    .replace(INVISIBLE, visible);
}

// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Input echoed in a sentence (a method name, an unknown key) shows its control characters. */
const visible = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

function shownName(method: unknown): string {
  return typeof method === 'string'
    ? method.slice(0, 60).replace(INVISIBLE, visible)
    : typeof method;
}
