// Typed operations from the API's own schema.gql: `npm run codegen:staff` after changing an operation or the schema.
// Operations the schema does not have yet (returns, transfers, counts: issues 24 and 25) stay out of src/ until it does.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../../schema.gql',
  documents: ['src/**/*.ts', 'src/**/*.tsx', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string', SafeInt: 'number' } },
      presetConfig: { fragmentMasking: false },
    },
  },
};
export default config;
