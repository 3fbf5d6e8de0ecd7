// Typed operations from the API's own schema.gql: `npm run codegen:staff` after changing an operation or the schema.
import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';

// Paths from this file, not from where the command runs (the npm scripts run at the repository root).
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const config: CodegenConfig = {
  schema: here('../../schema.gql'),
  documents: [here('src/**/*.ts'), here('src/**/*.tsx'), `!${here('src/gql/**/*')}`],
  ignoreNoDocuments: true,
  generates: {
    [here('src/gql/')]: {
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string', SafeInt: 'number' } },
      presetConfig: { fragmentMasking: false },
    },
  },
};
export default config;
