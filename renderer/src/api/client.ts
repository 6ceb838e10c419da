/**
 * The one API client. Under Electron the preload bridge exposes `window.archive` (one function per
 * method, each resolving to an Envelope); in a browser the same methods go over HTTP to the web
 * host. Either way a failure becomes a thrown ApiError carrying a user-readable message.
 *
 * A call given an AbortSignal (a search the user typed on from) is given up when it aborts: over
 * HTTP the request is aborted, so the host drops it from its engine pool; through the Electron
 * bridge, which cannot take it back, its answer is ignored. Either way it rejects with the
 * `client.aborted` ApiError, which callers never show (`isAborted`).
 */
import type {
  ApiEvents,
  Envelope,
  Input,
  MethodName,
  Output,
} from '../../../electron/api/contract';
import { ApiError, toApiError } from './errors';
import { openEventStream } from './events';

/**
 * The contract's method names, listed here so the page does not bundle zod and every schema just
 * to learn them. The two checks below fail to compile if this list and the contract ever differ.
 */
export const methodNames = [
  'search',
  'suggest',
  'getArticle',
  'listArticles',
  'facets',
  'stats',
  'listAnnotations',
  'createAnnotation',
  'updateAnnotation',
  'deleteAnnotation',
  'restoreAnnotation',
  'reattachAnnotation',
  'importAnnotations',
  'setTags',
  'setCollections',
  'importPaths',
  'importFiles',
  'cancelImport',
  'exportAnnotations',
  'exportBundle',
  'exportBundleToPath',
  'importBundle',
  'importBundlePath',
  'getInbox',
  'setInbox',
  'getOriginal',
  'renameArticle',
  'getRelations',
] as const satisfies readonly MethodName[];
type Listed = (typeof methodNames)[number];
const _everyMethodListed: [Exclude<MethodName, Listed>] extends [never] ? true : never = true;
void _everyMethodListed;

type Bridge = { [M in MethodName]: (input: Input<M>) => Promise<Envelope<Output<M>>> } & {
  on<E extends keyof ApiEvents>(event: E, callback: (data: ApiEvents[E]) => void): () => void;
};

declare global {
  interface Window {
    archive?: Bridge;
  }
}

/** How one call is made: `signal` gives it up (see the file's comment). */
export interface CallOptions {
  signal?: AbortSignal;
}

/** The contract's methods as the interface calls them, each with its optional CallOptions. */
export type ClientApi = {
  [M in MethodName]: (input: Input<M>, options?: CallOptions) => Promise<Output<M>>;
};

/** A call given up by its caller: never an error to show. */
export function isAborted(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'client.aborted';
}

function abortedError(): ApiError {
  return new ApiError('client.aborted', 'The request was cancelled.');
}

export type EventListener<E extends keyof ApiEvents> = (data: ApiEvents[E]) => void;

function unwrap<T>(envelope: Envelope<T> | null | undefined): T {
  if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
    throw new ApiError('client.bad-response', 'Malformed reply from the host');
  }
  if (envelope.ok) return envelope.result;
  throw new ApiError(envelope.error.code, envelope.error.message);
}

/** The access token a host printed travels in the page address as `?token=…`. */
export function readToken(search: string): string | null {
  const token = new URLSearchParams(search).get('token');
  return token && token.length > 0 ? token : null;
}

function httpHeaders(token: string | null): Record<string, string> {
  return token ? { 'X-Archive-Token': token } : {};
}

async function httpCall<M extends MethodName>(
  method: M,
  input: Input<M>,
  token: string | null,
  signal?: AbortSignal,
): Promise<Output<M>> {
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...httpHeaders(token) },
      body: JSON.stringify(input ?? {}),
      signal,
    });
  } catch (error) {
    throw signal?.aborted ? abortedError() : toApiError(error);
  }
  let envelope: Envelope<Output<M>>;
  try {
    envelope = (await response.json()) as Envelope<Output<M>>;
  } catch {
    // Aborted while the body was still arriving.
    if (signal?.aborted) throw abortedError();
    throw new ApiError('client.bad-response', `HTTP ${response.status}`);
  }
  if (signal?.aborted) throw abortedError();
  return unwrap(envelope);
}

/** The API over HTTP to the web host (exported for tests, which give it their own fetch). */
export function createHttpApi(token: string | null): ClientApi {
  const api = {} as Record<MethodName, (input: unknown, options?: CallOptions) => Promise<unknown>>;
  for (const method of methodNames) {
    api[method] = (input, options) =>
      httpCall(method, input as Input<typeof method>, token, options?.signal);
  }
  return api as ClientApi;
}

/** The API through Electron's preload bridge (exported for tests, which give it a fake one). */
export function createBridgeApi(bridge: Bridge): ClientApi {
  const api = {} as Record<MethodName, (input: unknown, options?: CallOptions) => Promise<unknown>>;
  for (const method of methodNames) {
    api[method] = async (input, options) => {
      const call = bridge[method] as (input: unknown) => Promise<Envelope<unknown>>;
      if (typeof call !== 'function') {
        throw new ApiError('api.unknown-method', method);
      }
      const signal = options?.signal;
      if (signal?.aborted) throw abortedError();
      let envelope: Envelope<unknown>;
      try {
        envelope = await (signal ? ignoredOnAbort(call(input ?? {}), signal) : call(input ?? {}));
      } catch (error) {
        throw toApiError(error);
      }
      return unwrap(envelope);
    };
  }
  return api as ClientApi;
}

/** The bridge's answer, or `client.aborted` as soon as the signal aborts (the answer is ignored). */
function ignoredOnAbort<T>(answer: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortedError());
    signal.addEventListener('abort', onAbort, { once: true });
    answer.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) reject(abortedError());
        else resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(signal.aborted ? abortedError() : error);
      },
    );
  });
}

type Listeners = { [E in keyof ApiEvents]: Set<EventListener<E>> };
const listeners: Listeners = { importProgress: new Set(), indexProgress: new Set() };
let stopEvents: (() => void) | null = null;

function dispatch(event: string, data: unknown): void {
  if (event !== 'importProgress' && event !== 'indexProgress') return;
  for (const listener of listeners[event]) (listener as (data: unknown) => void)(data);
}

function ensureEventSource(): void {
  if (stopEvents) return;
  const bridge = typeof window !== 'undefined' ? window.archive : undefined;
  if (bridge) {
    const offImport = bridge.on('importProgress', (d) => dispatch('importProgress', d));
    const offIndex = bridge.on('indexProgress', (d) => dispatch('indexProgress', d));
    stopEvents = () => {
      offImport();
      offIndex();
    };
    return;
  }
  const token = readToken(window.location.search);
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  stopEvents = openEventStream(`/api/events${query}`, httpHeaders(token), dispatch);
}

/** Subscribe to a host event; returns the unsubscribe function. */
export function onApiEvent<E extends keyof ApiEvents>(
  event: E,
  listener: EventListener<E>,
): () => void {
  ensureEventSource();
  (listeners[event] as Set<EventListener<E>>).add(listener);
  return () => {
    (listeners[event] as Set<EventListener<E>>).delete(listener);
  };
}

export const api: ClientApi =
  typeof window !== 'undefined' && window.archive
    ? createBridgeApi(window.archive)
    : createHttpApi(typeof window !== 'undefined' ? readToken(window.location.search) : null);
