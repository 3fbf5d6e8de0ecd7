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
import {} from '../../../auth/src/index.js';
import { CatalogueService } from '../../../catalogue/src/index.js';
import {} from '../../../common/src/index.js';
import { AppConfig } from '../../../config/src/index.js';
import { applyDiscounts, PromotionsService } from '../../../promotions/src/index.js';
/**
 * Prices a cart from the catalogue's current prices and its codes' rules, for one channel at one moment.
 * The same function prices the cart shown to the shopper and the order made from it at checkout.
 */
let CartPricingService = class CartPricingService {
    catalogue;
    promotions;
    config;
    memo = new WeakMap();
    constructor(catalogue, promotions, config) {
        this.catalogue = catalogue;
        this.promotions = promotions;
        this.config = config;
    }
    /** Prices once per cart view and channel, however many fields of the response ask. */
    price(ctx, view, channel, now = new Date()) {
        let byChannel = this.memo.get(view);
        if (!byChannel)
            this.memo.set(view, (byChannel = new Map()));
        let priced = byChannel.get(channel);
        if (!priced)
            byChannel.set(channel, (priced = this.compute(ctx, view, channel, now)));
        return priced;
    }
    async compute(ctx, view, channel, now) {
        const [variants, promotions] = await Promise.all([
            Promise.all(view.lines.map((l) => this.catalogue.loadVariant(ctx, l.variantId))),
            this.promotions.findByIds(view.codes.map((c) => c.promotionId)),
        ]);
        const lines = view.lines.map((line, i) => {
            const variant = variants[i];
            return { line, variant, unitPrice: variant.priceAmount, subtotal: variant.priceAmount * line.quantity };
        });
        const currency = lines[0]?.variant.priceCurrency ?? this.config.get('DEFAULT_CURRENCY');
        const subtotal = lines.reduce((sum, l) => sum + l.subtotal, 0);
        const byId = new Map(promotions.map((p) => [p.id, p]));
        const ordered = view.codes.map((c) => byId.get(c.promotionId)).filter((p) => p !== undefined);
        const { discount, applied } = applyDiscounts(ordered, { channel, subtotal, currency, now });
        return { currency, lines, subtotal, discount, total: subtotal - discount, discounts: applied };
    }
};
CartPricingService = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [CatalogueService,
        PromotionsService,
        AppConfig])
], CartPricingService);
export { CartPricingService };
//# sourceMappingURL=cart-pricing.service.js.map