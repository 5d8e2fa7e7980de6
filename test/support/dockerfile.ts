import { spawn } from 'node:child_process';
import { cp, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Enough of `docker build` to build our Dockerfile where there is no Docker engine: the context
 * filtered by .dockerignore, and each stage as a folder standing for its file system's root, in
 * which COPY copies and RUN runs its command (with `sh -c`, in the stage's WORKDIR). The base
 * image's Node is this machine's own (the caller checks that the versions agree). An
 * instruction or option this does not know fails the build, rather than being skipped.
 */

export interface Instruction {
  op: string;
  /** The rest of the line; for CMD, the JSON array. */
  args: string;
  flags: Record<string, string>;
}

export interface Stage {
  name: string;
  from: string;
  instructions: Instruction[];
}

/** The stages of a Dockerfile: comments and blank lines dropped, `\` continuations joined. */
export function parseDockerfile(text: string): Stage[] {
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, op = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(line)!;
    const flags: Record<string, string> = {};
    let args = rest;
    for (let flag = /^--(\w+)=(\S+)\s+/.exec(args); flag; flag = /^--(\w+)=(\S+)\s+/.exec(args)) {
      flags[flag[1]!] = flag[2]!;
      args = args.slice(flag[0].length);
    }
    if (op.toUpperCase() === 'FROM') {
      const [, from = '', name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args) ?? [];
      stages.push({ name: name ?? String(stages.length), from, instructions: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`${op} before the first FROM`);
    stage.instructions.push({ op: op.toUpperCase(), args, flags });
  }
  return stages;
}

/** Go's filepath.Match with `**` (as Docker reads .dockerignore), as a regular expression. */
function patternToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*' && pattern[i + 1] === '*') {
      // `**/` is any number of folders, `**` at the end anything.
      source += pattern[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += pattern[i + 2] === '/' ? 2 : 1;
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * Whether a path of the context (relative, `/`-separated) is left out: the last pattern that
 * matches it or a folder above it decides, `!` bringing it back.
 */
export function dockerignore(text: string): (relativePath: string) => boolean {
  const rules = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const negated = line.startsWith('!');
      const pattern = path.posix.normalize(negated ? line.slice(1).trim() : line).replace(/^\/+|\/+$/g, '');
      return { negated, regexp: patternToRegExp(pattern) };
    });
  return (relativePath) => {
    const parts = relativePath.split('/');
    const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
    let excluded = false;
    for (const rule of rules) {
      if (prefixes.some((prefix) => rule.regexp.test(prefix))) excluded = !rule.negated;
    }
    return excluded;
  };
}

export interface BuildResult {
  /** The last stage's WORKDIR, as a folder here. */
  workdir: string;
  env: Record<string, string>;
  user: string | undefined;
  cmd: string[];
  /** Seconds each stage took, once the stages it copies from were built. */
  timings: Record<string, number>;
  /** Each stage's WORKDIR, by stage name. */
  workdirs: Record<string, string>;
}

export interface BuildOptions {
  context: string;
  dockerfile: string;
  /** Where the stages' folders go (empty). */
  into: string;
  /** The environment RUN commands get besides the stages' ENV (PATH, HOME). */
  baseEnv: Record<string, string>;
  log: (text: string) => void;
}

function run(command: string, cwd: string, env: Record<string, string>, log: (text: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (chunk: Buffer) => {
      log(chunk.toString());
      tail = (tail + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`RUN ${command} exited with ${code}:\n${tail}`)),
    );
  });
}

/**
 * Builds the stages the last one needs, each once the stages it copies from are built — those
 * that need nothing of each other at the same time, as BuildKit does; answers how to start the
 * last one.
 */
