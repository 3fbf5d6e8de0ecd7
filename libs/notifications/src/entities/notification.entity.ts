import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum NotificationChannel {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
}

export enum NotificationTemplate {
  ORDER_CONFIRMED = 'ORDER_CONFIRMED',
  READY_FOR_PICKUP = 'READY_FOR_PICKUP',
  PICKUP_REMINDER = 'PICKUP_REMINDER',
  PICKUP_EXPIRED = 'PICKUP_EXPIRED',
  SHIPPED = 'SHIPPED',
  ORDER_CANCELLED = 'ORDER_CANCELLED',
  /** Units staff could not find and no other location could send: cancelled, not paid for. */
  ITEMS_UNAVAILABLE = 'ITEMS_UNAVAILABLE',
  /** A return asked for online: its number, to show in any store. */
  RETURN_REQUESTED = 'RETURN_REQUESTED',
  /** The units came back to a store. */
  RETURN_RECEIVED = 'RETURN_RECEIVED',
  /** Money went back to the card or was paid out at the counter. */
  REFUND_ISSUED = 'REFUND_ISSUED',
}

export type NotificationStatus = 'PENDING' | 'SENT' | 'FAILED' | 'CANCELLED';

/**
 * What the order flow knew when it wrote a notification (a jsonb column), for the templates to print.
 * The pickup code travels sealed and is opened only when the message is sent.
 */
export interface NotificationPayload {
  orderNumber?: string;
  /** The order total as printed, e.g. `42.00 EUR`. */
  total?: string;
  storeName?: string | null;
  /** ISO 8601. */
  expiresAt?: string | null;
  pickupCodeSealed?: string | null;
  returnNumber?: string;
  /** The refund as printed, e.g. `44.10 EUR`. */
  refund?: string;
}

/** One message to one recipient: an outbox row, written with the change it reports, sent by the dispatcher. */
@Entity('notification')
export class NotificationEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('uuid', { name: 'order_id' })
  orderId: string;

  @Column('uuid', { name: 'fulfillment_id', nullable: true })
  fulfillmentId: string | null;

  @Column('varchar')
  template: NotificationTemplate;

  @Column('varchar')
  channel: NotificationChannel;

  @Column('varchar')
  recipient: string;

  @Column('jsonb')
  payload: NotificationPayload;

  @Column('varchar')
  status: NotificationStatus;

  @Column('integer')
  attempts: number;

  @Column('timestamptz', { name: 'not_before' })
  notBefore: Date;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
