var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { badInput } from '../../common/src/index.js';
import { SalesChannel } from './caller.js';
import { TokenService } from './token.service.js';
const header = (req, name) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
};
/** Builds the per-request context from HTTP headers (or a WebSocket's connection params). */
let RequestContextFactory = class RequestContextFactory {
    tokens;
    constructor(tokens) {
        this.tokens = tokens;
    }
    async fromHeaders(req, res) {
        const requestId = typeof req.id === 'string' ? req.id : (header(req, 'x-request-id') ?? randomUUID());
        const caller = await this.tokens.callerFrom(header(req, 'authorization'));
        return { requestId, caller, channel: channelOf(header(req, 'x-channel'), caller), loaders: new Map(), req, res };
    }
    /**
     * For a WebSocket (graphql-ws): the same token and channel, from the connection's `connectionParams`
     * ({ authorization: 'Bearer …', 'x-channel': 'APP' }), under the same rules as HTTP headers.
     */
    fromConnection(params) {
        const param = (name) => {
            const key = Object.keys(params ?? {}).find((k) => k.toLowerCase() === name);
            const v = key ? params[key] : undefined;
            return typeof v === 'string' ? v : undefined;
        };
        return this.fromHeaders({ headers: { authorization: param('authorization'), 'x-channel': param('x-channel') } });
    }
};
RequestContextFactory = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [TokenService])
], RequestContextFactory);
export { RequestContextFactory };
/** The x-channel header; staff default to STORE, everyone else to WEB. */
export function channelOf(value, caller) {
    if (!value)
        return caller.kind === 'staff' ? SalesChannel.STORE : SalesChannel.WEB;
    const v = value.trim().toUpperCase();
    if (v in SalesChannel)
        return v;
    throw badInput(`x-channel must be one of ${Object.values(SalesChannel).join(', ')}`);
}
//# sourceMappingURL=request-context.factory.js.map