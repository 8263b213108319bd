/**
 * Typed Apollo hooks for the admin app, from the committed schema and the .graphql operation files
 * next to each feature. `pnpm codegen` writes them; the admin tests fail when they are stale.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: 'packages/admin/src/**/*.graphql',
  generates: {
    'packages/admin/src/graphql/generated.ts': {
      plugins: ['typescript-operations', 'typescript-react-apollo'],
      config: {
        scalars: { DateTime: 'string', SafeInt: 'number' },
        withHooks: true,
        enumType: 'native',
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        apolloReactCommonImportFrom: '@apollo/client',
        apolloReactHooksImportFrom: '@apollo/client',
      },
    },
  },
};

export default config;
