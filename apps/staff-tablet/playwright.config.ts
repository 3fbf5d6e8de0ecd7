// The tablet in the system's Chromium (Debian's `chromium`; CHROMIUM_PATH to use another), against the
// built API on its embedded defaults (PGlite in memory, the in-process Redis stand-in, the demo retailer).
// Run with `npm run test:staff-e2e` (builds first). Screenshots of each screen land in docs/screenshots/.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.STAFF_E2E_PORT ?? 3199);

export default defineConfig({
  testDir: './e2e',
  testMatch: '*.e2e.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: '../../.data/staff-e2e-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // An iPad-sized tablet in landscape; the portrait test sets its own viewport.
    viewport: { width: 1180, height: 820 },
    locale: 'en-GB',
    hasTouch: true,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
  webServer: {
    command: `env -u DATABASE_URL -u REDIS_URL PORT=${port} PGLITE_DATA_DIR=memory:// LOG_LEVEL=warn node dist/apps/api/src/main.js`,
    cwd: '../..',
    url: `http://127.0.0.1:${port}/health`,
    timeout: 180_000,
    reuseExistingServer: false,
  },
});
