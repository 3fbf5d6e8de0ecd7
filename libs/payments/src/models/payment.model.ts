import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Money } from '@app/common';
import { PaymentMethod, PaymentStatus } from '../services/payment-status.js';

registerEnumType(PaymentStatus, {
  name: 'PaymentStatus',
  description:
    'AUTHORIZED → PARTIALLY_PAID → PAID; VOIDED when nothing was captured and nothing is owed; then PARTIALLY_REFUNDED / REFUNDED.',
});
registerEnumType(PaymentMethod, {
  name: 'PaymentMethod',
  valuesMap: {
    CARD: { description: 'Authorised at checkout, captured for what is handed over or shipped.' },
    PAY_AT_PICKUP: { description: 'Paid at the counter when collecting (every line collected in a store).' },
  },
});

@ObjectType({ description: "An order's payment: what was authorised, captured (or taken at the counter) and refunded." })
export class Payment {
  @Field(() => ID) id: string;
  @Field(() => PaymentMethod) method: PaymentMethod;
  @Field(() => PaymentStatus) status: PaymentStatus;
  @Field(() => Money, { description: 'What the card authorised (zero for a payment at the counter).' }) authorized: Money;
  @Field(() => Money) captured: Money;
  @Field(() => Money) refunded: Money;
}
