// Validates contract-v2-operations.graphql against schema.gql extended with contract-v2's additions
// (definitions schema.gql already has are skipped), so the pending operations are ready when the API lands.
// Usage, from the repository root: node apps/staff-tablet/pending/check-against-contract.mjs [path/to/contract-v2.graphql]
import { readFileSync } from 'node:fs';
import { Kind, buildSchema, extendSchema, parse, validate } from 'graphql';

const contractPath = process.argv[2] ?? '../shared/acceptance/contract-v2.graphql';
let schema = buildSchema(readFileSync('schema.gql', 'utf8'));
const contract = parse(readFileSync(contractPath, 'utf8'));

const isExtension = (d) => d.kind.endsWith('Extension');
const definitions = contract.definitions.flatMap((d) => {
  if (d.kind === Kind.SCHEMA_DEFINITION || d.kind === Kind.DIRECTIVE_DEFINITION) return [];
  const existing = schema.getType(d.name.value);
  if (!isExtension(d)) return existing ? [] : [d];
  // An extension: keep only the fields (or enum values) the schema does not have yet.
  if (!existing) return [];
  const have = new Set(Object.keys(existing.getFields?.() ?? {}).concat((existing.getValues?.() ?? []).map((v) => v.name)));
  const fields = (d.fields ?? d.values ?? []).filter((f) => !have.has(f.name.value));
  return fields.length ? [{ ...d, ...(d.fields ? { fields } : { values: fields }) }] : [];
});
schema = extendSchema(schema, { kind: Kind.DOCUMENT, definitions }, { assumeValidSDL: true });

const operations = parse(readFileSync(new URL('./contract-v2-operations.graphql', import.meta.url), 'utf8'));
const errors = validate(schema, operations);
for (const e of errors) console.error(e.message);
console.log(`${operations.definitions.length} operations, ${errors.length} errors against schema.gql + ${contractPath}`);
process.exit(errors.length ? 1 : 0);
