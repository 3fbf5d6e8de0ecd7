import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import ts from 'typescript';
import { TABLE_ACCESS_EXCEPTIONS, TABLE_OWNERS } from './table-owners.js';

/**
 * The SQL each lib writes names only tables it owns (TABLE_OWNERS). Read from the source, not from a running
 * database: every string and template literal is scanned for table names after FROM / JOIN / INTO / UPDATE /
 * TABLE (and `'t'::regclass`), `@Entity('t')` names a table, and an entity class given to a call
 * (getRepository, entityColumns, forFeature, a query builder's from/join) names its table.
 */
const root = path.resolve(import.meta.dirname, '../../../..');
const owners: Record<string, string> = TABLE_OWNERS;
const SQL_NAME = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+(?:ONLY\s+)?"?([a-z_][a-z0-9_]*)"?/gi;
const REGCLASS = /'([a-z_][a-z0-9_]*)'::regclass/gi;
const BUILDER_METHODS = /^(from|into|update|delete|(inner|left)?Join(AndSelect|AndMap(One|Many))?|join)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.spec.ts') ? [p] : [];
  });
}

const libs = readdirSync(path.join(root, 'libs')).filter((l) => !l.startsWith('.'));
const apps = readdirSync(path.join(root, 'apps')).filter((a) => !a.startsWith('.'));
/** Every lib's source, and the apps' (`apps/<name>`: they own no table, so any table they name is a finding). */
const files = [
  ...libs.map((lib) => ({ lib, dir: path.join(root, 'libs', lib, 'src') })),
  ...apps.map((app) => ({ lib: `apps/${app}`, dir: path.join(root, 'apps', app, 'src') })),
].flatMap(({ lib, dir }) =>
  sourceFiles(dir).map((file) => ({
    lib,
    file,
    ast: ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true),
  })),
);

/** Entity class name → its table, from every lib's @Entity('t') decorators. */
const entityTables = new Map<string, string>();
for (const { ast } of files) {
  ast.forEachChild(function visit(node): void {
    if (ts.isClassDeclaration(node) && node.name) {
      const table = ts.getDecorators(node)?.map(entityName).find(Boolean);
      if (table) entityTables.set(node.name.text, table);
    }
    node.forEachChild(visit);
  });
}

function entityName(d: ts.Decorator): string | undefined {
  const e = d.expression;
  if (!ts.isCallExpression(e) || !ts.isIdentifier(e.expression) || e.expression.text !== 'Entity') return undefined;
  const [arg] = e.arguments;
  return arg && ts.isStringLiteralLike(arg) ? arg.text : undefined;
}

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ? ');
  return undefined;
}

interface Use {
  lib: string;
  file: string;
  line: number;
  table: string;
}

/** Every table a file's code names, wherever the name comes from. */
function tablesNamed(lib: string, file: string, ast: ts.SourceFile): Use[] {
  const uses: Use[] = [];
  const add = (node: ts.Node, table: string) => {
    if (table in owners) uses.push({ lib, file, line: ast.getLineAndCharacterOfPosition(node.getStart()).line + 1, table });
  };
  ast.forEachChild(function visit(node): void {
    const text = literalText(node);
    if (text !== undefined) {
      for (const m of text.matchAll(SQL_NAME)) add(node, m[1].toLowerCase());
      for (const m of text.matchAll(REGCLASS)) add(node, m[1].toLowerCase());
    }
    if (ts.isDecorator(node)) {
      const table = entityName(node);
      if (table) add(node, table);
    }
    if (ts.isCallExpression(node)) {
      const args = node.arguments.flatMap((a) => (ts.isArrayLiteralExpression(a) ? [...a.elements] : [a]));
      for (const a of args) if (ts.isIdentifier(a) && entityTables.has(a.text)) add(a, entityTables.get(a.text)!);
      // A query builder's from / join / into / update with a table's name: `.from('stock_level', 'sl')`.
      const [first] = node.arguments;
      const method = ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : '';
      if (BUILDER_METHODS.test(method) && first && ts.isStringLiteralLike(first)) add(first, first.text);
    }
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && node.typeName.text === 'Repository') {
      const [t] = node.typeArguments ?? [];
      if (t && ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName) && entityTables.has(t.typeName.text))
        add(t, entityTables.get(t.typeName.text)!);
    }
    node.forEachChild(visit);
  });
  return uses;
}

const uses = files.flatMap(({ lib, file, ast }) => tablesNamed(lib, file, ast));

function allowed({ lib, table }: Use): boolean {
  if (owners[table] === lib) return true;
  const exception = TABLE_ACCESS_EXCEPTIONS[lib];
  return !!exception && (exception.tables === '*' || (exception.tables as readonly string[]).includes(table));
}

describe('table ownership', () => {
  it('maps every table the migrations create to exactly one existing lib', () => {
    const dir = path.join(root, 'migrations');
    const created = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [
        ...readFileSync(path.join(dir, f), 'utf8').matchAll(/CREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF NOT EXISTS\s+)?"?(\w+)"?/gi),
      ])
      .map((m) => m[1].toLowerCase());
    expect(created.length).toBeGreaterThan(0);
    expect([...new Set(created)].sort()).toEqual(Object.keys(owners).sort());
    for (const owner of new Set(Object.values(owners))) expect(libs).toContain(owner);
  });

  it('finds SQL in the libs (the scanner works)', () => {
    expect(uses.filter((u) => u.table === 'stock_level' && u.lib === 'inventory').length).toBeGreaterThan(0);
    expect(entityTables.get('CartEntity')).toBe('cart');
    const named = (code: string) =>
      tablesNamed('x', 'x.ts', ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true))
        .map((u) => u.table)
        .sort();
    expect(named('q(`SELECT 1 FROM customer WHERE id = $1 FOR UPDATE`)')).toEqual(['customer']);
    expect(named('q(`SELECT ${c} FROM cart_line cl JOIN product_variant v ON v.id = cl.variant_id`)')).toEqual([
      'cart_line',
      'product_variant',
    ]);
    expect(named("q('UPDATE cart SET status = $2'); q(`INSERT INTO order_line (a) VALUES ($1)`)")).toEqual(['cart', 'order_line']);
    expect(named("em.createQueryBuilder().from('stock_level', 'sl').innerJoin('location', 'l', 'l.id = sl.location_id')")).toEqual([
      'location',
      'stock_level',
    ]);
    expect(named('em.getRepository(CustomerEntity); let r: Repository<PromotionEntity>;')).toEqual(['customer', 'promotion']);
    expect(named("@Entity('fulfillment') class F {}")).toEqual(['fulfillment']);
    expect(named("q(`SELECT 1 FROM pg_constraint WHERE conrelid = 'stock_movement'::regclass`)")).toEqual(['stock_movement']);
    expect(named("throw new Error('remove it from the cart to check out')")).toEqual([]);
  });

  it("no lib's SQL names a table another lib owns", () => {
    const violations = uses
      .filter((u) => !allowed(u))
      .map((u) => `${path.relative(root, u.file)}:${u.line} (${u.lib}) names ${u.table}, owned by ${owners[u.table]}`);
    expect([...new Set(violations)]).toEqual([]);
  });
});
