import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The browser tests drive the client the server really serves, so build it first — the same way
 * `npm start` does, and only when its sources are newer than the last build.
 */
export default function setup(): void {
  execFileSync(process.execPath, ['--import', 'tsx', 'server/src/cli/build-client.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
}
