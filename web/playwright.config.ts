import { defineConfig } from '@playwright/test';

// Browser end-to-end tests against the real server binary (started by e2e/global-setup.ts),
// driving Debian's Chromium: Playwright's own browser downloads are not available here.
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  globalTeardown: './e2e/global-teardown.ts',
  fullyParallel: false,
  // One spec file per worker at a time; every spec makes its own workshops on the shared server.
  // JB_E2E_WORKERS=2 runs two browsers at once (see README "Tests" for the time budget).
  workers: Number(process.env.JB_E2E_WORKERS ?? 1),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.JB_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
});
