// @ts-check
import fs from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

/** Imports a folder may not make: the arrows point one way (docs/ARCHITECTURE.md). */
const root = import.meta.dirname;
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const ours = (names, message) => ({ group: names.map((n) => `@ikt/${n}`).flatMap((g) => [g, `${g}/*`]), message });

/**
 * Server module arrows (docs/ARCHITECTURE.md, "Module arrows"): a module imports itself, the
 * modules its row names and the common pieces — nothing else under server/src.
 */
const common = [
  './errors.ts',
  './database-snapshot.ts',
  './messages',
  './context.ts',
  './language.ts',
  './changes.ts',
  './database-errors.ts',
  './http',
];
const serverModules = {
  audit: [],
  health: [],
  users: ['./modules/audit'],
  auth: ['./modules/users', './modules/audit', './config.ts'],
  reference: ['./modules/audit'],
  cycles: ['./modules/audit'],
  budget: ['./modules/cycles', './modules/audit'],
  scenarios: ['./modules/cycles', './modules/audit'],
  indicators: ['./modules/cycles', './modules/audit', './modules/full-cost'],
  consolidation: ['./modules/cycles', './modules/budget/counted-last-year.ts'],
  'full-cost': ['./modules/cycles', './modules/audit', './modules/budget/counted-last-year.ts'],
  spreadsheets: [
    './modules/budget',
    './modules/cycles',
    './modules/consolidation',
    './modules/full-cost',
    './modules/indicators',
    './modules/reference',
    './plugins/problem.ts',
  ],
};
const serverZones = [
  ...Object.entries(serverModules).map(([name, may]) => ({
    target: `server/src/modules/${name}`,
    from: 'server/src',
    except: [`./modules/${name}`, ...may, ...common],
    message: `modules/${name} may import only ${may.length ? may.join(', ') + ' and ' : ''}the common pieces (docs/ARCHITECTURE.md, Module arrows).`,
  })),
  {
    target: 'server/src/plugins',
    from: 'server/src/modules',
    except: ['./auth'],
    message: 'plugins/ may import only the auth module.',
  },
  {
    target: common.map((c) => `server/src/${c.slice(2)}`),
    from: 'server/src/modules',
    message: 'The common pieces import no module.',
  },
];

/**
 * Client features (client/src/features/<x>) import only their own folders, the app-wide
 * components/, hooks/, utils/, api/, i18n/ and @ikt/shared — never another feature or app/.
 */
const clientFeatures = fs.readdirSync(`${root}/client/src/features`);
const featureZones = clientFeatures.map((name) => ({
  target: `client/src/features/${name}`,
  from: 'client/src/features',
  except: [`./${name}`],
  message: 'A feature never imports another feature: move what both need to client/src/{components,hooks,utils,api}.',
}));
const clientZones = [
  {
    target: 'client/src/features',
    from: 'client/src/app',
    message: 'Features never import app/ (app/ composes them).',
  },
  {
    target: ['client/src/components', 'client/src/hooks', 'client/src/utils', 'client/src/api', 'client/src/i18n'],
    from: ['client/src/features', 'client/src/app'],
    message: 'The app-wide pieces import no feature.',
  },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: ['**/*.{ts,tsx}'] })),
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['client/vite.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: ['**/*.{js,mjs,cjs}'] })),
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Money is never a float: parse with decimal.js (shared/src/money.ts).
      'no-restricted-globals': ['error', { name: 'parseFloat', message: 'Use parseMoney from @ikt/shared/money.' }],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // Without these, import-x reads only .js files and no-cycle sees no edge between .ts files.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        { basePath: root, zones: [...serverZones, ...featureZones, ...clientZones] },
      ],
    },
  },
  {
    // The two classic rules of hooks. The plugin's React Compiler rules (refs, set-state-in-effect,
    // purity, …) are not on: they ask for restructured components, a change of its own.
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Async is the contract here, not a slip: a Fastify plugin or hook without `async` must call
    // `done()`, and Kysely's driver interface returns promises. Dropping `async` would change that.
    files: ['server/**', 'db/**', 'test/**'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    // Still to review, one by one (issue #15 point 8): warnings until each site is read (client/
    // has none left).
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/unbound-method': 'warn',
      '@typescript-eslint/no-base-to-string': 'warn',
      '@typescript-eslint/no-unnecessary-type-assertion': 'warn',
      '@typescript-eslint/no-misused-promises': 'warn',
      '@typescript-eslint/no-unsafe-assignment': 'warn',
      '@typescript-eslint/no-unsafe-return': 'warn',
    },
  },
  {
    // Tests read JSON answers (`res.json()`) and workbook cells, which are `any` by nature; the
    // assertions that follow are the check. Typing every answer would only paper over it.
    files: ['test/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['shared/**'],
    rules: restrict([
      ours(['db', 'migrations', 'seeds', 'server', 'client', 'test'], 'shared/ imports nothing of ours.'),
      { group: ['../../*', '../../**'], message: 'shared/ imports nothing outside itself.' },
    ]),
  },
  {
    files: ['client/**'],
    rules: restrict([ours(['db', 'migrations', 'seeds', 'server', 'test'], 'client/ imports only @ikt/shared.')]),
  },
  {
    files: ['db/**'],
    rules: restrict([ours(['seeds', 'server', 'client', 'test'], 'db/ sits below seeds and server.')]),
  },
  {
    files: ['migrations/**'],
    rules: restrict([ours(['shared', 'db', 'seeds', 'server', 'client', 'test'], 'Migrations never import app code.')]),
  },
  {
    files: ['seeds/**'],
    rules: restrict([ours(['server', 'client', 'test'], 'seeds/ sits below server.')]),
  },
  {
    files: ['server/**'],
    rules: restrict([ours(['client', 'test'], 'server/ never imports client or test code.')]),
  },
  {
    // Migrations are written against Kysely<any> on purpose: they must not depend on today's types.
    files: ['migrations/**', 'db/src/migrate.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
