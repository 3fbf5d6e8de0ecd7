import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, type GraphQLSchema, isInputObjectType, isObjectType } from 'graphql';
import { stockDependencyOf } from '@app/common';
import { StockQueryService } from '@app/inventory';
import { AvailabilityCache } from '../libs/inventory/src/services/availability-cache.js';
import { StockService } from '../libs/inventory/src/services/stock.service.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Services that read stock: a field resolved by a resolver that injects one shows stock. */
const STOCK_READERS: unknown[] = [StockQueryService, StockService, AvailabilityCache];
/** Names that say a field shows stock, whatever resolves it. */
const STOCK_NAME = /stock|avail|onHand|reserved/i;
/** Never kept by a cache of answers: their fields need no marker. */
const UNCACHED_ROOTS = new Set(['Mutation', 'Subscription']);

/**
 * The public response cache learns what an answer depends on from the schema: a field marked @StockDerived
 * records it (apps/api/src/graphql/stock-derived-fields.ts; ADR 0027). A stock-derived field left unmarked
 * would let a kept page show stale stock with no other test failing, so this one enumerates them, by what
 * resolves them and by their names, and asserts each is covered: marked, or only reachable through marked
 * fields (the levels of a marked storesNear).
 */
describe('every stock-derived field is marked for the response cache', () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    t = await startTestApp();
    schema = t.app.get(GraphQLSchemaHost).schema;
  });
  afterAll(() => t?.close());

  /** `Type.field` of each Query and @ResolveField method of a resolver that injects a stock reader. */
  const resolvedWithStock = (): string[] => {
    const found: string[] = [];
    const scanner = t.app.get(MetadataScanner);
    for (const wrapper of t.app.get(DiscoveryService).getProviders()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const injected = (Reflect.getMetadata('design:paramtypes', instance.constructor) as unknown[] | undefined) ?? [];
      if (!injected.some((d) => STOCK_READERS.includes(d))) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, object>;
      for (const method of scanner.getAllMethodNames(prototype)) {
        const name = Reflect.getMetadata('graphql:resolver_name', prototype[method]) as string | undefined;
        const rootType = Reflect.getMetadata('graphql:resolver_type', prototype[method]) as string | undefined;
        if (Reflect.getMetadata('graphql:resolve_property', prototype[method])) {
          const parent = Reflect.getMetadata('graphql:resolver_type', instance.constructor) as string | (() => { name: string });
          found.push(`${typeof parent === 'string' ? parent : parent().name}.${name ?? method}`);
        } else if (rootType) found.push(`${rootType}.${name ?? method}`);
      }
    }
    return found.filter((f) => !UNCACHED_ROOTS.has(f.split('.')[0]));
  };

  /** `Type.field` of each output or input field whose name says stock. */
  const namedForStock = (): string[] =>
    Object.values(schema.getTypeMap())
      .filter((type) => (isObjectType(type) || isInputObjectType(type)) && !type.name.startsWith('__') && !UNCACHED_ROOTS.has(type.name))
      .flatMap((type) =>
        Object.values((type as { getFields(): Record<string, { name: string }> }).getFields()).map((f) => `${type.name}.${f.name}`),
      )
      .filter((f) => STOCK_NAME.test(f.split('.')[1]));

  const field = (coordinate: string) => {
    const [typeName, name] = coordinate.split('.');
    const type = schema.getType(typeName);
    return isObjectType(type) || isInputObjectType(type) ? type.getFields()[name] : undefined;
  };

  /** Every field returning `typeName` (but a mutation's or subscription's) is marked, or lies in a covered type. */
  const typeCovered = (typeName: string, seen: Set<string>): boolean => {
    if (seen.has(typeName)) return true;
    seen.add(typeName);
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || UNCACHED_ROOTS.has(type.name)) continue;
      for (const f of Object.values(type.getFields())) {
        if (getNamedType(f.type).name !== typeName || stockDependencyOf(f)) continue;
        if (type.name === 'Query' || !typeCovered(type.name, seen)) return false;
      }
    }
    return true;
  };
  const covered = (coordinate: string) => {
    const f = field(coordinate);
    if (!f) return false;
    if (stockDependencyOf(f)) return true;
    const typeName = coordinate.split('.')[0];
    return typeName !== 'Query' && isObjectType(schema.getType(typeName)) && typeCovered(typeName, new Set());
  };

  it('finds the stock-derived fields it knows of, by each rule (the enumeration itself works)', () => {
    expect(resolvedWithStock()).toEqual(expect.arrayContaining(['ProductVariant.availableOnline', 'Query.storesNear', 'Query.stockLevel']));
    expect(namedForStock()).toEqual(
      expect.arrayContaining([
        'ProductVariant.availableOnline',
        'ProductFilter.availableAt',
        'SourcingOption.available',
        'StockLevel.onHand',
      ]),
    );
  });

  it('each field resolved by a resolver that reads stock is covered', () => {
    expect(resolvedWithStock().filter((f) => !covered(f))).toEqual([]);
  });

  it('each field whose name says stock is covered', () => {
    expect(namedForStock().filter((f) => !covered(f))).toEqual([]);
  });

  it('the availability of a variant records its variant; a listing chosen by stock, that it was', () => {
    expect(stockDependencyOf(field('ProductVariant.availableOnline')!)).toBe('variant');
    expect(stockDependencyOf(field('ProductFilter.availableAt')!)).toBe('any');
  });
});