export async function buildDockerfile(options: BuildOptions): Promise<BuildResult> {
  const excluded = dockerignore(await readFile(path.join(options.context, '.dockerignore'), 'utf8').catch(() => ''));
  const stages = parseDockerfile(await readFile(options.dockerfile, 'utf8'));
  if (stages.length === 0) throw new Error('the Dockerfile has no stage');
  const timings: Record<string, number> = {};
  const workdirs: Record<string, string> = {};
  const built = new Map<number, Promise<BuiltStage>>();

  interface BuiltStage {
    root: string;
    workdir: string;
    env: Record<string, string>;
    user: string | undefined;
    cmd: string[];
  }

  const indexOf = (reference: string, before: number) => {
    const index = /^\d+$/.test(reference) ? Number(reference) : stages.findIndex((s) => s.name === reference);
    if (index < 0 || index >= before) throw new Error(`COPY --from=${reference}: no such earlier stage`);
    return index;
  };

  const buildStage = (index: number): Promise<BuiltStage> => {
    let promise = built.get(index);
    if (!promise) {
      promise = runStage(index);
      built.set(index, promise);
    }
    return promise;
  };

  async function runStage(index: number): Promise<BuiltStage> {
    const stage = stages[index]!;
    if (!/^node:\d/.test(stage.from)) throw new Error(`stage ${stage.name}: only node images are built here`);
    // The stages this one copies from, built first (and concurrently with any other).
    const sources = new Map<string, BuiltStage>();
    await Promise.all(
      stage.instructions
        .filter((i) => i.flags.from !== undefined)
        .map(async (i) => sources.set(i.flags.from!, await buildStage(indexOf(i.flags.from!, index)))),
    );
    const started = performance.now();
    const root = path.join(options.into, `stage-${index}`);
    await mkdir(root, { recursive: true });
    const env: Record<string, string> = {};
    let workdir = '/';
    let user: string | undefined;
    let cmd: string[] = [];
    /** An absolute path of this stage's file system, as a folder here. */
    const here = (target: string, base = workdir) => path.join(root, path.posix.resolve(base, target));

    for (const instruction of stage.instructions) {
      const unknownFlags = Object.keys(instruction.flags).filter((f) => !(instruction.op === 'COPY' && f === 'from'));
      if (unknownFlags.length > 0)
        throw new Error(`${instruction.op} --${unknownFlags.join(', --')} is not built here`);
      switch (instruction.op) {
        case 'WORKDIR':
          workdir = path.posix.resolve(workdir, instruction.args);
          await mkdir(here('.'), { recursive: true });
          break;
        case 'ENV':
          if (!/^(\w+=\S+\s*)+$/.test(instruction.args)) {
            throw new Error(`ENV ${instruction.args}: only KEY=value is built here`);
          }
          for (const [, key, value] of instruction.args.matchAll(/(\w+)=(\S+)/g)) env[key!] = value!;
          break;
        case 'USER':
          user = instruction.args;
          break;
        case 'EXPOSE':
          break;
        case 'CMD':
          cmd = JSON.parse(instruction.args) as string[];
          break;
        case 'RUN':
          options.log(`\n== [${stage.name}] RUN ${instruction.args}\n`);
          await run(instruction.args, here('.'), { ...options.baseEnv, ...env }, options.log);
          break;
        case 'COPY': {
          const parts = instruction.args.split(/\s+/);
          const destination = parts.pop()!;
          if (parts.some((source) => /[*?[]/.test(source))) throw new Error('COPY with wildcards is not built here');
          const fromRoot = instruction.flags.from === undefined ? undefined : sources.get(instruction.flags.from)!.root;
          for (const source of parts) {
            const sourcePath = fromRoot
              ? path.join(fromRoot, path.posix.resolve('/', source))
              : path.join(options.context, path.posix.normalize(source));
            const isFolder = (await stat(sourcePath)).isDirectory();
            const intoFolder = destination.endsWith('/') || parts.length > 1 || isFolder;
            const target =
              intoFolder && !isFolder ? path.join(here(destination), path.basename(sourcePath)) : here(destination);
            await mkdir(intoFolder ? here(destination) : path.dirname(target), { recursive: true });
            await cp(sourcePath, target, {
              recursive: true,
              verbatimSymlinks: true,
              // Only what comes from the context goes through .dockerignore.
              filter: (file) => {
                if (fromRoot) return true;
                const relative = path.relative(options.context, file).split(path.sep).join('/');
                return relative === '' || !excluded(relative);
              },
            });
          }
          break;
        }
        default:
          throw new Error(`${instruction.op} is not built here`);
      }
    }
    timings[stage.name] = Math.round((performance.now() - started) / 1000);
    workdirs[stage.name] = here('.');
    return { root, workdir: here('.'), env, user, cmd };
  }

  const last = await buildStage(stages.length - 1);
  return { workdir: last.workdir, env: last.env, user: last.user, cmd: last.cmd, timings, workdirs };
}
