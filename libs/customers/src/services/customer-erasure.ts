import { Injectable } from '@nestjs/common';

/** What an erased customer was known by, for the libs that find their rows by it. */
export interface ErasedCustomer {
  id: string;
  /** The email before erasure (guest orders placed with it are theirs too). */
  email: string;
  /** The non-personal placeholder that replaces it (customer.email, orders' contact email). */
  placeholder: string;
}

/** A lib that keeps a customer's personal data in its own tables and removes it when asked. */
export interface CustomerEraser {
  erase(customer: ErasedCustomer): Promise<void>;
}

/**
 * Where the libs that hold a customer's personal data (carts, orders and, through orders, notifications)
 * register their eraser at start. They depend on customers, so customers cannot call them by import; and
 * an event would run after the commit, while erasure is all or nothing: customerErase calls every eraser
 * inside its one transaction, so either every lib's rows are erased with the account or none are.
 */
@Injectable()
export class CustomerErasure {
  private readonly erasers = new Map<string, CustomerEraser>();

  register(name: string, eraser: CustomerEraser): void {
    this.erasers.set(name, eraser);
  }

  /** The names registered (a process that erases checks the libs it expects are there). */
  get registered(): string[] {
    return [...this.erasers.keys()].sort();
  }

  /** Runs every eraser, one after the other, in the caller's transaction. */
  async eraseAll(customer: ErasedCustomer): Promise<void> {
    for (const eraser of this.erasers.values()) await eraser.erase(customer);
  }
}
