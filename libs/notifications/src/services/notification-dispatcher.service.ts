import { Injectable, Logger } from '@nestjs/common';
import { deriveKey, errorMessage, PICKUP_CODE_PURPOSE, ServiceSecrets, TransactionHost, unseal } from '@app/common';
import { AppConfig } from '@app/config';
import { NotificationChannel, type NotificationPayload, type NotificationTemplate } from '../entities/notification.entity.js';
import { EmailSender, SmsSender } from './senders.js';
import { render } from './templates.js';

const BATCH = 20;

interface Claimed {
  id: string;
  template: NotificationTemplate;
  channel: NotificationChannel;
  recipient: string;
  payload: NotificationPayload;
  attempts: number;
}

/**
 * Delivers the outbox. A batch of due rows is leased in a short transaction (FOR UPDATE SKIP LOCKED, so
 * several processes never take the same row), sent outside any transaction, then marked. A process that
 * dies mid-send leaves its lease to run out and another process sends the row: at least once, never lost.
 * Failures retry with exponential backoff up to NOTIFICATION_MAX_ATTEMPTS, then the row is FAILED.
 */
@Injectable()
export class NotificationDispatcher {
  private readonly logger = new Logger(NotificationDispatcher.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly email: EmailSender,
    private readonly sms: SmsSender,
    private readonly config: AppConfig,
    secrets: ServiceSecrets,
  ) {
    this.codeKey = deriveKey(secrets.pickupCode, PICKUP_CODE_PURPOSE);
  }

  private readonly codeKey: Buffer;

  /** Sends what is due now; returns how many were sent. */
  async dispatchDue(): Promise<number> {
    const batch = await this.claim();
    let sent = 0;
    for (const n of batch) {
      try {
        const message = render(n.template, {
          ...n.payload,
          pickupCode: unseal(this.codeKey, n.payload.pickupCodeSealed),
        });
        if (n.channel === NotificationChannel.EMAIL) await this.email.send(n.recipient, message);
        else await this.sms.send(n.recipient, message.text);
        await this.tx.manager.query(`UPDATE notification SET status = 'SENT', sent_at = now(), leased_until = NULL WHERE id = $1`, [n.id]);
        sent++;
      } catch (err) {
        await this.failed(n, err);
      }
    }
    return sent;
  }

  /** Leases due rows to this process. */
  claim(limit = BATCH): Promise<Claimed[]> {
    return this.tx.run((em) =>
      em
        .query<[Claimed[], number]>(
          `UPDATE notification n SET leased_until = now() + make_interval(secs => $2), attempts = attempts + 1
       FROM (SELECT id FROM notification
             WHERE status = 'PENDING' AND not_before <= now() AND (leased_until IS NULL OR leased_until < now())
             ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED) due
       WHERE n.id = due.id
       RETURNING n.id, n.template, n.channel, n.recipient, n.payload, n.attempts`,
          [limit, this.config.get('NOTIFICATION_LEASE_SECONDS')],
        )
        .then(([rows]) => rows),
    );
  }

  private async failed(n: Claimed, err: unknown): Promise<void> {
    const reason = errorMessage(err);
    const last = n.attempts >= this.config.get('NOTIFICATION_MAX_ATTEMPTS');
    const backoffSeconds = Math.min(3600, 2 ** n.attempts * 5);
    this.logger.warn(
      `notification ${n.id} (${n.template} by ${n.channel}) attempt ${n.attempts} failed: ${reason}${last ? '; giving up' : ''}`,
    );
    await this.tx.manager.query(
      `UPDATE notification SET status = $2, last_error = $3, leased_until = NULL, not_before = now() + make_interval(secs => $4)
       WHERE id = $1`,
      [n.id, last ? 'FAILED' : 'PENDING', reason.slice(0, 1000), backoffSeconds],
    );
  }
}
