var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
export const MAX_ADJUST = 1_000_000;
let StockAdjustInput = class StockAdjustInput {
    locationId;
    sku;
    delta;
    reason;
};
__decorate([
    Field(() => ID),
    IsUUID('all', { message: 'locationId must be a location id' }),
    __metadata("design:type", String)
], StockAdjustInput.prototype, "locationId", void 0);
__decorate([
    Field(() => String),
    IsString(),
    Length(1, 64),
    __metadata("design:type", String)
], StockAdjustInput.prototype, "sku", void 0);
__decorate([
    Field(() => Int, { description: 'Units to add (receipt, found) or remove (damage, count correction); not zero.' }),
    IsInt(),
    Min(-MAX_ADJUST),
    Max(MAX_ADJUST),
    __metadata("design:type", Number)
], StockAdjustInput.prototype, "delta", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'Why, for the ledger: RECEIPT, DAMAGE, COUNT, …' }),
    IsOptional(),
    IsString(),
    Length(1, 200),
    __metadata("design:type", String)
], StockAdjustInput.prototype, "reason", void 0);
StockAdjustInput = __decorate([
    InputType()
], StockAdjustInput);
export { StockAdjustInput };
//# sourceMappingURL=stock-adjust.input.js.map