import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditAction, AuditLog } from '@app/audit';
import { type StaffCaller } from '@app/auth';
import { Clock, isUuid, notFound, TransactionHost } from '@app/common';
import type { WebhookEventType } from '../webhook-event-type.js';
import { endpointUrl } from './webhook-url.js';
import { WebhookSubscriptions } from './webhook-subscriptions.js';

/** An endpoint as the API shows it: never its secret. */
export interface WebhookEndpointRow {
  id: string;
  url: string;
  events: WebhookEventType[];
  active: boolean;
  consecutiveFailures: number;
  disabledAt: Date | null;
  disabledReason: string | null;
  createdAt: Date;
}

export interface EndpointChanges {
  url?: string | null;
  events?: WebhookEventType[] | null;
  active?: boolean | null;
}

const COLUMNS = `id, url, events, active, consecutive_failures AS "consecutiveFailures", disabled_at AS "disabledAt",
  disabled_reason AS "disabledReason", created_at AS "createdAt"`;

/**
 * The retailer's endpoints (admins): create (the secret shown this once), change, re-enable, delete. Each
 * change is audited in its transaction and drops every process's list of subscribed types at commit.
 */
@Injectable()
export class WebhookEndpoints {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditLog,
    private readonly subscriptions: WebhookSubscriptions,
    private readonly clock: Clock,
  ) {}

  list(): Promise<WebhookEndpointRow[]> {
    return this.tx.manager.query(`SELECT ${COLUMNS} FROM webhook_endpoint ORDER BY created_at, id`);
  }

  async create(
    staff: StaffCaller,
    input: { url: string; events: WebhookEventType[] },
  ): Promise<{ endpoint: WebhookEndpointRow; secret: string }> {
    const url = endpointUrl(input.url);
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    return this.tx.run(async (em) => {
      const [endpoint] = await em.query<WebhookEndpointRow[]>(
        `INSERT INTO webhook_endpoint (url, events, secret) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
        [url, unique(input.events), secret],
      );
      await this.record(staff, AuditAction.WEBHOOK_ENDPOINT_CREATED, endpoint.id, null, { url, events: endpoint.events });
      this.subscriptions.changed(endpoint.id);
      return { endpoint, secret };
    });
  }

  /**
   * Changes what is given. `active: true` re-enables an endpoint (disabled after failures or by an admin):
   * its failure count starts again and what it had pending is due at once, in order.
   */
  async update(staff: StaffCaller, id: string, changes: EndpointChanges): Promise<WebhookEndpointRow> {
    const url = changes.url !== undefined && changes.url !== null ? endpointUrl(changes.url) : undefined;
    return this.tx.run(async (em) => {
      const before = await this.lock(id);
      const after: Partial<WebhookEndpointRow> = {};
      if (url !== undefined && url !== before.url) after.url = url;
      if (changes.events && !sameSet(changes.events, before.events)) after.events = unique(changes.events);
      if (changes.active !== undefined && changes.active !== null && changes.active !== before.active) after.active = changes.active;
      if (!Object.keys(after).length) return before;
      const now = this.clock.date();
      const [[row]] = await em.query<[WebhookEndpointRow[], number]>( // UPDATE … RETURNING: [rows, count]
        `UPDATE webhook_endpoint SET url = $2, events = $3, active = $4, updated_at = $5,
                consecutive_failures = CASE WHEN $4 AND NOT active THEN 0 ELSE consecutive_failures END,
                disabled_at = CASE WHEN $4 THEN NULL WHEN active THEN $5 ELSE disabled_at END,
                disabled_reason = CASE WHEN $4 THEN NULL WHEN active THEN 'disabled by an admin' ELSE disabled_reason END
          WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, after.url ?? before.url, after.events ?? before.events, after.active ?? before.active, now],
      );
      if (after.active === true)
        await em.query(`UPDATE webhook_delivery SET next_attempt_at = $2 WHERE endpoint_id = $1 AND delivered_at IS NULL`, [id, now]);
      const was = Object.fromEntries(Object.keys(after).map((k) => [k, before[k as keyof WebhookEndpointRow]]));
      await this.record(staff, AuditAction.WEBHOOK_ENDPOINT_UPDATED, id, was, after);
      this.subscriptions.changed(id);
      return row;
    });
  }

  /** Deletes the endpoint, what it had pending and its delivery log. */
  async delete(staff: StaffCaller, id: string): Promise<WebhookEndpointRow> {
    return this.tx.run(async (em) => {
      const before = await this.lock(id);
      await em.query(`DELETE FROM webhook_endpoint WHERE id = $1`, [id]);
      await this.record(staff, AuditAction.WEBHOOK_ENDPOINT_DELETED, id, { url: before.url, events: before.events }, null);
      this.subscriptions.changed(id);
      return before;
    });
  }

  /** The endpoint, or NOT_FOUND. */
  async find(id: string): Promise<WebhookEndpointRow> {
    if (!isUuid(id)) throw notFound('Webhook endpoint');
    const [row] = await this.tx.manager.query<WebhookEndpointRow[]>(`SELECT ${COLUMNS} FROM webhook_endpoint WHERE id = $1`, [id]);
    if (!row) throw notFound('Webhook endpoint');
    return row;
  }

  /** The endpoint, locked for the change (a sender disabling it waits), or NOT_FOUND. */
  async lock(id: string): Promise<WebhookEndpointRow> {
    if (!isUuid(id)) throw notFound('Webhook endpoint');
    const [row] = await this.tx.manager.query<WebhookEndpointRow[]>(`SELECT ${COLUMNS} FROM webhook_endpoint WHERE id = $1 FOR UPDATE`, [
      id,
    ]);
    if (!row) throw notFound('Webhook endpoint');
    return row;
  }

  private record(
    staff: StaffCaller,
    action: AuditAction,
    id: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
  ) {
    return this.audit.record({ action, staffId: staff.staffId, subjectType: 'WebhookEndpoint', subjectId: id, before, after });
  }
}

const unique = (events: WebhookEventType[]) => [...new Set(events)];
const sameSet = (a: readonly string[], b: readonly string[]) => new Set(a).size === new Set(b).size && a.every((x) => b.includes(x));
