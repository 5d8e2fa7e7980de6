import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm start` builds the client only when its sources are newer than the last build, so a fresh
 * clone works with no extra step and a restart costs nothing.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));
const clientDir = path.join(root, 'client');
const builtIndex = path.join(clientDir, 'dist', 'index.html');
const sharedDir = path.join(root, 'shared', 'src');

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
if (builtAt < Math.max(newestChange(clientDir), newestChange(sharedDir))) {
  console.log('Building the client…');
  execFileSync('npm', ['run', 'build', '-w', 'client'], { cwd: root, stdio: 'inherit' });
}
