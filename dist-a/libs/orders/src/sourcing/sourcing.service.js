var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost } from '../../../common/src/index.js';
import { SourcingStrategy } from './sourcing-strategy.js';
/** Reads who has what now, and asks the configured strategy where each line should come from. */
let SourcingService = class SourcingService {
    tx;
    strategy;
    constructor(tx, strategy) {
        this.tx = tx;
        this.strategy = strategy;
    }
    /** Every location with some available stock of these variants. */
    async candidates(variantIds) {
        const rows = await this.tx.manager.query(`SELECT l.id AS "locationId", l.code, l.type, l.lat, l.lng, sl.variant_id AS "variantId", sl.on_hand - sl.reserved AS available
         FROM stock_level sl JOIN location l ON l.id = sl.location_id
         WHERE sl.variant_id = ANY($1::uuid[]) AND sl.on_hand > sl.reserved`, [[...new Set(variantIds)]]);
        const byLocation = new Map();
        for (const r of rows) {
            let c = byLocation.get(r.locationId);
            if (!c)
                byLocation.set(r.locationId, (c = { locationId: r.locationId, code: r.code, type: r.type, lat: r.lat, lng: r.lng, available: new Map() }));
            c.available.set(r.variantId, r.available);
        }
        return [...byLocation.values()];
    }
    async plan(request) {
        return this.strategy.plan({ ...request, candidates: await this.candidates(request.lines.map((l) => l.variantId)) });
    }
};
SourcingService = __decorate([
    Injectable(),
    __param(1, Inject(SourcingStrategy)),
    __metadata("design:paramtypes", [TransactionHost,
        SourcingStrategy])
], SourcingService);
export { SourcingService };
//# sourceMappingURL=sourcing.service.js.map