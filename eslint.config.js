// ESLint flat config: type-aware typescript-eslint rules on the TypeScript (apps, libs, test, migrations),
// the plain JavaScript rules on the .js/.mjs scripts (bench, scripts, Jest setup), the module boundaries
// of the house style (STYLE.md, "Layout") as one small local rule, and Prettier owning the layout.
import path from 'node:path';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

/** Where a file sits: a lib or an app by name, or elsewhere (test, migrations, bench, scripts). */
function areaOf(file) {
  const [top, name] = path.relative(root, file).split(path.sep);
  return top === 'libs' || top === 'apps' ? { kind: top === 'libs' ? 'lib' : 'app', name } : { kind: 'other' };
}

/**
 * boundaries/imports: a lib is reached only through its public face `@app/<lib>` (its src/index.ts);
 * libs never import apps; apps/api and apps/worker do not import each other. Option `allow` lists
 * import specifiers a file may use anyway (a documented exception, see below).
 */
const importsRule = {
  meta: {
    type: 'problem',
    schema: [{ type: 'object', properties: { allow: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }],
    messages: {
      deepAlias: "Import '@app/{{lib}}' (its public face), not a file inside it.",
      intoLib: "Import '@app/{{lib}}' (its public face), not a relative path into libs/{{lib}}.",
      libToApp: 'Code in libs/ never imports from apps/ (apps wire libs, not the other way round).',
      appToApp: 'apps/{{from}} does not import apps/{{to}}: move what both need into a lib.',
    },
  },
  create(context) {
    const allow = new Set(context.options[0]?.allow ?? []);
    const from = areaOf(context.filename);
    function check(node) {
      const source = node?.type === 'Literal' && typeof node.value === 'string' ? node.value : undefined;
      if (source === undefined || allow.has(source)) return;
      const deep = /^@app\/([^/]+)\/./.exec(source);
      if (deep) return context.report({ node, messageId: 'deepAlias', data: { lib: deep[1] } });
      if (!source.startsWith('.')) return;
      const to = areaOf(path.resolve(path.dirname(context.filename), source));
      if (to.kind === 'lib' && !(from.kind === 'lib' && from.name === to.name)) {
        return context.report({ node, messageId: 'intoLib', data: { lib: to.name } });
      }
      if (to.kind === 'app' && from.kind === 'lib') return context.report({ node, messageId: 'libToApp' });
      if (to.kind === 'app' && from.kind === 'app' && from.name !== to.name) {
        return context.report({ node, messageId: 'appToApp', data: { from: from.name, to: to.name } });
      }
    }
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.source),
    };
  },
};

export default defineConfig(
  { ignores: ['dist/', 'dist-*/', 'coverage/', '.data/', 'bench/results/', 'node_modules/'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  {
    // bench/, scripts/ and the Jest setup files: plain Node ESM, the JavaScript rules only.
    files: ['**/*.js', '**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // The .catch() twin of useUnknownInCatchVariables (tsconfig.json): a rejection reason is unknown.
      '@typescript-eslint/use-unknown-in-catch-callback-variable': 'error',
      // `const { omitted: _, ...rest } = o` is how the code drops a field from a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // graphql-ws's dispose() and our stop functions return void | Promise<void>; Promise.all over them waits for the async ones.
      '@typescript-eslint/await-thenable': ['error', { allowMixedPromiseArrays: true }],
      // Async methods that implement an async contract (Apollo plugin hooks, the Redis port's in-memory
      // stand-in, the senders) often have nothing to await; wrapping their results by hand would be noise.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // End-to-end tests read GraphQL answers (supertest's `res.body`, `any` by design) by their shape, and
    // the assertions are what checks that shape; the no-unsafe-* family would flag every `res.body.data.x`.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts', 'migrations/**/*.ts'],
    plugins: { boundaries: { rules: { imports: importsRule } } },
    rules: { 'boundaries/imports': 'error' },
  },
  prettier,
);
