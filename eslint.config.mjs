// ESLint (flat config): typescript-eslint's recommended rules, import cycles, and the module
// boundaries of docs/architecture.md. Formatting is Prettier's job (eslint-config-prettier
// switches off the rules that would fight it). `pnpm lint` runs both.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      'packages/admin/src/graphql/generated.ts',
      'packages/server/test/support/schema-types.ts',
      'examples/partner-client/src/gql/**',
      '**/*.d.ts',
      '**/.tsbuildinfo',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  importX.flatConfigs.typescript,
  {
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: [
            'packages/server/tsconfig.json',
            'packages/admin/tsconfig.json',
            'examples/partner-client/tsconfig.json',
          ],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Unused on purpose (a rest sibling dropped, a callback's position kept): name it with a leading _.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // A server module uses another module's code only through that module's index.ts. Type-only
    // imports may name a file: they vanish at runtime and so cannot create a load-order cycle.
    files: ['packages/server/src/modules/*/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./[^./][^/]*/',
              allowTypeImports: true,
              message: "Import another module through its index.ts ('../<module>').",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/server/src/modules/*/*/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./\\.\\./[^./][^/]*/',
              allowTypeImports: true,
              message: "Import another module through its index.ts ('../../<module>').",
            },
          ],
        },
      ],
    },
  },
  {
    // Admin features never import each other: shared pieces live in src/components or src/lib.
    files: ['packages/admin/src/features/*/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\.)',
              message: 'A feature never imports another feature; move the shared piece to src/components or src/lib.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/admin/src/features/*/*/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./\\.\\./(?!\\.\\.)',
              message: 'A feature never imports another feature; move the shared piece to src/components or src/lib.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/admin/src/features/*/*/*/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./\\.\\./\\.\\./(?!\\.\\.)',
              message: 'A feature never imports another feature; move the shared piece to src/components or src/lib.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/admin/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  prettier,
);
