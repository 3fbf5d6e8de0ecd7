var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var Promotion_1;
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { SalesChannel } from '../../../auth/src/index.js';
import { Money, UserError } from '../../../common/src/index.js';
import { PromotionEntity } from '../entities/promotion.entity.js';
let Promotion = Promotion_1 = class Promotion {
    id;
    code;
    percentOff;
    amountOff;
    channels;
    startsAt;
    endsAt;
    minSubtotal;
    usageLimit;
    timesUsed;
    static from(e) {
        const money = (amount) => (amount === null ? null : Money.of(amount, e.currency ?? ''));
        return Object.assign(new Promotion_1(), {
            id: e.id, code: e.code, percentOff: e.percentOff, amountOff: money(e.amountOff), channels: e.channels,
            startsAt: e.startsAt, endsAt: e.endsAt, minSubtotal: money(e.minSubtotal), usageLimit: e.usageLimit, timesUsed: e.timesUsed,
        });
    }
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], Promotion.prototype, "id", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Promotion.prototype, "code", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Object)
], Promotion.prototype, "percentOff", void 0);
__decorate([
    Field(() => Money, { nullable: true }),
    __metadata("design:type", Object)
], Promotion.prototype, "amountOff", void 0);
__decorate([
    Field(() => [SalesChannel], { nullable: true, description: 'Null: every channel.' }),
    __metadata("design:type", Object)
], Promotion.prototype, "channels", void 0);
__decorate([
    Field(() => GraphQLISODateTime, { nullable: true }),
    __metadata("design:type", Object)
], Promotion.prototype, "startsAt", void 0);
__decorate([
    Field(() => GraphQLISODateTime, { nullable: true }),
    __metadata("design:type", Object)
], Promotion.prototype, "endsAt", void 0);
__decorate([
    Field(() => Money, { nullable: true }),
    __metadata("design:type", Object)
], Promotion.prototype, "minSubtotal", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Object)
], Promotion.prototype, "usageLimit", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], Promotion.prototype, "timesUsed", void 0);
Promotion = Promotion_1 = __decorate([
    ObjectType({ description: 'A discount code.' })
], Promotion);
export { Promotion };
let PromotionPayload = class PromotionPayload {
    promotion;
    userErrors;
};
__decorate([
    Field(() => Promotion, { nullable: true }),
    __metadata("design:type", Object)
], PromotionPayload.prototype, "promotion", void 0);
__decorate([
    Field(() => [UserError]),
    __metadata("design:type", Array)
], PromotionPayload.prototype, "userErrors", void 0);
PromotionPayload = __decorate([
    ObjectType()
], PromotionPayload);
export { PromotionPayload };
//# sourceMappingURL=promotion.model.js.map