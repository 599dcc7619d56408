import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // tests/consumer/app is copied into a fresh app outside the workspace, where its imports resolve.
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      'tests/consumer/app/**',
      '.stryker-tmp/**',
      'reports/**',
      'bench/.out/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', setTimeout: 'readonly' } }, // Node scripts
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // `const { secret, ...rest } = value` leaves a field out on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // `() => void promise` and `onClick={() => setState(x)}` read well; the promise rules above catch the real mistakes.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // An abort's reason is whatever the caller gave `abort()`: it is passed on as it is.
      '@typescript-eslint/prefer-promise-reject-errors': [
        'error',
        { allowThrowingUnknown: true, allowThrowingAny: true },
      ],
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
      // TanStack mutations take `void` variables so that `mutate()` needs no argument.
      '@typescript-eslint/no-invalid-void-type': 'off',
    },
  },
  {
    files: ['**/test/**', '**/bench/**', 'tools/**', 'tests/**'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Test doubles implement async interfaces (storage, server models) with synchronous bodies.
      '@typescript-eslint/require-await': 'off',
      // vitest's asymmetric matchers (expect.any, objectContaining) and JSON.parse are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Set-up can fail halfway (a browser that never started) and the page's globals arrive late.
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
);
