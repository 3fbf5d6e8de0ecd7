import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { channelOf, TokenService } from '@app/auth';
import { MetricsService, OperationLabels } from '@app/observability';
import { RateLimiter } from '../rate-limiter.js';
import { type GraphQLBody, markCounted, PublicResponseCache } from './public-response-cache.js';

const header = (req: Request, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * In front of Apollo, after the logger: answers a public query from PublicResponseCache when it can.
 * The caller is still checked as on the normal path (a bad token or x-channel goes through to be refused
 * there) and the answer counts against the caller's read limit. Anything else goes through untouched.
 * `x-cache` says hit, redis (another process's answer), shared (waited for the same query in flight) or
 * miss, as CDNs do.
 */
@Injectable()
export class PublicResponseCacheMiddleware implements NestMiddleware {
  private readonly outcomes;
  private readonly requests;
  private readonly names = new OperationLabels();

  constructor(
    private readonly cache: PublicResponseCache,
    private readonly limiter: RateLimiter,
    private readonly tokens: TokenService,
    metrics: MetricsService,
  ) {
    this.outcomes = metrics.counter({
      name: 'graphql_response_cache_total',
      help:
        'Public queries by how the response cache answered them: hit, redis (from another process), ' +
        'shared (waited for a request in flight), miss',
      labelNames: ['outcome'],
    });
    this.requests = metrics.counter({
      name: 'graphql_requests_total',
      help: 'GraphQL requests, by operation',
      labelNames: ['operation_name', 'operation_type'],
    });
  }

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    // JSON only: a form POST must reach Apollo, whose CSRF prevention refuses it.
    if (!this.cache.enabled || req.method !== 'POST' || !req.is('application/json')) return next();
    const key = this.cache.keyOf(req.body as GraphQLBody | undefined, header(req, 'accept'));
    if (!key) return next();
    let caller;
    try {
      caller = await this.tokens.callerFrom(header(req, 'authorization'));
      channelOf(header(req, 'x-channel'), caller);
    } catch {
      return next(); // refused on the normal path, with its status and code
    }
    let answer = this.cache.get(key);
    let outcome = 'hit';
    if (!answer) {
      const flight = this.cache.flight(key);
      if (flight) {
        answer = (await flight) ?? undefined;
        if (!answer) return next();
        outcome = 'shared';
      } else {
        this.cache.begin(key, req, res);
        answer = await this.cache.fromRedis(key);
        if (!answer) {
          this.outcomes.inc({ outcome: 'miss' });
          res.setHeader('x-cache', 'miss');
          return next();
        }
        this.cache.resolveWith(req, answer);
        outcome = 'redis';
      }
    }
    const refusal = await this.limiter.count('read', caller, req.ip);
    markCounted(req, refusal);
    if (refusal) return next(); // the normal path answers the refusal, without counting again
    this.outcomes.inc({ outcome });
    this.requests.inc({ operation_name: this.names.name(answer.operationName), operation_type: 'query' });
    res.statusCode = 200;
    res.setHeader('content-type', answer.contentType);
    res.setHeader('cache-control', 'no-store');
    res.setHeader('x-cache', outcome);
    res.setHeader('content-length', answer.body.length);
    res.end(answer.body);
  }
}
