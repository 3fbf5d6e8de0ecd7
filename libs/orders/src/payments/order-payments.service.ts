import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@app/common';
import { PaymentsService } from '@app/payments';
import type { FulfillmentEntity } from '../entities/fulfillment.entity.js';
import type { OrderEntity } from '../entities/order.entity.js';
import { fulfillmentAmounts, type PricedLine } from './fulfillment-amounts.js';

/**
 * The money side of a fulfilment's moves (FulfillmentMoves calls it in the move's transaction): what is
 * handed over or shipped is captured (or recorded as paid at the counter), what is cancelled or expires is
 * released. The amount of a fulfilment is its lines less their share of the order's discount.
 */
@Injectable()
export class OrderPayments {
  constructor(
    private readonly tx: TransactionHost,
    private readonly payments: PaymentsService,
  ) {}

  /** The customer took it (collect) or it left for them (a delivery shipped). */
  async handedOver(order: OrderEntity, f: FulfillmentEntity): Promise<void> {
    await this.payments.settle(order.id, f.id, await this.amountOf(order, f.id));
  }

  /** Cancelled, expired or refused: no longer owed. */
  async released(order: OrderEntity, f: FulfillmentEntity): Promise<void> {
    await this.payments.release(order.id, f.id, await this.amountOf(order, f.id));
  }

  /** What fulfilment `fulfillmentId` of `order` is worth. */
  async amountOf(order: Pick<OrderEntity, 'id' | 'discount'>, fulfillmentId: string): Promise<number> {
    const lines = await this.tx.manager.query<PricedLine[]>(
      `SELECT fulfillment_id AS "fulfillmentId", position, unit_price AS "unitPrice", quantity FROM order_line WHERE order_id = $1`,
      [order.id],
    );
    return fulfillmentAmounts(lines, order.discount).get(fulfillmentId) ?? 0;
  }
}
