import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * Compiles the server and the workspaces it runs on (shared, db, migrations, seeds) to JavaScript
 * that plain `node` runs: `node server/dist/main.js`, with production dependencies only.
 *
 * It is tsc (tsconfig.build.json, the compiler's own type check and emit) with one addition.
 * Our sources import `./app` and `@ikt/db/create-db`, which tsx, vitest and the bundler-style
 * resolution resolve but Node's ESM loader does not: it wants a file's full name. So each
 * specifier that names one of our files is rewritten, at emit, to that file's compiled name,
 * relative to the importing file (`./app.js`, `../../db/dist/create-db.js`); packages from
 * node_modules stay as written. Every workspace compiles into its own `dist/`, each file as deep
 * below it as below its sources, so the paths the code finds beside itself at run time
 * (`new URL('../data', import.meta.url)` for the seeds' CSV files, `../../client/dist`,
 * the migrations folder) mean the same folders as they do for the sources.
 */

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Each workspace's sources, and the folder its JavaScript goes to. */
const WORKSPACES = [
  { sources: 'shared/src', out: 'shared/dist' },
  { sources: 'db/src', out: 'db/dist' },
  { sources: 'migrations', out: 'migrations/dist' },
  { sources: 'seeds/src', out: 'seeds/dist' },
  { sources: 'server/src', out: 'server/dist' },
];

/** `server/src/plugins/client.ts` → `server/dist/plugins/client.js`. */
function outputOf(sourceFile: string): string {
  const relative = path.relative(root, sourceFile).split(path.sep).join('/');
  const workspace = WORKSPACES.find((w) => relative.startsWith(`${w.sources}/`));
  if (!workspace) throw new Error(`${relative} belongs to no workspace that is built`);
  return path.join(root, workspace.out, relative.slice(workspace.sources.length + 1).replace(/\.ts$/, '.js'));
}

function fail(diagnostics: readonly ts.Diagnostic[]): never {
  console.error(
    ts.formatDiagnosticsWithColorAndContext(diagnostics, {
      getCanonicalFileName: (name) => name,
      getCurrentDirectory: () => root,
      getNewLine: () => '\n',
    }),
  );
  process.exit(1);
}

const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.build.json'), undefined, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (diagnostic) => fail([diagnostic]),
});
if (!config) throw new Error('tsconfig.build.json could not be read');
if (config.errors.length > 0) fail(config.errors);

const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
const diagnostics = ts.getPreEmitDiagnostics(program);
if (diagnostics.length > 0) fail(diagnostics);

/** The compiled name of what `specifier` names from `containingFile`, if it is one of ours. */
function compiledSpecifier(specifier: string, containingFile: string): string | undefined {
  const resolved = ts.resolveModuleName(specifier, containingFile, config!.options, ts.sys).resolvedModule;
  if (!resolved) {
    if (specifier.startsWith('.')) throw new Error(`${containingFile}: cannot resolve ${specifier}`);
    return undefined;
  }
  // A workspace package (`@ikt/db/…`) is reached through its node_modules link, so the compiler
  // calls it external; it is ours when the file it found lies among our sources.
  const file = path.relative(root, resolved.resolvedFileName);
  const ours = !file.startsWith('..') && !file.split(path.sep).includes('node_modules');
  if (!ours || file.endsWith('.d.ts')) return undefined;
  const target = path.relative(path.dirname(outputOf(containingFile)), outputOf(resolved.resolvedFileName));
  const posix = target.split(path.sep).join('/');
  return posix.startsWith('.') ? posix : `./${posix}`;
}

/** Rewrites the specifiers of `import`, `export … from` and `import('…')` in the emitted JavaScript. */
const fullSpecifiers: ts.TransformerFactory<ts.SourceFile> = (context) => (sourceFile) => {
  const { factory } = context;
  const rewrite = (literal: ts.Expression): ts.Expression => {
    if (!ts.isStringLiteral(literal)) return literal;
    const compiled = compiledSpecifier(literal.text, sourceFile.fileName);
    return compiled ? factory.createStringLiteral(compiled) : literal;
  };
  const visit = (node: ts.Node): ts.Node => {
    if (ts.isImportDeclaration(node)) {
      return factory.updateImportDeclaration(
        node,
        node.modifiers,
        node.importClause,
        rewrite(node.moduleSpecifier),
        node.attributes,
      );
    }
    if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      return factory.updateExportDeclaration(
        node,
        node.modifiers,
        node.isTypeOnly,
        node.exportClause,
        rewrite(node.moduleSpecifier),
        node.attributes,
      );
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0]) {
      return factory.updateCallExpression(node, node.expression, node.typeArguments, [
        rewrite(node.arguments[0]),
        ...node.arguments.slice(1),
      ]);
    }
    return ts.visitEachChild(node, visit, context);
  };
  return ts.visitNode(sourceFile, visit) as ts.SourceFile;
};

for (const { out } of WORKSPACES) rmSync(path.join(root, out), { recursive: true, force: true });
let written = 0;
const emitted = program.emit(
  undefined,
  (_fileName, text, _bom, _onError, sourceFiles) => {
    const target = outputOf(sourceFiles![0]!.fileName);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
    written++;
  },
  undefined,
  false,
  { after: [fullSpecifiers] },
);
if (emitted.diagnostics.length > 0) fail(emitted.diagnostics);
console.log(`Compiled ${written} files into ${WORKSPACES.map((w) => w.out).join(', ')}`);
