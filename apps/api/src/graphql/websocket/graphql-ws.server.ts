import type { IncomingMessage, Server } from 'node:http';
import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  type ExecutionArgs,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  type GraphQLFormattedError,
  OperationTypeNode,
  parse,
  validate,
} from 'graphql';
import { CloseCode, type Context } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import proxyAddr from 'proxy-addr';
import { type WebSocket, WebSocketServer } from 'ws';
import { type Caller, RequestContextFactory, type SessionChanged, Sessions } from '@app/auth';
import { ApiError, ErrorCode, expectedCode } from '@app/common';
import { AppConfig } from '@app/config';
import { connections } from '../../shutdown/graceful-shutdown.js';
import { GRAPHQL_PATH } from '../../http/http-hardening.js';
import { OperationPolicy } from '../operation-policy.js';
import { RateLimiter } from '../rate-limiter.js';

type Params = Record<string, unknown> | undefined;
type Extra = { socket: WebSocket; request: IncomingMessage };
type WsContext = Context<Params, Extra> & { client?: string; caller?: Caller };

/** graphql-ws's close code for a connection whose account lost its right to it (as for a bad token at connect). */
const FORBIDDEN_CLOSE = CloseCode.Forbidden;

/**
 * GraphQL over WebSocket (graphql-ws, on /graphql), under the same OperationPolicy as HTTP: the parser's
 * token limit, every validation rule (depth, cost, aliases, directives, no introspection in production),
 * the per-client rate limit, and the same error formatting. Only subscriptions run here; queries and
 * mutations are for HTTP. A message larger than REQUEST_BODY_LIMIT_KB closes the socket (1009), a
 * connection holds at most SUBSCRIPTIONS_PER_CONNECTION subscriptions and a client (account, else address)
 * SUBSCRIPTIONS_PER_CLIENT in this process. A connection whose account signs out, changes password or is
 * deactivated is closed at once (4403).
 */
