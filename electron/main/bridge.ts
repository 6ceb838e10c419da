/**
 * The names shared by the main process and the preload bridge: IPC channels, the events the
 * window may subscribe to, and the type of `window.archive`. Plain data, no 'electron' import,
 * so the renderer can `import type { ArchiveBridge }` from here.
 */
import type { ApiEvents, Envelope, Input, MethodName, Output } from '../api/contract';

/** One invoke channel per contract method: a method that is not in the contract has no handler at all. */
export const channelFor = (method: MethodName): string => `archive:${method}`;

/** What the native menu asks of the page. */
export interface MenuEvents {
  /** Paths the user picked in the native open dialog; the page calls `importPaths` with them so one import flow shows progress and the summary. */
  'menu:import-files': { paths: string[] };
  'menu:import-folder': { paths: string[] };
  'menu:export': Record<string, never>;
  /** The path picked in the save dialog for an archive bundle / the bundle picked to import. */
  'menu:bundle-export': { path: string };
  'menu:bundle-import': { paths: string[] };
  'menu:theme': 'light' | 'dark' | 'sepia';
  'menu:language': 'vi' | 'en';
  'menu:shortcuts': Record<string, never>;
  'menu:about': { version: string };
}

export type BridgeEvents = ApiEvents & MenuEvents;
export type BridgeEventName = keyof BridgeEvents;

/** A Record, so the compiler insists that every event of BridgeEvents is listed. */
const EVENT_NAMES: Record<BridgeEventName, true> = {
  importProgress: true,
  indexProgress: true,
  'menu:import-files': true,
  'menu:import-folder': true,
  'menu:export': true,
  'menu:bundle-export': true,
  'menu:bundle-import': true,
  'menu:theme': true,
  'menu:language': true,
  'menu:shortcuts': true,
  'menu:about': true,
};

export const bridgeEventNames = Object.keys(EVENT_NAMES) as readonly BridgeEventName[];

export const eventChannel = (event: BridgeEventName): string => `archive-event:${event}`;

export function isBridgeEventName(value: unknown): value is BridgeEventName {
  return typeof value === 'string' && (bridgeEventNames as readonly string[]).includes(value);
}

/** `window.archive` under Electron: every contract method returns its Envelope, never throws on user errors. */
export type ArchiveBridge = {
  [M in MethodName]: (input: Input<M>) => Promise<Envelope<Output<M>>>;
} & {
  on<E extends BridgeEventName>(event: E, callback: (data: BridgeEvents[E]) => void): () => void;
  /** The path of a dropped or picked file (sandboxed pages cannot read File.path). */
  pathForFile(file: File): string;
};
