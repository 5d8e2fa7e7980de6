import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');

describe('supply chain documents', () => {
  it('list every direct production dependency at its locked version, with a licence', () => {
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { version?: string }> };
    const listed = read('docs/DEPENDENCIES.md');
    const sbom = JSON.parse(read('docs/sbom.cdx.json')) as {
      components: { name: string; group?: string; version: string }[];
    };
    const inSbom = new Set(sbom.components.map((c) => `${c.group ? `${c.group}/` : ''}${c.name}@${c.version}`));
    for (const workspace of ['shared', 'db', 'migrations', 'seeds', 'server', 'client']) {
      const manifest = JSON.parse(read(`${workspace}/package.json`)) as { dependencies?: Record<string, string> };
      for (const name of Object.keys(manifest.dependencies ?? {}).filter((n) => !n.startsWith('@ikt/'))) {
        const version =
          lock.packages[`node_modules/${name}`]?.version ?? lock.packages[`${workspace}/node_modules/${name}`]?.version;
        expect(version, `${name} is not in the lockfile`).toBeDefined();
        expect(listed, `${name} missing from docs/DEPENDENCIES.md (run npm run sbom)`).toMatch(
          new RegExp(`\\| ${name.replace(/[/.]/g, '\\$&')} \\| ${version!.replace(/\./g, '\\.')} \\| (?!not stated)`),
        );
        expect(inSbom.has(`${name}@${version}`), `${name}@${version} missing from docs/sbom.cdx.json`).toBe(true);
      }
    }
  });

  it('pins exact versions in every manifest (the lockfile decides what is installed)', () => {
    for (const workspace of ['.', 'shared', 'db', 'migrations', 'seeds', 'server', 'client', 'test']) {
      const manifest = JSON.parse(read(`${workspace}/package.json`)) as Record<
        string,
        Record<string, string> | undefined
      >;
      for (const field of ['dependencies', 'devDependencies']) {
        for (const [name, range] of Object.entries(manifest[field] ?? {})) {
          expect(range, `${workspace}/package.json ${name}`).toMatch(/^\d+\.\d+\.\d+$/);
        }
      }
    }
  });

  it('installs nothing that asks for a newer Node than package.json promises (no EBADENGINE)', () => {
    const promised = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    const oldestPromised = semver.minVersion(promised)!.version;
    const lock = JSON.parse(read('package-lock.json')) as {
      packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
    };
    const tooNew = Object.entries(lock.packages)
      .map(([where, entry]) => ({ where, node: Array.isArray(entry.engines) ? undefined : entry.engines?.node }))
      .filter(({ node }) => node !== undefined && !semver.satisfies(oldestPromised, node))
      .map(({ where, node }) => `${where.replace(/^.*node_modules\//, '')} wants Node ${node}`);
    expect(tooNew, `Node ${oldestPromised} is promised`).toEqual([]);
  });
});
