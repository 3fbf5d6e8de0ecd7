import { Injectable } from '@nestjs/common';
import { type RequestContext, SalesChannel } from '@app/auth';
import { CatalogueService, forSale } from '@app/catalogue';
import { badInput, BusinessError, entityColumns, ErrorCode, FulfillmentType, isUuid, notFound, TransactionHost } from '@app/common';
import { AppConfig } from '@app/config';
import { CustomersService } from '@app/customers';
import { LocationsService } from '@app/locations';
import { DISCOUNT_CODE_PATTERN, promotionSql, PromotionsService, refusalOf } from '@app/promotions';
import type { CartLineInput, CartLineUpdateInput } from '../dto/cart.inputs.js';
import { CartLineEntity } from '../entities/cart-line.entity.js';
import { CartEntity } from '../entities/cart.entity.js';
import { CartStatus } from '../cart-status.js';
import { assertMayUseCart } from './cart-access.js';
import { CartPricingService } from './cart-pricing.service.js';
import type { CartView } from './cart-view.js';

const MAX_LINES_PER_CALL = 50;
const MAX_CODES = 5;

/**
 * Carts: create, read, and change lines and codes. Every change locks the cart row first, so two changes
 * to one cart (or a change racing its checkout) take turns, and runs in one transaction: a refusal
 * anywhere in a call changes nothing.
 */
