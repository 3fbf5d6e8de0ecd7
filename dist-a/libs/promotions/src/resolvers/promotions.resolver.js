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
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { StaffOnly, StaffRole } from '../../../auth/src/index.js';
import { payload } from '../../../common/src/index.js';
import { PromotionCreateInput } from '../dto/promotion-create.input.js';
import { Promotion, PromotionPayload } from '../models/promotion.model.js';
import { PromotionsService } from '../services/promotions.service.js';
let PromotionsResolver = class PromotionsResolver {
    promotions;
    constructor(promotions) {
        this.promotions = promotions;
    }
    promotionCreate(input) {
        return payload('promotion', async () => Promotion.from(await this.promotions.create(input)));
    }
};
__decorate([
    Mutation(() => PromotionPayload, { description: 'Admins: a new discount code.' }),
    StaffOnly(StaffRole.ADMIN),
    __param(0, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [PromotionCreateInput]),
    __metadata("design:returntype", Promise)
], PromotionsResolver.prototype, "promotionCreate", null);
PromotionsResolver = __decorate([
    Resolver(() => Promotion),
    __metadata("design:paramtypes", [PromotionsService])
], PromotionsResolver);
export { PromotionsResolver };
//# sourceMappingURL=promotions.resolver.js.map