import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type RequestContext, requireActsAt, SalesChannel } from '@app/auth';
import { type CartEntity, type CartLineEntity, CartStatus, type CartView } from '@app/cart';
import { badInput, BusinessError, ErrorCode, FulfillmentType, notFound } from '@app/common';
import { CatalogueService } from '@app/catalogue';
import { AppConfig } from '@app/config';
import { CustomersService } from '@app/customers';
import { LocationsService } from '@app/locations';
import type { AssistedOrderInput } from '../dto/assisted-order.input.js';
import { CheckoutService } from './checkout.service.js';
import { OrderPlacement, type PlacedOrder } from './order-placement.service.js';
import { PlacementRetries } from './placement-retries.service.js';

/**
 * The endless aisle: staff order for a customer in front of them, from stock anywhere, delivered home or
 * to a store. It is a checkout of a cart that exists only in memory, on the STORE channel, counted for the
 * staff member's store, with the same holds, idempotency and refusals as any checkout.
 */
@Injectable()
export class AssistedOrderService {
  constructor(
    private readonly checkout: CheckoutService,
    private readonly placement: OrderPlacement,
    private readonly retries: PlacementRetries,
    private readonly catalogue: CatalogueService,
    private readonly customers: CustomersService,
    private readonly locations: LocationsService,
    private readonly config: AppConfig,
  ) {}

  async create(ctx: RequestContext, input: AssistedOrderInput): Promise<PlacedOrder> {
    const staff = requireActsAt(ctx.caller, input.locationId);
    const store = await this.locations.find(input.locationId);
    if (!store) throw new BusinessError(ErrorCode.UNKNOWN_LOCATION, 'No such location', ['locationId']);
    if (input.customerId && !(await this.customers.find(input.customerId))) {
      throw new BusinessError(ErrorCode.UNKNOWN_CUSTOMER, 'No such customer', ['customerId']);
    }
    const { type, pickupAt } = await this.delivery(input);
    const max = this.config.get('CART_MAX_LINE_QUANTITY');
    const quantities = new Map<string, number>();
    for (const [i, l] of input.lines.entries()) {
      const q = (quantities.get(l.variantId) ?? 0) + l.quantity;
      if (q > max) throw new BusinessError(ErrorCode.INVALID_QUANTITY, `A line holds 1 to ${max} units`, ['lines', String(i), 'quantity']);
      quantities.set(l.variantId, q);
    }
    const found = new Set((await this.catalogue.findVariants([...quantities.keys()])).map((v) => v.id));
    const missing = [...quantities.keys()].find((id) => !found.has(id));
    if (missing) throw notFound(`Variant ${missing}`);

    const now = new Date();
    const cart = {
      id: randomUUID(),
      customerId: input.customerId ?? null,
      status: CartStatus.ACTIVE,
      createdVia: SalesChannel.STORE,
      mergedInto: null,
      createdAt: now,
      updatedAt: now,
    } as CartEntity;
    const lines = [...quantities].map(([variantId, quantity], i): CartLineEntity => ({
      id: randomUUID(),
      seq: String(i),
      cartId: cart.id,
      variantId,
      quantity,
      fulfillmentType: type,
      locationId: pickupAt,
      addedVia: SalesChannel.STORE,
      addedByStaffId: staff.staffId,
      createdAt: now,
      updatedAt: now,
    }));
    const view: CartView = { cart, lines, codes: [] };
    const inStore: RequestContext = { ...ctx, channel: SalesChannel.STORE };
    const contact = await this.checkout.contactFor(ctx.caller, cart.customerId, input.contact);
    return this.retries.run(ctx, { idempotencyKey: input.idempotencyKey, cartId: null }, (last) =>
      this.placement.place(
        inStore,
        view,
        {
          idempotencyKey: input.idempotencyKey,
          cartId: null,
          contact,
          address: input.delivery.address ?? null,
          attributedLocationId: store.id,
          placedByStaffId: staff.staffId,
        },
        last,
      ),
    );
  }

  private async delivery(input: AssistedOrderInput): Promise<{ type: FulfillmentType; pickupAt: string | null }> {
    const d = input.delivery;
    if (d.type === FulfillmentType.DELIVERY) {
      if (d.locationId) throw badInput('A DELIVERY has an address, not a locationId', ['delivery', 'locationId']);
      if (!d.address) throw new BusinessError(ErrorCode.ADDRESS_REQUIRED, 'A delivery needs an address', ['delivery', 'address']);
      return { type: FulfillmentType.DELIVERY, pickupAt: null };
    }
    if (!d.locationId)
      throw new BusinessError(ErrorCode.LOCATION_REQUIRED, 'A pickup needs its store (locationId)', ['delivery', 'locationId']);
    const store = await this.locations.find(d.locationId);
    if (!store) throw new BusinessError(ErrorCode.UNKNOWN_LOCATION, 'No such location', ['delivery', 'locationId']);
    if (store.type !== 'STORE' || !store.pickupEnabled)
      throw new BusinessError(ErrorCode.PICKUP_NOT_AVAILABLE, `${store.name} does not offer pickup`, ['delivery', 'locationId']);
    return { type: FulfillmentType.PICKUP, pickupAt: store.id };
  }
}
