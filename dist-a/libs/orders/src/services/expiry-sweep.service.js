var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var ExpirySweep_1;
import { Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '../../../common/src/index.js';
import { FulfillmentTransitions } from './fulfillment-transitions.service.js';
/**
 * Expires ready pickups whose hold has run out and returns their stock. Safe with several processes: each
 * fulfilment is expired under its order's row lock and only if still due, so a second sweeper finds
 * nothing to do; a sweeper that dies mid-way leaves the rest due for the next run.
 */
let ExpirySweep = ExpirySweep_1 = class ExpirySweep {
    tx;
    transitions;
    logger = new Logger(ExpirySweep_1.name);
    constructor(tx, transitions) {
        this.tx = tx;
        this.transitions = transitions;
    }
    async run(limit = 100) {
        const due = await this.tx.manager.query(`SELECT id FROM fulfillment WHERE status = 'READY_FOR_PICKUP' AND expires_at <= now() ORDER BY expires_at LIMIT $1`, [limit]);
        let expired = 0;
        for (const { id } of due) {
            try {
                if (await this.transitions.expire(id))
                    expired++;
            }
            catch (err) {
                this.logger.error({ err, fulfillmentId: id }, 'could not expire a pickup');
            }
        }
        return expired;
    }
};
ExpirySweep = ExpirySweep_1 = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [TransactionHost,
        FulfillmentTransitions])
], ExpirySweep);
export { ExpirySweep };
//# sourceMappingURL=expiry-sweep.service.js.map