import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { badInput, forbidden } from '@app/common';
import { type Caller, type RequestContext, SalesChannel } from './caller.js';
import { TokenService } from './token.service.js';

type IncomingLike = { headers: Record<string, string | string[] | undefined>; id?: unknown; ip?: string };
type OutgoingLike = { header(name: string, value: unknown): unknown };

const header = (req: IncomingLike, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Builds the per-request context from HTTP headers (or a WebSocket's connection params). */
@Injectable()
export class RequestContextFactory {
  constructor(private readonly tokens: TokenService) {}

  async fromHeaders(req: IncomingLike, res?: OutgoingLike): Promise<RequestContext> {
    const requestId = typeof req.id === 'string' ? req.id : (header(req, 'x-request-id') ?? randomUUID());
    const caller = await this.tokens.callerFrom(header(req, 'authorization'));
    return { requestId, caller, channel: channelOf(header(req, 'x-channel'), caller), loaders: new Map(), req, res };
  }

  /**
   * For a WebSocket (graphql-ws): the same token and channel, from the connection's `connectionParams`
   * ({ authorization: 'Bearer …', 'x-channel': 'APP' }), under the same rules as HTTP headers.
   */
  fromConnection(params: Record<string, unknown> | null | undefined, ip?: string): Promise<RequestContext> {
    const param = (name: string) => {
      const key = Object.keys(params ?? {}).find((k) => k.toLowerCase() === name);
      const v = key ? params![key] : undefined;
      return typeof v === 'string' ? v : undefined;
    };
    return this.fromHeaders({ headers: { authorization: param('authorization'), 'x-channel': param('x-channel') }, ip });
  }
}

/**
 * The x-channel header, part of who is calling: staff default to STORE, everyone else to WEB. STORE is
 * for staff only (a shopper claiming it would get store-only prices and count as a store sale).
 */
export function channelOf(value: string | undefined, caller: Caller): SalesChannel {
  if (!value) return caller.kind === 'staff' ? SalesChannel.STORE : SalesChannel.WEB;
  const v = value.trim().toUpperCase();
  if (!(v in SalesChannel)) throw badInput(`x-channel must be one of ${Object.values(SalesChannel).join(', ')}`);
  const channel = v as SalesChannel;
  if (channel === SalesChannel.STORE && caller.kind !== 'staff') throw forbidden('x-channel STORE is for staff; shoppers use WEB or APP');
  return channel;
}
