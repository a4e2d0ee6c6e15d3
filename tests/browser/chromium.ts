// Which Chromium the browser tests, the benchmarks and the Lighthouse audit drive, and with which flags
// (no Vitest here, so Node scripts can import it).
import { existsSync } from 'node:fs';

/** Flags that keep Chromium quiet on a closed network (see shared/stack.md); launch() adds --headless
 * and its own fresh, temporary profile (--user-data-dir), so none is passed here. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', // we run as root in CI
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** CHROME_PATH, else Debian's /usr/bin/chromium; a missing browser is a failure, never a skip. */
export function findChrome(env: NodeJS.ProcessEnv = process.env, debian = '/usr/bin/chromium'): string {
  const fromEnv = env.CHROME_PATH?.trim();
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new Error(
        `CHROME_PATH=${fromEnv} does not exist. Install Chromium (apt-get install -y chromium) or point CHROME_PATH at a Chromium binary.`,
      );
    }
    return fromEnv;
  }
  if (!existsSync(debian)) {
    throw new Error(
      `Chromium not found at ${debian}: the browser tests need it. Install it with apt-get install -y chromium, or set CHROME_PATH to a Chromium binary.`,
    );
  }
  return debian;
}
