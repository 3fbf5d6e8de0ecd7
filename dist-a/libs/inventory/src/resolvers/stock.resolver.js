var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, StaffOnly } from '../../../auth/src/index.js';
import { payload } from '../../../common/src/index.js';
import { StockAdjustInput } from '../dto/stock-adjust.input.js';
import { StockLevel, StockLevelPayload, toStockLevel } from '../models/stock-level.model.js';
import { StockService } from '../services/stock.service.js';
let StockResolver = class StockResolver {
    stock;
    constructor(stock) {
        this.stock = stock;
    }
    async stockLevel(ctx, locationId, sku) {
        return toStockLevel(await this.stock.level(ctx.caller, locationId, sku));
    }
    stockAdjust(ctx, input) {
        return payload('stockLevel', async () => toStockLevel(await this.stock.adjust(ctx.caller, input)));
    }
};
__decorate([
    Query(() => StockLevel, { nullable: true, description: 'Staff: the stock of a SKU at a location.' }),
    StaffOnly(),
    __param(0, Ctx()),
    __param(1, Args('locationId', { type: () => ID })),
    __param(2, Args('sku', { type: () => String })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, String]),
    __metadata("design:returntype", Promise)
], StockResolver.prototype, "stockLevel", null);
__decorate([
    Mutation(() => StockLevelPayload, { description: 'Staff at the location (or admin): add or remove units, recorded in the ledger.' }),
    StaffOnly(),
    __param(0, Ctx()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, StockAdjustInput]),
    __metadata("design:returntype", Promise)
], StockResolver.prototype, "stockAdjust", null);
StockResolver = __decorate([
    Resolver(() => StockLevel),
    __metadata("design:paramtypes", [StockService])
], StockResolver);
export { StockResolver };
//# sourceMappingURL=stock.resolver.js.map