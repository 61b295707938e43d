// Browser tests run against the release build in ../dist, served as static
// files with the headers of dist/_headers (so under its strict CSP), in
// Debian's Chromium (Playwright must never download a browser here).
import { defineConfig } from '@playwright/test';

const port = 4173;
export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: [
    {
      command: `node serve.mjs ../dist ${port}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
    },
    {
      // The demo host page, on a second origin, for the embed tests.
      command: `node serve.mjs ../demo ${port + 1}`,
      url: `http://127.0.0.1:${port + 1}/embed.html`,
      reuseExistingServer: false,
    },
    {
      // The same build under a sub-path, with nothing at the root.
      command: `node serve.mjs ../dist ${port + 2} /tools/calc/`,
      url: `http://127.0.0.1:${port + 2}/tools/calc/`,
      reuseExistingServer: false,
    },
  ],
});
