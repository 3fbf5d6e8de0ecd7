import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Caller, requireActsAt, SalesChannel, type StaffCaller } from '@app/auth';
import type { CartLineEntity, PricedCart } from '@app/cart';
import { CatalogueService, normaliseSku, type ProductVariantEntity } from '@app/catalogue';
import { badInput, BusinessError, ErrorCode, FulfillmentType, TransactionHost } from '@app/common';
import { CustomersService } from '@app/customers';
import { StockLedger, StockMovementType } from '@app/inventory';
import { LocationsService } from '@app/locations';
import { PaymentsService } from '@app/payments';
import type { PosSaleInput } from '../dto/pos-sale.input.js';
import { OrderEntity } from '../entities/order.entity.js';
import { CountShortages } from './count-shortages.service.js';
import { OrderEvents } from './order-events.js';
import { OrderWriter } from './order-writer.service.js';

/**
 * Sales made at a till (issue 26): each ticket becomes a COMPLETED order on the STORE channel, handed over in
 * the store when it was sold, paid at the counter, in the customer's history when the till knew them. The
 * till is the truth about the shelf: its units leave (movement SALE) even when that takes what was held for
 * pickups, whose units then go through the shortage flow. The same ticket at the same store is recorded once.
 */
@Injectable()
export class PosSales {
  constructor(
    private readonly tx: TransactionHost,
    private readonly writer: OrderWriter,
    private readonly ledger: StockLedger,
    private readonly shortages: CountShortages,
    private readonly catalogue: CatalogueService,
    private readonly customers: CustomersService,
    private readonly locations: LocationsService,
    private readonly payments: PaymentsService,
    private readonly orderEvents: OrderEvents,
  ) {}

  record(caller: Caller, input: PosSaleInput): Promise<OrderEntity> {
    const staff = requireActsAt(caller, input.locationId);
    const currency = input.lines[0].unitPrice.currency;
    if (input.lines.some((l) => l.unitPrice.currency !== currency)) throw badInput('A ticket is in one currency', ['lines']);
    const scope = `till:${input.locationId}`;
    return this.tx.run(async () => {
      // One ticket at a time: a parallel retry of the same ticket waits here for the first, then finds its order.
      await this.tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${scope}:${input.ticketNumber}`]);
      const [seen] = await this.tx.manager.query<{ id: string }[]>(
        `SELECT id FROM customer_order WHERE idempotency_scope = $1 AND idempotency_key = $2`,
        [scope, input.ticketNumber],
      );
      if (seen) return (await this.tx.manager.getRepository(OrderEntity).findOneBy({ id: seen.id }))!;
      const store = await this.locations.find(input.locationId);
      if (!store) throw new BusinessError(ErrorCode.UNKNOWN_LOCATION, 'No such location', ['locationId']);
      const customer = input.customerId ? await this.customers.find(input.customerId) : null;
      if (input.customerId && !customer) throw new BusinessError(ErrorCode.UNKNOWN_CUSTOMER, 'No such customer', ['customerId']);
      const variants = await this.catalogue.findVariantsBySkus(input.lines.map((l) => l.sku));
      const lines = input.lines.map((l, i) => {
        const v = variants.get(normaliseSku(l.sku));
        if (!v) throw new BusinessError(ErrorCode.UNKNOWN_SKU, `No variant with SKU ${l.sku}`, ['lines', String(i), 'sku']);
        return { variant: v, quantity: l.quantity, unitPrice: l.unitPrice.amount };
      });
      const placed = await this.writer.write(
        {
          idempotencyKey: input.ticketNumber,
          idempotencyScope: scope,
          cartId: null,
          customerId: customer?.id ?? null,
          channel: SalesChannel.STORE,
          priced: priced(lines, currency),
          contact: { email: customer?.email ?? '', phone: customer?.phone ?? null, name: customer?.name ?? null },
          address: null,
          attributedLocationId: store.id,
          placedByStaffId: staff.staffId,
        },
        [
          {
            type: FulfillmentType.PICKUP,
            sourceLocationId: store.id,
            pickupLocationId: store.id,
            lineIndexes: lines.map((_, i) => i),
            sourcingReason: 'SOLD_AT_TILL',
            capacity: null,
          },
        ],
      );
      const order = placed.order;
      // Sold when the till says: the sale counts on its day, the handover then.
      await this.tx.manager.query(`UPDATE customer_order SET status = 'COMPLETED', created_at = $2 WHERE id = $1`, [
        order.id,
        input.soldAt,
      ]);
      await this.tx.manager.query(
        `UPDATE fulfillment SET status = 'COLLECTED', ready_at = $2, closed_at = $2, created_at = $2 WHERE order_id = $1`,
        [order.id, input.soldAt],
      );
      await this.tx.manager.query(`UPDATE order_line SET collected = quantity WHERE order_id = $1`, [order.id]);
      for (const l of [...lines].sort((a, b) => a.variant.id.localeCompare(b.variant.id)))
        await this.takeFromShelf(staff, store.id, l.variant, l.quantity, input.ticketNumber);
      const total = lines.reduce((n, l) => n + l.unitPrice * l.quantity, 0);
      await this.payments.openAtCounter(order.id, total, currency);
      await this.payments.settle(order.id, placed.fulfillments[0].id, total);
      await this.orderEvents.placed({ id: order.id, number: order.number, status: 'COMPLETED' });
      this.orderEvents.changed(order.id, []);
      return (await this.tx.manager.getRepository(OrderEntity).findOneBy({ id: order.id }))!;
    });
  }

  /**
   * The units leave the shelf: first those neither held nor unsellable (SALE); past them, units held for
   * orders, which go through the shortage flow (written off there and sourced again). On hand never goes below
   * what is left held and unsellable: a till that sold more than the shelf had is recorded, the shelf at its floor.
   */
  private async takeFromShelf(
    staff: StaffCaller,
    locationId: string,
    v: ProductVariantEntity,
    quantity: number,
    ticket: string,
  ): Promise<void> {
    const level = await this.ledger.read(locationId, v.id);
    const free = Math.max(level.onHand - level.reserved - level.unsellable, 0);
    const fromShelf = Math.min(quantity, free);
    const meta = { type: StockMovementType.SALE, reference: ticket, reason: 'TILL', staffId: staff.staffId };
    if (fromShelf > 0) await this.ledger.change(locationId, v.id, { onHand: -fromShelf }, meta);
    if (quantity > fromShelf) await this.shortages.unitsMissing(staff, locationId, v.id, quantity - fromShelf);
  }
}

/** A till's lines as the order writer takes them (no codes, no discount: the till already applied its own). */
function priced(lines: { variant: ProductVariantEntity; quantity: number; unitPrice: number }[], currency: string): PricedCart {
  const priced = lines.map((l) => ({
    line: { id: randomUUID(), variantId: l.variant.id, quantity: l.quantity } as CartLineEntity,
    variant: l.variant,
    unitPrice: l.unitPrice,
    subtotal: l.unitPrice * l.quantity,
  }));
  const subtotal = priced.reduce((n, l) => n + l.subtotal, 0);
  return { currency, lines: priced, subtotal, discount: 0, total: subtotal, discounts: [] };
}
