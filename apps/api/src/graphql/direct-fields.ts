import type { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { type GraphQLSchema, isObjectType } from 'graphql';
import { DIRECT_FIELD, stockDependencyOf } from '@app/common';
import { recordingStockDirectly } from './stock-derived-fields.js';

type Method = (parent: unknown, context: unknown) => unknown;

/**
 * Points the schema's resolver of every @DirectField method at the method itself, bound to its Nest
 * provider, instead of Nest's wrapper around it. Throws at start if a marked field is not in the schema.
 * A field also marked @StockDerived records its dependency in that one call (see stock-derived-fields.ts).
 */
export function wireDirectFields(
  schema: GraphQLSchema,
  discovery: DiscoveryService,
  scanner: MetadataScanner,
  reflector: Reflector,
): GraphQLSchema {
  for (const wrapper of discovery.getProviders()) {
    const instance = wrapper.instance as Record<string, Method> | undefined;
    if (!instance || typeof instance !== 'object') continue;
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance) as object)) {
      const typeName = reflector.get<string | undefined>(DIRECT_FIELD, instance[name]);
      if (!typeName) continue;
      const type = schema.getType(typeName);
      const field = isObjectType(type) ? type.getFields()[name] : undefined;
      if (!field) throw new Error(`@DirectField: ${typeName}.${name} is not in the schema`);
      const method = instance[name].bind(instance);
      const dependency = stockDependencyOf(field); // a @StockDerived field records it in the same call
      field.resolve = dependency ? recordingStockDirectly(dependency, method) : (parent, _args, context) => method(parent, context);
    }
  }
  return schema;
}

/**
 * Nest gives every field of a code-first object type a resolver of its own (`rootFieldResolver`: read the
 * property, or the field's defaultValue). This project declares no output defaults, so that resolver is
 * graphql-js's default one with a call more; without it, graphql-jit reads the property inline instead of
 * calling a resolver with fresh arguments and a resolve info for each of the ~700 fields of a catalogue
 * page. Fields with a real resolver (a @ResolveField, a @DirectField) are left as they are.
 */
export function readPlainFieldsDirectly(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve?.name === 'rootFieldResolver') field.resolve = undefined;
    }
  }
  return schema;
}
