// ESLint, configured once: JavaScript and TypeScript recommended rules (typescript-eslint), Astro components
// (eslint-plugin-astro), Node and browser globals. Formatting is Prettier's job (.prettierrc.json), not ESLint's.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.astro/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // `_name` marks a parameter or binding kept for its position or its type.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // Tests read parsed JSON (structured data, pages) whose shape is what they check.
  { files: ['tests/**/*.ts', '**/*.test.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // The export's harness is a fragment: the exported file declares tf and CONFIG above it, and the reader's block its exports.
  {
    files: ['src/block-lab/export-harness.js'],
    languageOptions: {
      globals: {
        tf: 'readonly',
        CONFIG: 'readonly',
        block: 'readonly',
        params: 'readonly',
        finalParams: 'readonly',
        finalNorm: 'readonly',
        branchInitGain: 'readonly',
      },
    },
  },
);
