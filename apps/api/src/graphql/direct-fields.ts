import type { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { type GraphQLSchema, isObjectType } from 'graphql';
import { DIRECT_FIELD } from '@app/common';

type Method = (parent: unknown, context: unknown) => unknown;

/**
 * Points the schema's resolver of every @DirectField method at the method itself, bound to its Nest
 * provider, instead of Nest's wrapper around it. Throws at start if a marked field is not in the schema.
 */
export function wireDirectFields(schema: GraphQLSchema, discovery: DiscoveryService, scanner: MetadataScanner, reflector: Reflector): GraphQLSchema {
  for (const wrapper of discovery.getProviders()) {
    const instance = wrapper.instance as Record<string, Method> | undefined;
    if (!instance || typeof instance !== 'object') continue;
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const typeName = reflector.get<string | undefined>(DIRECT_FIELD, instance[name]);
      if (!typeName) continue;
      const type = schema.getType(typeName);
      const field = isObjectType(type) ? type.getFields()[name] : undefined;
      if (!field) throw new Error(`@DirectField: ${typeName}.${name} is not in the schema`);
      const method = instance[name].bind(instance);
      field.resolve = (parent, _args, context) => method(parent, context);
    }
  }
  return schema;
}
