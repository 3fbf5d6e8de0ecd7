import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@app/common';
import { PaymentsService } from '@app/payments';
import type { FulfillmentEntity } from '../entities/fulfillment.entity.js';
import type { OrderEntity } from '../entities/order.entity.js';
import { fulfillmentAmounts, lineAmounts, type PricedLine, takenAmount } from './fulfillment-amounts.js';

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

  /**
   * The customer took only some units (collect partial): what they took is captured (or paid at the
   * counter), the rest released. Released first, so the capture is the final one when nothing else is owed.
   */
  async partlyHandedOver(order: OrderEntity, f: FulfillmentEntity): Promise<void> {
    const whole = await this.amountOf(order, f.id);
    const part = await this.amountCollected(order, f.id);
    await this.payments.release(order.id, f.id, whole - part);
    await this.payments.settle(order.id, f.id, part);
  }

  /**
   * What the units collected (order_line.collected, set by the collect) of fulfilment `fulfillmentId` are
   * worth: each line's share of the fulfilment's amount in proportion to its units taken, so taking
   * everything is exactly `amountOf` (the discount shared as fulfillmentAmounts shares it).
   */
  async amountCollected(order: Pick<OrderEntity, 'id' | 'discount'>, fulfillmentId: string): Promise<number> {
    const lines = await this.pricedLines(order.id);
    const net = lineAmounts(lines, order.discount);
    return lines.reduce(
      (sum, l, i) => (l.fulfillmentId === fulfillmentId ? sum + takenAmount(net[i], l.quantity, l.collected ?? 0) : sum),
      0,
    );
  }

  /** What fulfilment `fulfillmentId` of `order` is worth. */
  async amountOf(order: Pick<OrderEntity, 'id' | 'discount'>, fulfillmentId: string): Promise<number> {
    return fulfillmentAmounts(await this.pricedLines(order.id), order.discount).get(fulfillmentId) ?? 0;
  }

  private pricedLines(orderId: string): Promise<(PricedLine & { collected: number | null })[]> {
    return this.tx.manager.query(
      `SELECT fulfillment_id AS "fulfillmentId", position, unit_price AS "unitPrice", quantity, collected
       FROM order_line WHERE order_id = $1 ORDER BY position`,
      [orderId],
    );
  }
}
