import { type GraphQLFormattedError, specifiedRules, type ValidationRule } from 'graphql';
import { formatError } from '@app/common';
import { AppConfig } from '@app/config';
import { graphqlLimits, noIntrospection, withoutSuggestions } from './graphql-limits.js';

/**
 * What every GraphQL operation goes through, whichever transport brings it (Apollo over HTTP, graphql-ws):
 * the same parser limit, validation rules, introspection setting and error formatting. Apollo is given
 * the pieces it takes as options; the WebSocket server runs the whole list itself.
 */
export class OperationPolicy {
  readonly limits: ReturnType<typeof graphqlLimits>;
  readonly introspection: boolean;
  /** Our rules, as Apollo takes them (it adds graphql-js's own): the limits, and no introspection when it is off. */
  readonly validationRules: ValidationRule[];
  private readonly exposeDetails: boolean;

  constructor(config: AppConfig) {
    this.limits = graphqlLimits(config);
    this.introspection = config.graphqlIntrospection;
    // Our rule rather than Apollo's `introspection: false`, so both transports refuse with one message.
    this.validationRules = [...(this.limits.validationRules ?? []), ...(this.introspection ? [] : [noIntrospection])];
    this.exposeDetails = config.get('NODE_ENV') === 'development';
  }

  get maxTokens(): number | undefined {
    return this.limits.parseOptions?.maxTokens;
  }

  /** Every rule an operation is validated with: graphql-js's own, then ours. */
  get allValidationRules(): ValidationRule[] {
    return [...specifiedRules, ...this.validationRules];
  }

  /** An error as the client sees it: known codes pass; anything unexpected hides its details; no schema hints without introspection. */
  format(formatted: GraphQLFormattedError, error: unknown, requestId?: string): GraphQLFormattedError {
    return formatError(this.introspection ? formatted : withoutSuggestions(formatted), error, this.exposeDetails, requestId);
  }
}
