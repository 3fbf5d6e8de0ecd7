import { InputType } from '@nestjs/graphql';
import { VariantQuantityInput } from './variant-quantity.input.js';

/** At most what the fulfilment holds of the variant (INVALID_QUANTITY otherwise). */
@InputType({ description: 'Units of one size that staff could not find.' })
export class ShortageLineInput extends VariantQuantityInput {}
