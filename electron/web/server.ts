/**
 * The browser host: the built renderer and the same API contract over HTTP, on 127.0.0.1 by
 * default. Every call passes the same dispatch guard as IPC. Requests whose Host or Origin is not
 * this server's are refused (DNS rebinding); bound to any other address it wants an access token
 * and serves read-only unless told otherwise.
 */
import http from 'node:http';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { inputTooDeep, tooDeepError, type Dispatch } from '../api/dispatch';
import type { ApiEvents, OriginalDownload } from '../api/contract';
import { UserError } from '../core/errors';
import type { Locale } from '../core/messages';
import {
  compressFast,
  encodedTag,
  IMMUTABLE,
  MIN_BYTES,
  pickEncoding,
  StaticCache,
  stillFresh,
  type Encoding,
  type Representation,
} from './compress';

export interface WebHostOptions {
  dispatch: Dispatch;
  /** Subscribe to engine events; returns an unsubscribe function. */
  subscribe: <E extends keyof ApiEvents>(
    event: E,
    listener: (data: ApiEvents[E]) => void,
  ) => () => void;
  staticDir: string;
  host?: string;
  port?: number;
  /** Required for a host not on loopback; generated when not given. */
  token?: string;
  locale?: Locale;
  maxBodyBytes?: number;
  /** What the engine pool is doing (`GET /api/load`): calls asked, run and cancelled, by method. */
  load?: () => unknown;
}

export interface WebHost {
  url: string;
  token: string | null;
  server: http.Server;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-src 'none'; " +
  "frame-ancestors 'none'; form-action 'none'";

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost' || host.startsWith('127.');
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const bindHost = options.host ?? '127.0.0.1';
  const local = isLoopback(bindHost);
  const token = local
    ? (options.token ?? null)
    : (options.token ?? randomBytes(18).toString('base64url'));
  const maxBody = options.maxBodyBytes ?? 150 * 1024 * 1024;
  const staticRoot = path.resolve(options.staticDir);
  let allowedHosts = new Set<string>();
  const assets = new StaticCache();

  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, envelopeError('internal', 'Internal error'));
      else res.destroy();
    });
  });

  /** An envelope holding one sentence of messages.ts, in the host's language. */
  const refuse = (
    res: http.ServerResponse,
    status: number,
    error: UserError,
    headers: Record<string, string> = {},
  ) => sendJson(res, status, envelopeError(error.code, error.describe(options.locale)), headers);

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://placeholder');
    } catch {
      return sendText(res, 400, 'Bad request');
    }
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) {
      return sendJson(
        res,
        421,
        envelopeError('api.forbidden', new UserError('api.forbidden').describe(options.locale)),
      );
    }
    const origin = req.headers.origin;
    if (origin && origin !== 'null' && !allowedHosts.has(originHost(origin))) {
      return sendJson(
        res,
        403,
        envelopeError('api.forbidden', new UserError('api.forbidden').describe(options.locale)),
      );
    }
    if (url.pathname.startsWith('/api/')) {
      if (
        token &&
        !tokenMatches(req.headers['x-archive-token'] ?? url.searchParams.get('token'), token)
      ) {
        return sendJson(
          res,
          401,
          envelopeError('api.forbidden', new UserError('api.forbidden').describe(options.locale)),
        );
      }
      if (url.pathname === '/api/events' && req.method === 'GET') return streamEvents(req, res);
      if (url.pathname === '/api/load' && req.method === 'GET') {
        return sendJson(res, 200, { ok: true, result: options.load?.() ?? { pool: null } });
      }
      if (url.pathname === '/api/original' && (req.method === 'GET' || req.method === 'HEAD'))
        return serveOriginal(url, req, res);
      if (req.method !== 'POST') {
        return refuse(res, 405, new UserError('api.wrong-http-method', { expected: 'POST' }), {
          Allow: 'POST',
        });
      }
      const method = url.pathname.slice('/api/'.length);
      // Refused before a byte is read when the client says how large it is; counted otherwise.
      const tooLarge = new UserError('api.too-large', { limit: formatBytes(maxBody) });
      if (Number(req.headers['content-length'] ?? 0) > maxBody) {
        return refuse(res, 413, tooLarge, { Connection: 'close' });
      }
      const body = await readBody(req, maxBody);
      if (body === null) return refuse(res, 413, tooLarge, { Connection: 'close' });
      // Only JSON, which a page of another site cannot send without the browser asking first.
      if (body.length && !/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
        return refuse(res, 415, new UserError('api.not-json'));
      }
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        return refuse(res, 400, new UserError('api.bad-json'));
      }
      if (inputTooDeep(input)) return refuse(res, 400, tooDeepError());
      // A client that goes away first (the user typed on) frees its place in the engine pool.
      const gone = new AbortController();
      res.once('close', () => {
        if (!res.writableFinished) gone.abort();
      });
      const envelope = await options.dispatch(method, input, gone.signal);
      if (gone.signal.aborted) return;
      return sendJson(res, 200, envelope);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return refuse(res, 405, new UserError('api.wrong-http-method', { expected: 'GET' }), {
        Allow: 'GET, HEAD',
      });
    }
    return serveStatic(url.pathname, req, res);
  }

  /**
   * An article's original file (`/api/original?id=…`), as a download: a link the reader follows,
   * the file saved or opened by the browser. Never shown inline, so no file can run in this page.
   */
  async function serveOriginal(url: URL, req: http.IncomingMessage, res: http.ServerResponse) {
    const envelope = await options.dispatch('getOriginal', {
      id: url.searchParams.get('id') ?? '',
    });
    if (!envelope.ok) {
      const status = /not-found|not-kept/.test(envelope.error.code) ? 404 : 400;
      return sendJson(res, status, envelope);
    }
    const file = envelope.result as OriginalDownload;
    const bytes = Buffer.from(file.base64, 'base64');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.mediaType || 'application/octet-stream',
      'Content-Length': bytes.length,
      'Content-Disposition': contentDisposition(file.name),
      'Cache-Control': 'private, max-age=31536000, immutable',
      ETag: `"${file.sha256}"`,
    });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  }

  function streamEvents(req: http.IncomingMessage, res: http.ServerResponse) {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const send = (event: string) => (data: unknown) =>
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const unsubscribe = [
      options.subscribe('importProgress', send('importProgress')),
      options.subscribe('indexProgress', send('indexProgress')),
    ];
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe.forEach((u) => u());
    });
  }

  function serveStatic(pathname: string, req: http.IncomingMessage, res: http.ServerResponse) {
    let relative: string;
    try {
      relative = decodeURIComponent(pathname);
    } catch {
      return sendText(res, 400, 'Bad request');
    }
    if (relative.includes('\0')) return sendText(res, 400, 'Bad request');
    let file = path.resolve(staticRoot, `.${relative}`);
    if (file !== staticRoot && !file.startsWith(staticRoot + path.sep))
      return sendText(res, 404, 'Not found');
    if (relative.endsWith('/') || !path.extname(file)) file = path.join(staticRoot, 'index.html');
    const type = MIME[path.extname(file)] ?? 'application/octet-stream';
    // Vite names what it builds under assets/ by content: such a name never changes meaning.
    const hashed = file.startsWith(path.join(staticRoot, 'assets') + path.sep);
    assets.get(file, type).then(
      (representation) => sendStatic(req, res, representation, type, hashed),
      () => sendText(res, 404, 'Not found'),
    );
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bindHost, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const names = local
    ? ['127.0.0.1', 'localhost', '[::1]']
    : [bindHost.includes(':') ? `[${bindHost}]` : bindHost];
  allowedHosts = new Set(names.map((n) => `${n}:${port}`.toLowerCase()));
  const shownHost = bindHost.includes(':') ? `[${bindHost}]` : bindHost;
  const url = `http://${shownHost}:${port}/${token ? `?token=${token}` : ''}`;
  return {
    url,
    token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `attachment` with the name in ASCII for old clients and in UTF-8 (RFC 6266, 5987) for the rest. */
export function contentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function originHost(origin: string): string {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return '';
  }
}

function tokenMatches(given: string | string[] | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > limit) return;
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else {
        // Answered at once (and the connection closed): the rest of the body is never held.
        chunks.length = 0;
        resolve(null);
      }
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks)));
    req.on('error', reject);
    // A client that goes away mid-body leaves no request waiting for ever.
    req.on('close', () => {
      if (!req.complete) reject(new Error('The request was cut off.'));
    });
  });
}

