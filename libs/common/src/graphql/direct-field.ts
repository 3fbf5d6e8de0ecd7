import { SetMetadata } from '@nestjs/common';

export const DIRECT_FIELD = 'common:graphqlDirectField';

/**
 * Marks a @ResolveField method of a resolver on the GraphQL type `typeName` to be called by graphql-js
 * directly, as `method(parent, context)`: no guards, interceptors, pipes or parameter decorators run
 * for it (the parameters must be exactly @Parent() and @Ctx(), in that order). For fields resolved
 * hundreds of times in one answer, where Nest's per-call pipeline costs more than the field
 * (docs/adr/0016-hot-fields-without-wrappers.md). The schema
 * is rewired at start by `wireDirectFields` (apps/api).
 */
export const DirectField = (typeName: string): MethodDecorator => SetMetadata(DIRECT_FIELD, typeName);
