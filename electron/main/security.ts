/**
 * The window's security settings as plain data, so a test can assert them under plain Node.
 * This file must never import 'electron': window.ts applies these values, the tests read them.
 */

/** The renderer is served from a privileged custom scheme, never from file:// or the network. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'archive';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Everything comes from our own origin: the app makes zero network requests, so no source may
 * name a remote origin. data: stays for fonts and images small enough for Vite to inline; blob:
 * for images and downloads the page creates itself (export).
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  // Inline styles stay allowed, as in the renderer's own meta CSP: with every request confined to
  // 'self', injected CSS has nowhere to send anything, and style attributes in imported articles
  // and layout libraries keep working. Scripts get no such allowance.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export const windowSecurity = {
  webPreferences: {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // Dropping a file would otherwise navigate the window to it; the page handles drops itself.
    navigateOnDragDrop: false,
    // Chromium's spellchecker downloads dictionaries from Google: that would be a network request.
    spellcheck: false,
    // A page that loops on alert() gets a "stop dialogs" checkbox instead of locking the app.
    safeDialogs: true,
    // There is no `enableRemoteModule`: the remote module was removed from Electron in 14.
  },
  csp: contentSecurityPolicy,
} as const;

/** Extra response headers for everything the app serves. */
export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A URL of our own renderer (app://archive/…). */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/** A web link the user may open in the system browser (after confirming). Nothing else: no file:, no javascript:, no custom schemes that launch other programs. */
export function isExternalWebUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Requests the session cancels outright: anything that would leave the machine or read local files behind our back. */
export function isBlockedRequestUrl(url: string): boolean {
  const parsed = parse(url);
  if (parsed === null) return true;
  return ['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:'].includes(parsed.protocol);
}

export interface SenderFacts {
  /** The sender's webContents id, and our window's. */
  senderId: number;
  windowId: number | null;
  /** Whether the frame that sent the message is the top frame (not an iframe). */
  isMainFrame: boolean;
  frameUrl: string | null;
}

/** The IPC guard's first question: does this message come from our window's top frame, showing our renderer? */
export function isTrustedSender(facts: SenderFacts): boolean {
  return (
    facts.windowId !== null &&
    facts.senderId === facts.windowId &&
    facts.isMainFrame &&
    facts.frameUrl !== null &&
    isAppUrl(facts.frameUrl)
  );
}
