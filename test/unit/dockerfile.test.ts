import { describe, expect, it } from 'vitest';
import { dockerignore, parseDockerfile } from '../support/dockerfile';

describe('the Dockerfile reader the image test builds with', () => {
  it('reads .dockerignore as Docker does: from the context root, ** for any folders, the last match deciding', () => {
    const excluded = dockerignore('# comment\nnode_modules\n**/dist\n*.log\n!keep.log\n/secrets/\n');
    expect(excluded('node_modules')).toBe(true);
    expect(excluded('node_modules/kysely/package.json')).toBe(true);
    // A bare name is matched from the root only.
    expect(excluded('client/node_modules/x')).toBe(false);
    expect(excluded('dist/main.js')).toBe(true);
    expect(excluded('server/dist/main.js')).toBe(true);
    expect(excluded('server/src/dist.ts')).toBe(false);
    expect(excluded('npm.log')).toBe(true);
    expect(excluded('logs/npm.log')).toBe(false);
    expect(excluded('keep.log')).toBe(false);
    expect(excluded('secrets/key')).toBe(true);
    expect(excluded('README.md')).toBe(false);
  });

  it('splits stages and reads flags, continuations and the exec form of CMD', () => {
    const stages = parseDockerfile(
      'FROM node:20.20-slim AS build\nWORKDIR /app\n# note\nRUN npm ci && \\\n  npm run build\n' +
        'FROM node:20.20-slim\nCOPY --from=build /app/dist dist\nCMD ["node", "dist/main.js"]\n',
    );
    expect(stages.map((s) => [s.name, s.from])).toEqual([
      ['build', 'node:20.20-slim'],
      ['1', 'node:20.20-slim'],
    ]);
    expect(stages[0]!.instructions[1]).toEqual({ op: 'RUN', args: 'npm ci &&    npm run build', flags: {} });
    expect(stages[1]!.instructions[0]).toEqual({ op: 'COPY', args: '/app/dist dist', flags: { from: 'build' } });
    expect(JSON.parse(stages[1]!.instructions[1]!.args)).toEqual(['node', 'dist/main.js']);
  });
});
