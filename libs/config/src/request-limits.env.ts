import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { toBool, toInt } from './env-transforms.js';

const ORIGIN_LIST = /^(\*|https?:\/\/[^\s,/]+(\s*,\s*https?:\/\/[^\s,/]+)*)$/;

/** The settings of request limits and exposure: what is refused before any resolver runs. Part of Env. */
export class RequestLimitsEnv {
  /** Deepest field nesting a GraphQL operation may have (fragments are followed, not counted). */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(100)
  GRAPHQL_MAX_DEPTH = 12;

  /**
   * graphql-armor's cost: 1 a scalar, 2 an object, x1.5 a level, times a literal `first`. A page of
   * 100 products with their variants and prices costs about 6,400.
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(1_000_000)
  GRAPHQL_MAX_COST = 10_000;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1000)
  GRAPHQL_MAX_ALIASES = 15;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1000)
  GRAPHQL_MAX_DIRECTIVES = 50;

  /** Lexical tokens in one document; the introspection query GraphiQL sends has about 190. */
  @Transform(toInt)
  @IsInt()
  @Min(200)
  @Max(100_000)
  GRAPHQL_MAX_TOKENS = 1000;

  /** Schema introspection. Default: on, except in production. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  GRAPHQL_INTROSPECTION?: boolean;

  /** GraphiQL on GET /graphql. Default: on, except in production. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  GRAPHQL_PLAYGROUND?: boolean;

  /** Live subscriptions one WebSocket connection may hold at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  SUBSCRIPTIONS_PER_CONNECTION = 20;

  /** Live subscriptions one client (account, else address) may hold at once in one process, over all its connections. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  SUBSCRIPTIONS_PER_CLIENT = 100;

  /** Largest JSON (or form) request body, and largest WebSocket message, in kB; a larger one is refused (HTTP 413, close code 1009). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_240)
  REQUEST_BODY_LIMIT_KB = 100;

  /** Browser origins allowed by CORS, comma-separated (`https://shop.example,https://app.example`), or `*`. Unset: no CORS. */
  @IsOptional()
  @Matches(ORIGIN_LIST, {
    message: 'CORS_ORIGINS must be `*` or comma-separated origins such as https://shop.example (scheme and host, no path)',
  })
  CORS_ORIGINS?: string;
}
