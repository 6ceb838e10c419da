// Types of scripts/browser.mjs for the TypeScript that imports it (tests, playwright.config.ts).
export interface BrowserSystem {
  env: Record<string, string | undefined>;
  platform: string;
  uid: number | null;
  exists(file: string): boolean;
  head(file: string): string;
  which(name: string): string | null;
  osRelease(): string;
  playwrightChromium(): string | null;
  run(command: string, args: string[]): boolean;
}
export interface FoundBrowser {
  path: string;
  source: 'CHROMIUM_PATH' | 'system' | 'playwright';
}
export interface InstallPlan {
  how: 'apt-get' | 'sudo' | 'playwright';
  label: string;
  steps: Array<[string, string[]]> | null;
}
export function realSystem(): BrowserSystem;
export function findBrowser(system?: BrowserSystem): FoundBrowser | null;
export function installPlan(system?: BrowserSystem): InstallPlan;
export function ensureBrowser(options?: { install?: boolean; system?: BrowserSystem }): {
  path: string | null;
  source?: FoundBrowser['source'];
  message: string;
};
export function openInBrowser(url: string, system?: BrowserSystem): boolean;
