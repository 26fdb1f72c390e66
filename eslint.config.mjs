// Lint, including the import boundaries between layers (see README "Architecture").
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

const noElectron = { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' };
const noNode = nodeBuiltins.map((name) => ({ name, message: 'This layer must not use Node built-ins.' }));

const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'history', 'fetch', 'HTMLElement'].map(
  (name) => ({ name, message: 'This layer must not use the DOM.' }),
);
const nodeGlobals = ['process', 'Buffer', '__dirname', '__filename', 'require', 'global', 'setImmediate'].map((name) => ({
  name,
  message: 'This layer must not use Node globals.',
}));

const layer = (paths, patterns = []) => ({ 'no-restricted-imports': ['error', { paths, patterns }] });
/** A folder as import patterns: the folder itself (its index) and anything inside it. */
const folders = (...names) => names.flatMap((name) => [`**/${name}`, `**/${name}/**`]);

/** The npm packages the pure layers (domain, scripts-library, state-machines, the contract) may import. */
const PURE_PACKAGES = ['zod', 'xstate', 'fuse.js', 'pinyin-pro', 'dayjs'];

const backendGroup = { group: ['react', 'react-dom', 'antd', ...folders('renderer', 'main', 'preload')], message: 'The backend runs without Electron and without a DOM.' };
const noStorageInside = {
  group: ['**/json-storage/*', '**/postgres-storage/*'],
  message: 'Only a storage itself reaches its files or tables; elsewhere import its entry point (json-storage, postgres-storage) at most.',
};
const noStorage = { group: ['**/json-storage', '**/postgres-storage'], message: 'Handlers and services use the storage ports (backend/ports.ts), never a concrete store.' };


export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['**/*.mjs', 'tools/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node } },
  },
  // Pure layers: shared by renderer and backend; neither Node nor DOM, nor electron, and of npm packages only the
  // pure libraries allowed here (a storage, spreadsheet or UI package in domain/ fails lint).
  {
    files: ['state-machines/**', 'scripts-library/**', 'domain/**', 'electron/contract/**'],
    rules: {
      ...layer(
        [noElectron, ...noNode],
        [
          { group: ['react', 'react-dom', 'antd', ...folders('renderer', 'backend', 'server', 'main', 'preload')], message: 'Pure modules import only other pure modules and pure libraries.' },
          { regex: `^(?!\\.{1,2}/)(?!(?:${PURE_PACKAGES.map((name) => name.replaceAll('.', '\\.')).join('|')})(?:/|$))`, message: `A pure layer may import only these npm packages: ${PURE_PACKAGES.join(', ')}.` },
        ],
      ),
      'no-restricted-globals': ['error', ...domGlobals, ...nodeGlobals],
    },
  },
  // Backend, browser-mode server and CLI: plain Node, no Electron, no DOM, no renderer code. The JSON storage is
  // reached only through the ports: handlers and services never import it; the composition root (backend/index.ts)
  // and the CLI (its backup copies the folder) import only its entry point.
  {
    files: ['electron/backend/**', 'electron/server/**', 'electron/cli/**'],
    rules: {
      ...layer([noElectron], [backendGroup, noStorageInside]),
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    files: ['electron/backend/**'],
    ignores: ['electron/backend/json-storage/**', 'electron/backend/postgres-storage/**', 'electron/backend/index.ts'],
    rules: layer([noElectron], [backendGroup, noStorageInside, noStorage]),
  },
  {
    files: ['electron/backend/json-storage/**', 'electron/backend/postgres-storage/**'],
    rules: layer([noElectron], [backendGroup]),
  },
  // The CLI is a caller like the others: it creates the backend and calls dispatch, never a handler or a store.
  {
    files: ['electron/cli/**'],
    rules: layer(
      [noElectron],
      [
        backendGroup,
        {
          group: ['**/backend/*', '!**/backend/app-info', '!**/backend/json-storage', '!**/backend/postgres-storage', '**/backend/*/**'],
          message: 'The CLI goes through dispatch: it imports only the backend (createBackend), app-info and the storages\' entry points (the folder copy; the team database\'s accounts).',
        },
      ],
    ),
  },
  // The renderer: DOM, no Node, no Electron, no backend.
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layer([noElectron, ...noNode], [{ group: folders('electron/backend', 'electron/server', 'electron/cli', 'electron/main', 'electron/preload'), message: 'The renderer reaches the backend only through the typed client (renderer/src/api).' }]),
      'no-restricted-globals': ['error', ...nodeGlobals],
    },
  },
  // Main and preload are the only places that may import electron.
  {
    files: ['electron/main/**', 'electron/preload/**'],
    rules: layer([], [{ group: ['react', 'react-dom', 'antd', ...folders('renderer')], message: 'The main process does not load renderer code.' }]),
  },
  {
    files: ['tests/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
