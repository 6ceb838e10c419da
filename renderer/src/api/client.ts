/**
 * The one API client. Under Electron the preload bridge exposes `window.archive` (one function per
 * method, each resolving to an Envelope); in a browser the same methods go over HTTP to the web
 * host. Either way a failure becomes a thrown ApiError carrying a user-readable message.
 */
import type {
  ApiEvents,
  ArchiveApi,
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
): Promise<Output<M>> {
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...httpHeaders(token) },
      body: JSON.stringify(input ?? {}),
    });
  } catch (error) {
    throw toApiError(error);
  }
  let envelope: Envelope<Output<M>>;
  try {
    envelope = (await response.json()) as Envelope<Output<M>>;
  } catch {
    throw new ApiError('client.bad-response', `HTTP ${response.status}`);
  }
  return unwrap(envelope);
}

function createHttpApi(token: string | null): ArchiveApi {
  const api = {} as Record<MethodName, (input: unknown) => Promise<unknown>>;
  for (const method of methodNames) {
    api[method] = (input) => httpCall(method, input as Input<typeof method>, token);
  }
  return api as ArchiveApi;
}

function createBridgeApi(bridge: Bridge): ArchiveApi {
  const api = {} as Record<MethodName, (input: unknown) => Promise<unknown>>;
  for (const method of methodNames) {
    api[method] = async (input) => {
      const call = bridge[method] as (input: unknown) => Promise<Envelope<unknown>>;
      if (typeof call !== 'function') {
        throw new ApiError('api.unknown-method', method);
      }
      try {
        return unwrap(await call(input ?? {}));
      } catch (error) {
        throw toApiError(error);
      }
    };
  }
  return api as ArchiveApi;
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

export const api: ArchiveApi =
  typeof window !== 'undefined' && window.archive
    ? createBridgeApi(window.archive)
    : createHttpApi(typeof window !== 'undefined' ? readToken(window.location.search) : null);
