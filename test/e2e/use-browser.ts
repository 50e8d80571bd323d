// Every end-to-end file starts the fixture server and Chromium once and closes both at the end.

import { afterAll, beforeAll } from 'vitest';
import { startServer, type FixtureServer, type Routes } from '../../scripts/serve';
import { launch, type Browser } from './harness';

/** Hands the running browser and server to `ready` before the file's tests run. */
export function useBrowser(ready: (env: { b: Browser; server: FixtureServer }) => void, routes?: Routes, timeout?: number, options?: Parameters<typeof launch>[0]): void {
  let b: Browser | undefined;
  let server: FixtureServer | undefined;
  beforeAll(async () => {
    server = await startServer(routes);
    b = await launch(options);
    ready({ b, server });
  }, timeout);
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });
}
