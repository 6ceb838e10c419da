/**
 * Every contract method is registered here, through one guard (ipc-guard.ts): the message must
 * come from our window's top frame showing our renderer; then the worker's `dispatch` validates the
 * input against the contract's schema and runs the engine. Nothing else is reachable over IPC.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { methodNames } from '../api/contract';
import type { WorkerHost } from '../api/worker-host';
import { channelFor } from './bridge';
import { guardIpcCall } from './ipc-guard';
import type { SenderFacts } from './security';

export interface IpcContext {
  window: () => BrowserWindow | null;
  host: WorkerHost;
  locale: () => 'vi' | 'en';
}

export function registerIpc(context: IpcContext): () => void {
  for (const method of methodNames) {
    ipcMain.handle(channelFor(method), (event, input: unknown) =>
      guardIpcCall({
        sender: senderFacts(event, context.window()),
        method,
        input,
        locale: context.locale(),
        engine: (name, value) => context.host.call(name, value),
        onRefused: () =>
          console.warn(
            `[ipc] refused ${method} from ${event.senderFrame?.url ?? 'a closed frame'}`,
          ),
      }),
    );
  }
  return () => methodNames.forEach((method) => ipcMain.removeHandler(channelFor(method)));
}

function senderFacts(event: IpcMainInvokeEvent, window: BrowserWindow | null): SenderFacts {
  const frame = event.senderFrame;
  const live = window !== null && !window.isDestroyed();
  return {
    senderId: event.sender.id,
    windowId: live ? window.webContents.id : null,
    isMainFrame: frame !== null && frame.parent === null,
    frameUrl: frame?.url ?? null,
  };
}
