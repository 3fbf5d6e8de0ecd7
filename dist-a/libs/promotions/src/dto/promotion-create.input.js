var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, GraphQLISODateTime, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsDate, IsEnum, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { SalesChannel } from '../../../auth/src/index.js';
import { MoneyInput } from '../../../common/src/index.js';
export const DISCOUNT_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{1,63}$/;
let PromotionCreateInput = class PromotionCreateInput {
    code;
    percentOff;
    amountOff;
    channels;
    startsAt;
    endsAt;
    minSubtotal;
    usageLimit;
};
__decorate([
    Field(() => String, { description: '2 to 64 letters, digits, - or _; matched without regard to case.' }),
    Matches(DISCOUNT_CODE_PATTERN, { message: 'code: 2 to 64 letters, digits, - or _' }),
    __metadata("design:type", String)
], PromotionCreateInput.prototype, "code", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    IsOptional(),
    IsInt(),
    Min(1),
    Max(100),
    __metadata("design:type", Number)
], PromotionCreateInput.prototype, "percentOff", void 0);
__decorate([
    Field(() => MoneyInput, { nullable: true }),
    IsOptional(),
    ValidateNested(),
    Type(() => MoneyInput),
    __metadata("design:type", MoneyInput)
], PromotionCreateInput.prototype, "amountOff", void 0);
__decorate([
    Field(() => [SalesChannel], { nullable: true, description: 'Where the code works; every channel when omitted.' }),
    IsOptional(),
    ArrayMinSize(1),
    ArrayMaxSize(3),
    IsEnum(SalesChannel, { each: true }),
    __metadata("design:type", Array)
], PromotionCreateInput.prototype, "channels", void 0);
__decorate([
    Field(() => GraphQLISODateTime, { nullable: true }),
    IsOptional(),
    IsDate(),
    __metadata("design:type", Date)
], PromotionCreateInput.prototype, "startsAt", void 0);
__decorate([
    Field(() => GraphQLISODateTime, { nullable: true, description: 'Exclusive.' }),
    IsOptional(),
    IsDate(),
    __metadata("design:type", Date)
], PromotionCreateInput.prototype, "endsAt", void 0);
__decorate([
    Field(() => MoneyInput, { nullable: true, description: 'Cart subtotal needed before discounts.' }),
    IsOptional(),
    ValidateNested(),
    Type(() => MoneyInput),
    __metadata("design:type", MoneyInput)
], PromotionCreateInput.prototype, "minSubtotal", void 0);
__decorate([
    Field(() => Int, { nullable: true, description: 'Orders that may use the code in all.' }),
    IsOptional(),
    IsInt(),
    Min(1),
    __metadata("design:type", Number)
], PromotionCreateInput.prototype, "usageLimit", void 0);
PromotionCreateInput = __decorate([
    InputType({ description: 'Exactly one of percentOff and amountOff.' })
], PromotionCreateInput);
export { PromotionCreateInput };
//# sourceMappingURL=promotion-create.input.js.map