@Injectable()
export class GraphqlWebSocketServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('GraphQLWebSocket');
  private readonly policy: OperationPolicy;
  private readonly byClient = new Map<string, Set<WsContext>>();
  private wss?: WebSocketServer;
  private disposable?: { dispose(): void | Promise<void> };
  private forgetSessions?: () => void;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly schemaHost: GraphQLSchemaHost,
    private readonly contexts: RequestContextFactory,
    private readonly sessions: Sessions,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {
    this.policy = new OperationPolicy(config);
  }

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    // The address as Express sees it for HTTP requests (TRUST_PROXY, compiled by Express in configureHttp).
    const trust = this.adapterHost.httpAdapter
      .getInstance<{ get(name: string): (addr: string, i: number) => boolean }>()
      .get('trust proxy fn');
    const address = (req: IncomingMessage) => proxyAddr(req, trust);
    this.wss = new WebSocketServer({ noServer: true, maxPayload: this.config.get('REQUEST_BODY_LIMIT_KB') * 1024 });
    server.on('upgrade', (req: IncomingMessage, socket: { destroy(): void }, head: Buffer) => {
      if (new URL(req.url ?? '/', 'http://x').pathname !== GRAPHQL_PATH) return socket.destroy();
      this.wss!.handleUpgrade(req, socket as never, head, (ws) => this.wss!.emit('connection', ws, req));
    });
    this.disposable = useServer<Params, Extra>(
      {
        schema: this.schemaHost.schema,
        onConnect: (ctx) => this.connect(ctx, address(ctx.extra.request)),
        onSubscribe: (ctx, _id, payload) => this.prepare(ctx, payload, address(ctx.extra.request)),
        onNext: (ctx, _id, _payload, args, result) =>
          result.errors?.length ? { ...result, errors: this.format(result.errors, args.contextValue) } : undefined,
        onError: (ctx, _id, _payload, errors) => this.format(errors),
        onClose: (ctx) => this.disconnect(ctx),
      },
      this.wss,
    );
    this.forgetSessions = this.sessions.onChange((change) => void this.recheck(change));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.forgetSessions?.();
    await this.disposable?.dispose();
  }

  /** connection_init: a bad or ended token refuses the connection (4403) rather than letting it in as a guest. */
  private async connect(ctx: WsContext, ip: string): Promise<boolean> {
    try {
      const { caller } = await this.contexts.fromConnection(ctx.connectionParams, ip);
      ctx.caller = caller;
      ctx.client = clientOf(caller, ip);
    } catch {
      return false;
    }
    let set = this.byClient.get(ctx.client);
    if (!set) this.byClient.set(ctx.client, (set = new Set()));
    set.add(ctx);
    connections.trackSocket(ctx.extra.socket);
    return true;
  }

  private disconnect(ctx: WsContext): void {
    if (!ctx.client) return;
    const set = this.byClient.get(ctx.client);
    set?.delete(ctx);
    if (set && !set.size) this.byClient.delete(ctx.client);
  }

  /** One subscribe message through the policy: parse, validate, subscriptions only, caps, rate limit, then the context. */
  private async prepare(
    ctx: WsContext,
    payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null },
    ip: string,
  ): Promise<ExecutionArgs | readonly GraphQLError[]> {
    const schema = this.schemaHost.schema;
    let document;
    try {
      document = parse(payload.query, { maxTokens: this.policy.maxTokens });
    } catch (err) {
      return [
        err instanceof GraphQLError
          ? withCode(err, 'GRAPHQL_PARSE_FAILED')
          : new GraphQLError('The query could not be parsed', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } }),
      ];
    }
    const invalid = validate(schema, document, this.policy.allValidationRules);
    if (invalid.length) return invalid.map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED'));
    const operation = getOperationAST(document, payload.operationName);
    if (!operation) return [new ApiError(ErrorCode.BAD_REQUEST, 'Name the operation to run (operationName)')];
    if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
      return [
        new ApiError(
          ErrorCode.BAD_REQUEST,
          `Only subscriptions run over WebSocket; send a ${operation.operation} as HTTP POST ${GRAPHQL_PATH}`,
        ),
      ];
    }
    // Variables that do not fit their types are the client's mistake (BAD_USER_INPUT, as Apollo answers over HTTP).
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {}, { maxErrors: 10 });
    if (coerced.errors) return coerced.errors.map((e) => withCode(e, ErrorCode.BAD_USER_INPUT));
    let contextValue;
    try {
      contextValue = await this.contexts.fromConnection(ctx.connectionParams, ip);
    } catch (err) {
      return [err instanceof GraphQLError ? err : new ApiError(ErrorCode.UNAUTHENTICATED, 'Sign in again')];
    }
    const tooMany = this.overCap(ctx);
    if (tooMany) return [tooMany];
    const refusal = await this.limiter.count('read', contextValue.caller, ip);
    if (refusal) return [refusal];
    return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
  }

  /** graphql-ws has already counted this subscription in `ctx.subscriptions`, so the limits compare with >. */
  private overCap(ctx: WsContext): ApiError | null {
    const perConnection = this.config.get('SUBSCRIPTIONS_PER_CONNECTION');
    if (Object.keys(ctx.subscriptions).length > perConnection) {
      return new ApiError(
        ErrorCode.TOO_MANY_SUBSCRIPTIONS,
        `A connection holds at most ${perConnection} subscriptions; complete one first`,
      );
    }
    const perClient = this.config.get('SUBSCRIPTIONS_PER_CLIENT');
    let open = 0;
    for (const c of this.byClient.get(ctx.client!) ?? []) open += Object.keys(c.subscriptions).length;
    if (open > perClient)
      return new ApiError(ErrorCode.TOO_MANY_SUBSCRIPTIONS, `A client holds at most ${perClient} subscriptions; complete some first`);
    return null;
  }

  private format(errors: readonly GraphQLError[], context?: unknown): GraphQLFormattedError[] {
    const requestId = (context as { requestId?: string } | undefined)?.requestId;
    return errors.map((e) => {
      if (!expectedCode(e)) this.logger.error({ requestId, err: e.originalError ?? e, path: e.path }, `unexpected error: ${e.message}`);
      return this.policy.format(e.toJSON(), e, requestId);
    });
  }

  /** An account's sessions changed: its connections are checked again, and closed if their token no longer holds. */
  private async recheck(change: SessionChanged): Promise<void> {
    for (const ctx of this.byClient.get(`${change.kind}:${change.id}`) ?? []) {
      try {
        await this.contexts.fromConnection(ctx.connectionParams);
      } catch {
        ctx.extra.socket.close(FORBIDDEN_CLOSE, 'Forbidden');
      }
    }
  }
}

function clientOf(caller: Caller, ip: string): string {
  return caller.kind === 'staff' ? `staff:${caller.staffId}` : caller.kind === 'customer' ? `customer:${caller.customerId}` : `ip:${ip}`;
}

function withCode(err: GraphQLError, code: string): GraphQLError {
  return err.extensions?.code
    ? err
    : new GraphQLError(err.message, {
        nodes: err.nodes,
        source: err.source,
        positions: err.positions,
        path: err.path,
        originalError: err.originalError,
        extensions: { ...err.extensions, code },
      });
}
