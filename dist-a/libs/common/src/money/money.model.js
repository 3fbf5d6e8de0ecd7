var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var Money_1;
import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, Matches, Max, Min } from 'class-validator';
export const MAX_AMOUNT = 2_147_483_647; // fits a PostgreSQL integer and a GraphQL Int
let Money = Money_1 = class Money {
    amount;
    currency;
    static of(amount, currency) {
        return Object.assign(new Money_1(), { amount, currency });
    }
};
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], Money.prototype, "amount", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Money.prototype, "currency", void 0);
Money = Money_1 = __decorate([
    ObjectType({ description: 'An amount in minor units (cents) and an ISO 4217 currency. Never a float.' })
], Money);
export { Money };
let MoneyInput = class MoneyInput {
    amount;
    currency;
};
__decorate([
    Field(() => Int),
    IsInt(),
    Min(0),
    Max(MAX_AMOUNT),
    __metadata("design:type", Number)
], MoneyInput.prototype, "amount", void 0);
__decorate([
    Field(() => String),
    Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' }),
    __metadata("design:type", String)
], MoneyInput.prototype, "currency", void 0);
MoneyInput = __decorate([
    InputType()
], MoneyInput);
export { MoneyInput };
//# sourceMappingURL=money.model.js.map