function envelopeError(code: string, message: string) {
  return { ok: false as const, error: { code, message } };
}

/** A JSON answer, compressed as the client accepts when it is larger than MIN_BYTES. */
function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = Buffer.from(JSON.stringify(body));
  const encoding =
    text.length >= MIN_BYTES ? pickEncoding(res.req?.headers['accept-encoding']) : null;
  const send = (payload: Buffer, used: Encoding | null) => {
    if (res.destroyed) return;
    res.writeHead(status, {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Length': payload.length,
      Vary: 'Accept-Encoding',
      ...(used ? { 'Content-Encoding': used } : {}),
      ...headers,
    });
    res.end(payload);
  };
  if (!encoding) return send(text, null);
  compressFast(text, encoding).then(
    (packed) => send(packed, encoding),
    () => send(text, null),
  );
}

/** A file of the renderer: its best form for the client, or 304 when the client's copy holds. */
function sendStatic(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  file: Representation,
  type: string,
  hashed: boolean,
) {
  const wanted = file.br || file.gzip ? pickEncoding(req.headers['accept-encoding']) : null;
  const encoding = wanted && file[wanted] ? wanted : null;
  const headers: Record<string, string | number> = {
    ...SECURITY_HEADERS,
    'Cache-Control': hashed ? IMMUTABLE : 'no-cache',
    ETag: encodedTag(file.etag, encoding),
    ...(file.br || file.gzip ? { Vary: 'Accept-Encoding' } : {}),
  };
  if (stillFresh(req.headers['if-none-match'], file.etag)) {
    res.writeHead(304, headers);
    return res.end();
  }
  const body = encoding ? file[encoding]! : file.identity;
  res.writeHead(200, {
    ...headers,
    'Content-Type': type,
    'Content-Length': body.length,
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function formatBytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

function sendText(res: http.ServerResponse, status: number, text: string) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
