var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Injectable } from '@nestjs/common';
import { SalesChannel } from '../../../auth/src/index.js';
import { CatalogueService } from '../../../catalogue/src/index.js';
import { badInput, BusinessError, entityColumns, ErrorCode, isUuid, notFound, TransactionHost } from '../../../common/src/index.js';
import { AppConfig } from '../../../config/src/index.js';
import { LocationsService } from '../../../locations/src/index.js';
import { DISCOUNT_CODE_PATTERN, PromotionsService, refusalOf } from '../../../promotions/src/index.js';
import { CartLineEntity } from '../entities/cart-line.entity.js';
import { CartEntity } from '../entities/cart.entity.js';
import { CartStatus, FulfillmentType } from '../fulfillment-type.js';
import { assertMayUseCart } from './cart-access.js';
import { CartPricingService } from './cart-pricing.service.js';
const MAX_LINES_PER_CALL = 50;
const MAX_CODES = 5;
/**
 * Carts: create, read, and change lines and codes. Every change locks the cart row first, so two changes
 * to one cart (or a change racing its checkout) take turns, and runs in one transaction: a refusal
 * anywhere in a call changes nothing.
 */
let CartsService = class CartsService {
    tx;
    catalogue;
    locations;
    promotions;
    pricing;
    config;
    constructor(tx, catalogue, locations, promotions, pricing, config) {
        this.tx = tx;
        this.catalogue = catalogue;
        this.locations = locations;
        this.promotions = promotions;
        this.pricing = pricing;
        this.config = config;
    }
    /** A guest cart; a signed-in customer gets their one active cart instead. */
    async create(ctx) {
        if (ctx.caller.kind === 'customer')
            return this.view((await this.activeCartOf(ctx.caller.customerId, ctx.channel)).id);
        const repo = this.tx.manager.getRepository(CartEntity);
        const cart = await repo.save(repo.create({ customerId: null, status: CartStatus.ACTIVE, createdVia: ctx.channel, mergedInto: null }));
        return { cart, lines: [], codes: [] };
    }
    /** The cart if it exists and the caller may see it; null if it does not exist. */
    async read(ctx, cartId) {
        const view = await this.view(cartId);
        if (view)
            assertMayUseCart(ctx.caller, view.cart);
        return view;
    }
    /** The customer's one ACTIVE cart, created on first use. */
    async activeCartOf(customerId, channel) {
        const repo = () => this.tx.manager.getRepository(CartEntity);
        const found = await repo().findOneBy({ customerId, status: CartStatus.ACTIVE });
        if (found)
            return found;
        return this.tx.run(async (em) => {
            // The customer row lock serialises every way a customer's active cart comes to be (here and at sign-in).
            await em.query(`SELECT 1 FROM customer WHERE id = $1 FOR UPDATE`, [customerId]);
            return (await repo().findOneBy({ customerId, status: CartStatus.ACTIVE }))
                ?? repo().save(repo().create({ customerId, status: CartStatus.ACTIVE, createdVia: channel, mergedInto: null }));
        });
    }
    addLines(ctx, cartId, inputs) {
        if (inputs.length < 1 || inputs.length > MAX_LINES_PER_CALL)
            throw badInput(`lines must hold 1 to ${MAX_LINES_PER_CALL} lines`, ['lines']);
        const max = this.config.get('CART_MAX_LINE_QUANTITY');
        return this.change(ctx, cartId, async (view) => {
            const variants = new Map((await this.catalogue.findVariants(inputs.map((l) => l.variantId))).map((v) => [v.id, v]));
            const current = view.lines[0] && (await this.catalogue.findVariants([view.lines[0].variantId]))[0];
            let currency = current?.priceCurrency;
            for (const [i, input] of inputs.entries()) {
                const variant = variants.get(input.variantId);
                if (!variant)
                    throw notFound(`Variant ${input.variantId} (lines[${i}])`);
                if (currency && variant.priceCurrency !== currency) {
                    throw new BusinessError(ErrorCode.CURRENCY_MISMATCH, `This cart is priced in ${currency}; ${variant.sku} is in ${variant.priceCurrency}`, ['lines', String(i), 'variantId']);
                }
                currency = variant.priceCurrency;
                if (input.quantity > max)
                    throw invalidQuantity(i, max);
                const locationId = await this.checkFulfillment(input, i);
                const rows = await this.tx.manager.query(`INSERT INTO cart_line AS cl (cart_id, variant_id, quantity, fulfillment_type, location_id, added_via, added_by_staff_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (cart_id, variant_id, fulfillment_type, location_id)
           DO UPDATE SET quantity = cl.quantity + EXCLUDED.quantity, updated_at = now() WHERE cl.quantity + EXCLUDED.quantity <= $8
           RETURNING id`, [cartId, variant.id, input.quantity, input.fulfillment.type, locationId, ctx.channel, staffIdOf(ctx), max]);
                if (!rows.length)
                    throw invalidQuantity(i, max, 'with what is already in the cart');
            }
            const [{ lines }] = await this.tx.manager.query(`SELECT count(*)::int AS lines FROM cart_line WHERE cart_id = $1`, [cartId]);
            const limit = this.config.get('CART_MAX_LINES');
            if (lines > limit)
                throw new BusinessError(ErrorCode.CART_LINE_LIMIT, `A cart holds at most ${limit} lines`, ['lines']);
        });
    }
    updateLines(ctx, cartId, inputs) {
        if (inputs.length < 1 || inputs.length > MAX_LINES_PER_CALL)
            throw badInput(`lines must hold 1 to ${MAX_LINES_PER_CALL} lines`, ['lines']);
        const max = this.config.get('CART_MAX_LINE_QUANTITY');
        return this.change(ctx, cartId, async () => {
            for (const [i, input] of inputs.entries()) {
                if (input.quantity > max)
                    throw invalidQuantity(i, max);
                // TypeORM answers an UPDATE or DELETE with [rows, count].
                const [rows] = await this.tx.manager.query(`UPDATE cart_line SET quantity = $3, updated_at = now() WHERE cart_id = $1 AND id = $2 RETURNING id`, [cartId, input.id, input.quantity]);
                if (!rows.length)
                    throw unknownLine(i);
            }
        });
    }
    removeLines(ctx, cartId, lineIds) {
        if (lineIds.length < 1 || lineIds.length > MAX_LINES_PER_CALL)
            throw badInput(`lineIds must hold 1 to ${MAX_LINES_PER_CALL} ids`, ['lineIds']);
        return this.change(ctx, cartId, async () => {
            for (const [i, id] of lineIds.entries()) {
                const [rows] = isUuid(id) ? await this.tx.manager.query(`DELETE FROM cart_line WHERE cart_id = $1 AND id = $2 RETURNING id`, [cartId, id]) : [[]];
                if (!rows.length)
                    throw unknownLine(i, 'lineIds');
            }
        });
    }
    /**
     * Replaces the cart's codes. Each must exist and apply to this cart on this channel now; any refusal
     * leaves the cart as it was. An empty list removes every code.
     */
    setDiscountCodes(ctx, cartId, codes) {
        const wanted = [...new Map(codes.map((c) => [c.trim().toUpperCase(), c.trim()])).values()];
        if (wanted.length > MAX_CODES)
            throw badInput(`At most ${MAX_CODES} discount codes`, ['codes']);
        return this.change(ctx, cartId, async (view) => {
            const found = await this.promotions.findByCodes(wanted.filter((c) => DISCOUNT_CODE_PATTERN.test(c)));
            const priced = await this.pricing.price({ loaders: new Map() }, view, ctx.channel);
            const now = new Date();
            const chosen = wanted.map((code, i) => {
                const promotion = found.get(code.toUpperCase());
                if (!promotion)
                    throw new BusinessError(ErrorCode.UNKNOWN_DISCOUNT_CODE, `No discount code ${code}`, ['codes', String(i)]);
                const refusal = refusalOf(promotion, { channel: ctx.channel, subtotal: priced.subtotal, currency: priced.currency, now });
                if (refusal)
                    throw new BusinessError(refusal.code, refusal.message, ['codes', String(i)]);
                return promotion;
            });
            await this.tx.manager.query(`DELETE FROM cart_discount_code WHERE cart_id = $1`, [cartId]);
            for (const [position, p] of chosen.entries()) {
                await this.tx.manager.query(`INSERT INTO cart_discount_code (cart_id, promotion_id, position) VALUES ($1, $2, $3)`, [cartId, p.id, position]);
            }
        });
    }
    /**
     * Reads a cart with its lines and codes (no access check); `lock` takes the cart's row lock in the same
     * read. Plain SQL: the carts of a checkout or a line added were read by TypeORM's find at a CPU cost
     * several times the statements'.
     */
    async view(cartId, opts = {}) {
        if (!isUuid(cartId))
            return null;
        const em = this.tx.manager;
        const [cart] = await em.query(`SELECT ${entityColumns(em, CartEntity)} FROM cart WHERE id = $1${opts.lock ? ' FOR UPDATE' : ''}`, [cartId]);
        return cart ? this.withLines(cart) : null;
    }
    async withLines(cart) {
        const em = this.tx.manager;
        const [lines, codes] = await Promise.all([
            em.query(`SELECT ${entityColumns(em, CartLineEntity)} FROM cart_line WHERE cart_id = $1 ORDER BY seq`, [cart.id]),
            em.query(`SELECT d.promotion_id AS "promotionId", p.code FROM cart_discount_code d JOIN promotion p ON p.id = d.promotion_id
                WHERE d.cart_id = $1 ORDER BY d.position`, [cart.id]),
        ]);
        return { cart, lines, codes };
    }
    /** Locks the cart, checks the caller and that it is still active, runs `work`, and returns the cart as it now is. */
    change(ctx, cartId, work) {
        return this.tx.run(async (em) => {
            const before = await this.view(cartId, { lock: true });
            if (!before)
                throw notFound('Cart');
            assertMayUseCart(ctx.caller, before.cart);
            if (before.cart.status !== CartStatus.ACTIVE) {
                throw new BusinessError(ErrorCode.CART_NOT_ACTIVE, `This cart is ${before.cart.status.toLowerCase()} and can no longer change`, ['cartId']);
            }
            await work(before);
            const [[cart]] = await em.query(`UPDATE cart SET updated_at = now() WHERE id = $1 RETURNING ${entityColumns(em, CartEntity)}`, [cartId]);
            return this.withLines(cart);
        });
    }
    /** The pickup store of a PICKUP line (which must be a pickup-enabled store), or null for DELIVERY. */
    async checkFulfillment(input, i) {
        const field = ['lines', String(i), 'fulfillment'];
        const { type, locationId } = input.fulfillment;
        if (type === FulfillmentType.DELIVERY) {
            if (locationId)
                throw badInput('A DELIVERY line has no locationId', [...field, 'locationId']);
            return null;
        }
        if (type !== FulfillmentType.PICKUP)
            throw badInput('A cart line is DELIVERY or PICKUP; the service decides ship-to-store at checkout', [...field, 'type']);
        if (!locationId)
            throw new BusinessError(ErrorCode.LOCATION_REQUIRED, 'A PICKUP line needs the pickup store (locationId)', [...field, 'locationId']);
        const location = await this.locations.find(locationId);
        if (!location)
            throw new BusinessError(ErrorCode.UNKNOWN_LOCATION, 'No such location', [...field, 'locationId']);
        if (location.type !== 'STORE' || !location.pickupEnabled) {
            throw new BusinessError(ErrorCode.PICKUP_NOT_AVAILABLE, `${location.name} does not offer pickup`, [...field, 'locationId']);
        }
        return location.id;
    }
};
CartsService = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [TransactionHost,
        CatalogueService,
        LocationsService,
        PromotionsService,
        CartPricingService,
        AppConfig])
], CartsService);
export { CartsService };
const staffIdOf = (ctx) => (ctx.caller.kind === 'staff' ? ctx.caller.staffId : null);
const invalidQuantity = (i, max, extra = '') => new BusinessError(ErrorCode.INVALID_QUANTITY, `A line holds 1 to ${max} units${extra ? ` ${extra}` : ''}`, ['lines', String(i), 'quantity']);
const unknownLine = (i, field = 'lines') => new BusinessError(ErrorCode.UNKNOWN_CART_LINE, 'No such line in this cart', [field, String(i)]);
//# sourceMappingURL=carts.service.js.map