import { Injectable } from '@nestjs/common';
import { type SalesChannel } from '@app/auth';
import { CatalogueService, type ProductVariantEntity } from '@app/catalogue';
import { type HasLoaders } from '@app/common';
import { AppConfig } from '@app/config';
import { type AppliedDiscount, applyDiscounts, PromotionsService } from '@app/promotions';
import type { CartLineEntity } from '../entities/cart-line.entity.js';
import type { CartView } from './cart-view.js';

export interface PricedLine {
  line: CartLineEntity;
  variant: ProductVariantEntity;
  unitPrice: number;
  subtotal: number;
}

export interface PricedCart {
  currency: string;
  lines: PricedLine[];
  subtotal: number;
  discount: number;
  total: number;
  discounts: AppliedDiscount[];
}

/**
 * Prices a cart from the catalogue's current prices and its codes' rules, for one channel at one moment.
 * The same function prices the cart shown to the shopper and the order made from it at checkout.
 */
@Injectable()
export class CartPricingService {
  private readonly memo = new WeakMap<CartView, Map<string, Promise<PricedCart>>>();

  constructor(
    private readonly catalogue: CatalogueService,
    private readonly promotions: PromotionsService,
    private readonly config: AppConfig,
  ) {}

  /** Prices once per cart view and channel, however many fields of the response ask. */
  price(ctx: HasLoaders, view: CartView, channel: SalesChannel, now = new Date()): Promise<PricedCart> {
    let byChannel = this.memo.get(view);
    if (!byChannel) this.memo.set(view, (byChannel = new Map<string, Promise<PricedCart>>()));
    let priced = byChannel.get(channel);
    if (!priced) byChannel.set(channel, (priced = this.compute(ctx, view, channel, now)));
    return priced;
  }

  private async compute(ctx: HasLoaders, view: CartView, channel: SalesChannel, now: Date): Promise<PricedCart> {
    const [variants, promotions] = await Promise.all([
      Promise.all(view.lines.map((l) => this.catalogue.loadVariant(ctx, l.variantId))),
      this.promotions.findByIds(view.codes.map((c) => c.promotionId)),
    ]);
    const lines = view.lines.map((line, i) => {
      const variant = variants[i]!;
      return { line, variant, unitPrice: variant.priceAmount, subtotal: variant.priceAmount * line.quantity };
    });
    const currency = lines[0]?.variant.priceCurrency ?? this.config.get('DEFAULT_CURRENCY');
    const subtotal = lines.reduce((sum, l) => sum + l.subtotal, 0);
    const byId = new Map(promotions.map((p) => [p.id, p]));
    const ordered = view.codes.map((c) => byId.get(c.promotionId)).filter((p) => p !== undefined);
    const { discount, applied } = applyDiscounts(ordered, { channel, subtotal, currency, now });
    return { currency, lines, subtotal, discount, total: subtotal - discount, discounts: applied };
  }
}
