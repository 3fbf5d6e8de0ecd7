import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '@app/common';
import { type CustomerEraser, CustomerErasure, type ErasedCustomer } from '@app/customers';
import { NotificationOutbox } from '@app/notifications';

/**
 * The orders side of a customer's erasure (customerErase), in its transaction. Their orders stay for the
 * accounts (amounts, lines, discounts, status, channel, shipping country for tax), but who they were for
 * goes: the contact email becomes the account's placeholder, the contact name and phone and the shipping
 * street, city and postal code are cleared. Guest orders placed with the customer's email are theirs too.
 * The notifications of those orders are erased by the notifications lib (recipients and contents).
 */
@Injectable()
export class OrderErasure implements CustomerEraser, OnModuleInit {
  constructor(
    private readonly tx: TransactionHost,
    private readonly erasure: CustomerErasure,
    private readonly outbox: NotificationOutbox,
  ) {}

  onModuleInit(): void {
    this.erasure.register('orders', this);
  }

  async erase(customer: ErasedCustomer): Promise<void> {
    const [rows] = await this.tx.manager.query<[{ id: string }[], number]>(
      `UPDATE customer_order
          SET contact_email = $3, contact_name = NULL, contact_phone = NULL,
              ship_line1 = NULL, ship_city = NULL, ship_postal_code = NULL, updated_at = now()
        WHERE customer_id = $1 OR lower(contact_email) = lower($2)
        RETURNING id`,
      [customer.id, customer.email, customer.placeholder],
    );
    await this.outbox.eraseForOrders(rows.map((r) => r.id));
  }
}