@Injectable()
export class CartsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly catalogue: CatalogueService,
    private readonly locations: LocationsService,
    private readonly promotions: PromotionsService,
    private readonly pricing: CartPricingService,
    private readonly config: AppConfig,
    private readonly customers: CustomersService,
  ) {}

  /** A guest cart; a signed-in customer gets their one active cart instead. */
  async create(ctx: RequestContext): Promise<CartView> {
    if (ctx.caller.kind === 'customer')
      return this.view((await this.activeCartOf(ctx.caller.customerId, ctx.channel)).id) as Promise<CartView>;
    const repo = this.tx.manager.getRepository(CartEntity);
    const cart = await repo.save(repo.create({ customerId: null, status: CartStatus.ACTIVE, createdVia: ctx.channel, mergedInto: null }));
    return { cart, lines: [], codes: [] };
  }

  /** The cart if it exists and the caller may see it; null if it does not exist. */
  async read(ctx: RequestContext, cartId: string): Promise<CartView | null> {
    const view = await this.view(cartId);
    if (view) assertMayUseCart(ctx.caller, view.cart);
    return view;
  }

  /** The customer's one ACTIVE cart, created on first use. */
  async activeCartOf(customerId: string, channel: SalesChannel): Promise<CartEntity> {
    const repo = () => this.tx.manager.getRepository(CartEntity);
    const found = await repo().findOneBy({ customerId, status: CartStatus.ACTIVE });
    if (found) return found;
    return this.tx.run(async () => {
      // The customer row lock serialises every way a customer's active cart comes to be (here and at sign-in).
      await this.customers.lock(customerId);
      return (
        (await repo().findOneBy({ customerId, status: CartStatus.ACTIVE })) ??
        repo().save(repo().create({ customerId, status: CartStatus.ACTIVE, createdVia: channel, mergedInto: null }))
      );
    });
  }

  addLines(ctx: RequestContext, cartId: string, inputs: CartLineInput[]): Promise<CartView> {
    if (inputs.length < 1 || inputs.length > MAX_LINES_PER_CALL)
      throw badInput(`lines must hold 1 to ${MAX_LINES_PER_CALL} lines`, ['lines']);
    const max = this.config.get('CART_MAX_LINE_QUANTITY');
    return this.change(ctx, cartId, async (view) => {
      const variants = new Map((await this.catalogue.findVariants(inputs.map((l) => l.variantId))).map((v) => [v.id, v]));
      const current = view.lines[0] && (await this.catalogue.findVariants([view.lines[0].variantId]))[0];
      let currency = current?.priceCurrency;
      const units = unitsByVariant(view.lines);
      for (const [i, input] of inputs.entries()) {
        const variant = variants.get(input.variantId);
        if (!variant) throw notFound(`Variant ${input.variantId} (lines[${i}])`);
        if (!forSale(variant))
          throw new BusinessError(ErrorCode.PRODUCT_UNAVAILABLE, `${variant.sku} is no longer sold`, ['lines', String(i), 'variantId']);
        if (currency && variant.priceCurrency !== currency) {
          throw new BusinessError(
            ErrorCode.CURRENCY_MISMATCH,
            `This cart is priced in ${currency}; ${variant.sku} is in ${variant.priceCurrency}`,
            ['lines', String(i), 'variantId'],
          );
        }
        currency = variant.priceCurrency;
        // The variant's units on every line of the cart, this call's earlier lines included: the line that passes the limit is named.
        const total = (units.get(variant.id) ?? 0) + input.quantity;
        if (total > max) throw invalidQuantity(i, max);
        units.set(variant.id, total);
        const locationId = await this.checkFulfillment(input, i);
        await this.tx.manager.query(
          `INSERT INTO cart_line AS cl (cart_id, variant_id, quantity, fulfillment_type, location_id, added_via, added_by_staff_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (cart_id, variant_id, fulfillment_type, location_id)
           DO UPDATE SET quantity = cl.quantity + EXCLUDED.quantity, updated_at = now()`,
          [cartId, variant.id, input.quantity, input.fulfillment.type, locationId, ctx.channel, staffIdOf(ctx)],
        );
      }
      const [{ lines }] = await this.tx.manager.query<{ lines: number }[]>(
        `SELECT count(*)::int AS lines FROM cart_line WHERE cart_id = $1`,
        [cartId],
      );
      const limit = this.config.get('CART_MAX_LINES');
      if (lines > limit) throw new BusinessError(ErrorCode.CART_LINE_LIMIT, `A cart holds at most ${limit} lines`, ['lines']);
    });
  }

  updateLines(ctx: RequestContext, cartId: string, inputs: CartLineUpdateInput[]): Promise<CartView> {
    if (inputs.length < 1 || inputs.length > MAX_LINES_PER_CALL)
      throw badInput(`lines must hold 1 to ${MAX_LINES_PER_CALL} lines`, ['lines']);
    const max = this.config.get('CART_MAX_LINE_QUANTITY');
    return this.change(ctx, cartId, async (view) => {
      const byId = new Map(view.lines.map((l) => [l.id, l]));
      const after = new Map(view.lines.map((l) => [l.id, l.quantity]));
      for (const [i, input] of inputs.entries()) {
        if (!byId.has(input.id.toLowerCase())) throw unknownLine(i);
        after.set(input.id.toLowerCase(), input.quantity);
      }
      // Counted as the call leaves the cart, so units can move between lines of one variant in a single call.
      const units = unitsByVariant(view.lines.map((l) => ({ variantId: l.variantId, quantity: after.get(l.id)! })));
      const over = inputs.findIndex((input) => units.get(byId.get(input.id.toLowerCase())!.variantId)! > max);
      if (over >= 0) throw invalidQuantity(over, max);
      for (const [i, input] of inputs.entries()) {
        // TypeORM answers an UPDATE or DELETE with [rows, count].
        const [rows] = await this.tx.manager.query<[{ id: string }[], number]>(
          `UPDATE cart_line SET quantity = $3, updated_at = now() WHERE cart_id = $1 AND id = $2 RETURNING id`,
          [cartId, input.id, input.quantity],
        );
        if (!rows.length) throw unknownLine(i);
      }
    });
  }

  removeLines(ctx: RequestContext, cartId: string, lineIds: string[]): Promise<CartView> {
    if (lineIds.length < 1 || lineIds.length > MAX_LINES_PER_CALL)
      throw badInput(`lineIds must hold 1 to ${MAX_LINES_PER_CALL} ids`, ['lineIds']);
    return this.change(ctx, cartId, async () => {
      for (const [i, id] of lineIds.entries()) {
        const [rows] = isUuid(id)
          ? await this.tx.manager.query<[{ id: string }[], number]>(`DELETE FROM cart_line WHERE cart_id = $1 AND id = $2 RETURNING id`, [
              cartId,
              id,
            ])
          : [[]];
        if (!rows.length) throw unknownLine(i, 'lineIds');
      }
    });
  }

  /**
   * Replaces the cart's codes. Each must exist and apply to this cart on this channel now; any refusal
   * leaves the cart as it was. An empty list removes every code.
   */
  setDiscountCodes(ctx: RequestContext, cartId: string, codes: string[]): Promise<CartView> {
    const wanted = [...new Map(codes.map((c) => [c.trim().toUpperCase(), c.trim()])).values()];
    if (wanted.length > MAX_CODES) throw badInput(`At most ${MAX_CODES} discount codes`, ['codes']);
    return this.change(ctx, cartId, async (view) => {
      const found = await this.promotions.findByCodes(wanted.filter((c) => DISCOUNT_CODE_PATTERN.test(c)));
      const priced = await this.pricing.price({ loaders: new Map() }, view, ctx.channel);
      const now = new Date();
      const chosen = wanted.map((code, i) => {
        const promotion = found.get(code.toUpperCase());
        if (!promotion) throw new BusinessError(ErrorCode.UNKNOWN_DISCOUNT_CODE, `No discount code ${code}`, ['codes', String(i)]);
        const refusal = refusalOf(promotion, { channel: ctx.channel, subtotal: priced.subtotal, currency: priced.currency, now });
        if (refusal) throw new BusinessError(refusal.code, refusal.message, ['codes', String(i)]);
        return promotion;
      });
      await this.tx.manager.query(`DELETE FROM cart_discount_code WHERE cart_id = $1`, [cartId]);
      for (const [position, p] of chosen.entries()) {
        await this.tx.manager.query(`INSERT INTO cart_discount_code (cart_id, promotion_id, position) VALUES ($1, $2, $3)`, [
          cartId,
          p.id,
          position,
        ]);
      }
    });
  }

  /** Closes the cart as ORDERED, in the caller's transaction (checkout holds its row lock). */
  async markOrdered(cartId: string): Promise<void> {
    await this.tx.manager.query(`UPDATE cart SET status = $2, updated_at = now() WHERE id = $1`, [cartId, CartStatus.ORDERED]);
  }

  /**
   * Reads a cart with its lines and codes (no access check); `lock` takes the cart's row lock in the same
   * read. Plain SQL: the carts of a checkout or a line added were read by TypeORM's find at a CPU cost
   * several times the statements'.
   */
  async view(cartId: string, opts: { lock?: boolean } = {}): Promise<CartView | null> {
    if (!isUuid(cartId)) return null;
    const em = this.tx.manager;
    const [cart]: CartEntity[] = await em.query(
      `SELECT ${entityColumns(em, CartEntity)} FROM cart WHERE id = $1${opts.lock ? ' FOR UPDATE' : ''}`,
      [cartId],
    );
    return cart ? this.withLines(cart) : null;
  }

  private async withLines(cart: CartEntity): Promise<CartView> {
    const em = this.tx.manager;
    const [lines, codes] = await Promise.all([
      em.query<CartLineEntity[]>(`SELECT ${entityColumns(em, CartLineEntity)} FROM cart_line WHERE cart_id = $1 ORDER BY seq`, [cart.id]),
      em.query<{ promotionId: string; code: string }[]>(
        `SELECT d.promotion_id AS "promotionId", ${promotionSql.codeOf('p')} FROM cart_discount_code d ${promotionSql.join('p', 'd.promotion_id')}
                WHERE d.cart_id = $1 ORDER BY d.position`,
        [cart.id],
      ),
    ]);
    return { cart, lines, codes };
  }

  /** Locks the cart, checks the caller and that it is still active, runs `work`, and returns the cart as it now is. */
  private change(ctx: RequestContext, cartId: string, work: (view: CartView) => Promise<void>): Promise<CartView> {
    return this.tx.run(async (em) => {
      const before = await this.view(cartId, { lock: true });
      if (!before) throw notFound('Cart');
      assertMayUseCart(ctx.caller, before.cart);
      if (before.cart.status !== CartStatus.ACTIVE) {
        throw new BusinessError(ErrorCode.CART_NOT_ACTIVE, `This cart is ${before.cart.status.toLowerCase()} and can no longer change`, [
          'cartId',
        ]);
      }
      await work(before);
      const [[cart]]: [CartEntity[]] = await em.query(
        `UPDATE cart SET updated_at = now() WHERE id = $1 RETURNING ${entityColumns(em, CartEntity)}`,
        [cartId],
      );
      return this.withLines(cart);
    });
  }

  /** The pickup store of a PICKUP line (which must be a pickup-enabled store), or null for DELIVERY. */
  private async checkFulfillment(input: CartLineInput, i: number): Promise<string | null> {
    const field = ['lines', String(i), 'fulfillment'];
    const { type, locationId } = input.fulfillment;
    if (type === FulfillmentType.DELIVERY) {
      if (locationId) throw badInput('A DELIVERY line has no locationId', [...field, 'locationId']);
      return null;
    }
    if (type !== FulfillmentType.PICKUP)
      throw badInput('A cart line is DELIVERY or PICKUP; the service decides ship-to-store at checkout', [...field, 'type']);
    if (!locationId)
      throw new BusinessError(ErrorCode.LOCATION_REQUIRED, 'A PICKUP line needs the pickup store (locationId)', [...field, 'locationId']);
    const location = await this.locations.find(locationId);
    if (!location) throw new BusinessError(ErrorCode.UNKNOWN_LOCATION, 'No such location', [...field, 'locationId']);
    if (location.type !== 'STORE' || !location.pickupEnabled) {
      throw new BusinessError(ErrorCode.PICKUP_NOT_AVAILABLE, `${location.name} does not offer pickup`, [...field, 'locationId']);
    }
    return location.id;
  }
}

const staffIdOf = (ctx: RequestContext): string | null => (ctx.caller.kind === 'staff' ? ctx.caller.staffId : null);

const invalidQuantity = (i: number, max: number) =>
  new BusinessError(
    ErrorCode.INVALID_QUANTITY,
    `A cart holds at most ${max} units of one variant, all its lines together (delivered and picked up anywhere)`,
    ['lines', String(i), 'quantity'],
  );

/**
 * Units of each variant over these lines: what CART_MAX_LINE_QUANTITY bounds, so that one size cannot be
 * spread over a delivered line and a pickup at every store. Counted from the cart view `change` read under
 * the cart's row lock, which every writer of cart_line takes first (here and the merge at sign-in), so it
 * is current and the check costs no statement.
 */
function unitsByVariant(lines: { variantId: string; quantity: number }[]): Map<string, number> {
  const units = new Map<string, number>();
  for (const l of lines) units.set(l.variantId, (units.get(l.variantId) ?? 0) + l.quantity);
  return units;
}

const unknownLine = (i: number, field = 'lines') =>
  new BusinessError(ErrorCode.UNKNOWN_CART_LINE, 'No such line in this cart', [field, String(i)]);
