// Browser tests of Adal Atlas: the release build, served on 127.0.0.1 by a plain static server, in
// Debian's headless Chromium. No browser is ever downloaded: the executable is /usr/bin/chromium.
import { defineConfig } from '@playwright/test';

export const PORT = 4173;
export const HOST_PORT = 4174;

export default defineConfig({
  testDir: 'tests/browser',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/app/`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
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
  },
  webServer: [
    {
      // target/browser-site/app is dist/ plus broken fixture bundles (tests/browser/prepare-site.mjs), served
      // from a sub-path, as a static host would.
      command: `python3 -m http.server ${PORT} --bind 127.0.0.1 --directory target/browser-site`,
      url: `http://127.0.0.1:${PORT}/app/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // Another origin: the article pages that embed the app in an <iframe> (tests/browser/host).
      command: `python3 -m http.server ${HOST_PORT} --bind 127.0.0.1 --directory tests/browser/host`,
      url: `http://127.0.0.1:${HOST_PORT}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
