/**
 * End-to-end tests: the real renderer in Chromium, served by the project's own browser host with a
 * fresh archive per test (see tests/e2e/fixtures.ts). The browser is CHROMIUM_PATH (`npm test`
 * sets it, installing one if needed), else the one scripts/browser.mjs finds.
 */
import { defineConfig } from '@playwright/test';
import { findBrowser } from './scripts/browser.mjs';

export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.e2e.ts', 'electron/**/*.e2e.ts'],
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || findBrowser()?.path,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    viewport: { width: 1280, height: 800 },
    locale: 'vi-VN',
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
