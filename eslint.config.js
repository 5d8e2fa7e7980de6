// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports a folder may not make: the arrows point one way (docs/ARCHITECTURE.md). */
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const ours = (names, message) => ({ group: names.map((n) => `@ikt/${n}`).flatMap((g) => [g, `${g}/*`]), message });

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
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
