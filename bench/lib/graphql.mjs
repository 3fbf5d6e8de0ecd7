// A small GraphQL client for the setup steps (outside the timed windows), and the schema probes.
import { readFileSync } from 'node:fs';

export class GraphQLClient {
  constructor(url, token) {
    this.url = url;
    this.token = token;
  }

  withToken(token) {
    return new GraphQLClient(this.url, token);
  }

  /** Returns `{ data, errors, status }` without throwing on GraphQL errors. */
  async request(query, variables = {}) {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      body = { errors: [{ message: `HTTP ${res.status}: ${text.slice(0, 200)}` }] };
    }
    return { status: res.status, data: body.data, errors: body.errors, text };
  }

  /** Like request, but a GraphQL error or a userError in `field` throws. */
  async must(query, variables, field) {
    const r = await this.request(query, variables);
    if (r.errors?.length)
      throw new Error(`${field ?? 'request'}: ${r.errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; ')}`);
    const userErrors = field ? r.data?.[field]?.userErrors : undefined;
    if (userErrors?.length) throw new Error(`${field}: ${userErrors.map((e) => `${e.code} ${e.message}`).join('; ')}`);
    return r.data;
  }

  /**
   * Whether the server's schema has this operation: introspection is off in production, so send it and
   * look for a validation error (which executes nothing). Returns null when supported, else the reason.
   */
  async unsupported(query, variables) {
    const r = await this.request(query, variables);
    const invalid = r.errors?.filter((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED');
    return invalid?.length ? invalid.map((e) => e.message).join('; ') : null;
  }
}

/** Maps `items` through `fn` with at most `concurrency` calls in flight, keeping order. */
export async function pmap(items, concurrency, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

/** Validates the bench's documents against the contract schema, when the shared folder is beside the clone. */
export async function validateAgainstContract(file, operations) {
  let sdl;
  try {
    sdl = readFileSync(file, 'utf8');
  } catch {
    return { checked: false };
  }
  const { buildSchema, parse, validate } = await import('graphql');
  const schema = buildSchema(sdl);
  const problems = [];
  for (const [name, doc] of Object.entries(operations)) {
    for (const e of validate(schema, parse(doc))) problems.push(`${name}: ${e.message}`);
  }
  return { checked: true, problems };
}
