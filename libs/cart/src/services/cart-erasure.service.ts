import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '@app/common';
import { type CustomerEraser, CustomerErasure, type ErasedCustomer } from '@app/customers';
import { CartStatus } from '../cart-status.js';

/**
 * The cart side of a customer's erasure (customerErase), in its transaction: what the customer was
 * shopping for goes. The lines and codes of their carts that never became an order (active, or merged at
 * sign-in) are deleted; an ordered cart's lines stay, as its order keeps them for the accounts. Carts hold
 * no contact data of their own; the link to the (now anonymous) account stays.
 */
@Injectable()
export class CartErasure implements CustomerEraser, OnModuleInit {
  constructor(
    private readonly tx: TransactionHost,
    private readonly erasure: CustomerErasure,
  ) {}

  onModuleInit(): void {
    this.erasure.register('cart', this);
  }

  async erase(customer: ErasedCustomer): Promise<void> {
    const open = `SELECT id FROM cart WHERE customer_id = $1 AND status <> $2`;
    await this.tx.manager.query(`DELETE FROM cart_discount_code WHERE cart_id IN (${open})`, [customer.id, CartStatus.ORDERED]);
    await this.tx.manager.query(`DELETE FROM cart_line WHERE cart_id IN (${open})`, [customer.id, CartStatus.ORDERED]);
  }
}
