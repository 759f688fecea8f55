import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** An import of one of these folders from anywhere deeper in src/ (`../hosts/x`, `../../workflows/check`). */
function above(...layers) {
  return { regex: `^(\\.\\./)+(${layers.join('|')})(/|$)`, message: `This layer imports nothing above it (${layers.join(', ')}).` };
}
const FACES = ['cli', 'taskpane', 'taskpane-lite'];
const TEST_TOOLS = ['simulator', 'preview'];
/** Office, React, ExcelJS and Node stay out of the lower layers. */
const NODE_AND_UI = [
  { group: ['react', 'react-*', 'react/*', '@fluentui/*', 'exceljs', 'fs', 'node:*', 'path', 'os', 'child_process', 'zlib'], message: 'No Office, DOM, Node or I/O below the hosts.' },
];
/** Only main.ts and the command list know the commands. */
const COMMANDS_ONLY_FROM_MAIN = [{ regex: '(^|/)commands(/|$)', message: 'Only cli/main.ts and the command list import commands.' }];

export default tseslint.config(
  { ignores: ['build/', 'dist/', 'node_modules/', 'out/', 'coverage/', 'test-results/', 'bin/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
    },
  },
  // The layers, lowest first: domain < ports < workflows < hosts < the faces (cli, taskpane, taskpane-lite) <
  // simulator and preview. A file imports only from its own layer or those below it.
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...NODE_AND_UI, above('ports', 'workflows', 'hosts', ...FACES, ...TEST_TOOLS)] }],
      'no-restricted-globals': ['error', 'Office', 'Excel', 'document', 'window', 'process', 'Buffer'],
    },
  },
  {
    files: ['src/ports/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...NODE_AND_UI, above('workflows', 'hosts', ...FACES, ...TEST_TOOLS)] }] },
  },
  {
    // Workflows are written once against the port: they never see which host they run on.
    files: ['src/workflows/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...NODE_AND_UI, above('hosts', ...FACES, ...TEST_TOOLS)] }] },
  },
  {
    files: ['src/hosts/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [above('workflows', ...FACES, ...TEST_TOOLS)] }] },
  },
  {
    // The panes ship to clerks: the in-memory Excel is for tests and the preview only.
    files: ['src/taskpane/**/*.{ts,tsx}', 'src/taskpane-lite/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [above('cli', ...TEST_TOOLS)] }] },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [above('taskpane', 'taskpane-lite', ...TEST_TOOLS), ...COMMANDS_ONLY_FROM_MAIN] }] },
  },
  {
    // A command shares options (cli/options.ts) and output (cli/output/), never another command's file.
    files: ['src/cli/commands/*.ts'],
    ignores: ['src/cli/commands/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [above('taskpane', 'taskpane-lite', ...TEST_TOOLS), { regex: '^\\./', message: 'A command imports no sibling command: shared options go in cli/options.ts, output in cli/output/.' }] },
      ],
    },
  },
  {
    files: ['src/cli/main.ts', 'src/cli/commands/index.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [above('taskpane', 'taskpane-lite', ...TEST_TOOLS)] }] },
  },
);
