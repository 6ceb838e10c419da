/**
 * The bridge between the sandboxed page and the main process, exposed as `window.archive`:
 * one named function per contract method, an event subscription limited to known events, and
 * the path of a dropped file. ipcRenderer itself never reaches the page.
 *
 * Sandboxed preloads cannot require modules: scripts/build-electron.mjs bundles this file (with
 * the contract's method names) into one CommonJS file.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { methodNames } from '../api/contract';
import { channelFor, eventChannel, isBridgeEventName, type ArchiveBridge } from '../main/bridge';

const calls = Object.fromEntries(
  methodNames.map((method) => [
    method,
    (input: unknown) => ipcRenderer.invoke(channelFor(method), input ?? {}),
  ]),
);

function on(event: string, callback: (data: unknown) => void): () => void {
  if (!isBridgeEventName(event) || typeof callback !== 'function') {
    throw new TypeError(`Unknown event: ${String(event)}`);
  }
  // The page gets the data only: the IPC event object carries `sender`, i.e. ipcRenderer.
  const listener = (_event: IpcRendererEvent, data: unknown) => callback(data);
  const channel = eventChannel(event);
  ipcRenderer.on(channel, listener);
  return () => {
    ipcRenderer.removeListener(channel, listener);
  };
}

const bridge = {
  ...calls,
  on,
  pathForFile: (file: File) => webUtils.getPathForFile(file),
} as unknown as ArchiveBridge;

contextBridge.exposeInMainWorld('archive', bridge);
