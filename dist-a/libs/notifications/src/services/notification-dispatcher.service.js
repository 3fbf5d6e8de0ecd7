var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var NotificationDispatcher_1;
import { Injectable, Logger } from '@nestjs/common';
import { deriveKey, PICKUP_CODE_PURPOSE, TransactionHost, unseal } from '../../../common/src/index.js';
import { AppConfig } from '../../../config/src/index.js';
import { NotificationChannel } from '../entities/notification.entity.js';
import { EmailSender, SmsSender } from './senders.js';
import { render } from './templates.js';
const BATCH = 20;
/**
 * Delivers the outbox. A batch of due rows is leased in a short transaction (FOR UPDATE SKIP LOCKED, so
 * several processes never take the same row), sent outside any transaction, then marked. A process that
 * dies mid-send leaves its lease to run out and another process sends the row: at least once, never lost.
 * Failures retry with exponential backoff up to NOTIFICATION_MAX_ATTEMPTS, then the row is FAILED.
 */
let NotificationDispatcher = NotificationDispatcher_1 = class NotificationDispatcher {
    tx;
    email;
    sms;
    config;
    logger = new Logger(NotificationDispatcher_1.name);
    constructor(tx, email, sms, config) {
        this.tx = tx;
        this.email = email;
        this.sms = sms;
        this.config = config;
        this.codeKey = deriveKey(config.jwtSecret, PICKUP_CODE_PURPOSE);
    }
    codeKey;
    /** Sends what is due now; returns how many were sent. */
    async dispatchDue() {
        const batch = await this.claim();
        let sent = 0;
        for (const n of batch) {
            try {
                const message = render(n.template, { ...n.payload, pickupCode: unseal(this.codeKey, n.payload.pickupCodeSealed) });
                if (n.channel === NotificationChannel.EMAIL)
                    await this.email.send(n.recipient, message);
                else
                    await this.sms.send(n.recipient, message.text);
                await this.tx.manager.query(`UPDATE notification SET status = 'SENT', sent_at = now(), leased_until = NULL WHERE id = $1`, [n.id]);
                sent++;
            }
            catch (err) {
                await this.failed(n, err);
            }
        }
        return sent;
    }
    /** Leases due rows to this process. */
    claim(limit = BATCH) {
        return this.tx.run((em) => em.query(`UPDATE notification n SET leased_until = now() + make_interval(secs => $2), attempts = attempts + 1
       FROM (SELECT id FROM notification
             WHERE status = 'PENDING' AND not_before <= now() AND (leased_until IS NULL OR leased_until < now())
             ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED) due
       WHERE n.id = due.id
       RETURNING n.id, n.template, n.channel, n.recipient, n.payload, n.attempts`, [limit, this.config.get('NOTIFICATION_LEASE_SECONDS')]).then(([rows]) => rows));
    }
    async failed(n, err) {
        const last = n.attempts >= this.config.get('NOTIFICATION_MAX_ATTEMPTS');
        const backoffSeconds = Math.min(3600, 2 ** n.attempts * 5);
        this.logger.warn(`notification ${n.id} (${n.template} by ${n.channel}) attempt ${n.attempts} failed: ${err.message}${last ? '; giving up' : ''}`);
        await this.tx.manager.query(`UPDATE notification SET status = $2, last_error = $3, leased_until = NULL, not_before = now() + make_interval(secs => $4) WHERE id = $1`, [n.id, last ? 'FAILED' : 'PENDING', err.message.slice(0, 1000), backoffSeconds]);
    }
};
NotificationDispatcher = NotificationDispatcher_1 = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [TransactionHost,
        EmailSender,
        SmsSender,
        AppConfig])
], NotificationDispatcher);
export { NotificationDispatcher };
//# sourceMappingURL=notification-dispatcher.service.js.map