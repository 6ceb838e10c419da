// One linter for the whole tree. The process boundary is a rule, not a convention:
// only electron/main and electron/preload may import 'electron'; the renderer may not import Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronOnly = {
  name: 'electron',
  message: "Only electron/main and electron/preload may import 'electron'; keep the engine plain Node.",
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'test-results/', 'playwright-report/', 'resources/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnly] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/main/**', 'electron/preload/**', 'tests/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly],
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'better-sqlite3', '**/core/store/**', '**/core/search/**', '**/core/importers/**'], message: 'The renderer runs in a page: no Node modules and no engine internals.' },
          ],
        },
      ],
    },
  },
);
