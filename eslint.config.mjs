import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
  {
    // The domain is pure: no Office, DOM, Node or I/O.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react*', 'exceljs', 'fs', 'node:*', 'path', 'os', 'child_process', '../hosts/*', '../taskpane/*'] }],
      'no-restricted-globals': ['error', 'Office', 'Excel', 'document', 'window', 'process', 'Buffer'],
    },
  },
);
