/**
 * Serves the built renderer from app://archive/ instead of file://: a standard, secure origin,
 * so the CSP's 'self' means exactly our files, the IPC guard can check the origin, and a page
 * can never read other local files through relative links.
 */
import fs from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { contentTypeFor, resolveRendererFile } from './renderer-files';
import { APP_HOST, APP_SCHEME, securityHeaders } from './security';

/** Must run before the app is ready. No bypassCSP, no corsEnabled: the scheme gets only what a normal https origin would. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveRendererFile(rendererDir, url.pathname) : null;
    if (file === null || request.method !== 'GET') return new Response(null, { status: 404 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, {
        headers: { 'Content-Type': contentTypeFor(file), ...securityHeaders },
      });
    } catch {
      return new Response(null, { status: 404, headers: securityHeaders });
    }
  });
}
