/**
 * Every contract method is registered here, through one guard: the message must come from our
 * window's top frame showing our renderer; then the worker's `dispatch` validates the input
 * against the contract's schema and runs the engine. Nothing else is reachable over IPC.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { methodNames, type Envelope } from '../api/contract';
import { UserError } from '../core/errors';
import type { WorkerHost } from '../api/worker-host';
import { channelFor } from './bridge';
import { isTrustedSender } from './security';

export interface IpcContext {
  window: () => BrowserWindow | null;
  host: WorkerHost;
  locale: () => 'vi' | 'en';
}

export function registerIpc(context: IpcContext): () => void {
  for (const method of methodNames) {
    ipcMain.handle(channelFor(method), (event, input: unknown) => {
      if (!isTrusted(event, context.window())) {
        console.warn(`[ipc] refused ${method} from ${event.senderFrame?.url ?? 'a closed frame'}`);
        return refused(context.locale());
      }
      return context.host.call(method, input);
    });
  }
  return () => methodNames.forEach((method) => ipcMain.removeHandler(channelFor(method)));
}

function isTrusted(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  const live = window !== null && !window.isDestroyed();
  return isTrustedSender({
    senderId: event.sender.id,
    windowId: live ? window.webContents.id : null,
    isMainFrame: frame !== null && frame.parent === null,
    frameUrl: frame?.url ?? null,
  });
}

function refused(locale: 'vi' | 'en'): Envelope<never> {
  const error = new UserError('api.forbidden');
  return { ok: false, error: { code: error.code, message: error.describe(locale) } };
}
