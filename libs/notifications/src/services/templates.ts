import { type NotificationPayload, NotificationTemplate } from '../entities/notification.entity.js';

export interface Message {
  subject: string;
  text: string;
}

/** Plain-text messages per template. The payload carries what the order flow knew when it wrote the row. */
export function render(template: NotificationTemplate, p: NotificationPayload & { pickupCode?: string | null }): Message {
  const order = `order ${p.orderNumber ?? ''}`.trim();
  const store = p.storeName ? ` at ${p.storeName}` : '';
  switch (template) {
    case NotificationTemplate.ORDER_CONFIRMED:
      return { subject: `Thank you: ${order} is confirmed`, text: `We have your ${order}. Total: ${p.total ?? ''}.` };
    case NotificationTemplate.READY_FOR_PICKUP:
      return {
        subject: `Your ${order} is ready${store}`,
        text: `Your ${order} is ready for pickup${store} until ${p.expiresAt ?? ''}.${code(p)}`,
      };
    case NotificationTemplate.PICKUP_REMINDER:
      return {
        subject: `Reminder: ${order} is waiting${store}`,
        text: `Your ${order} is held${store} until ${p.expiresAt ?? ''}.${code(p)}`,
      };
    case NotificationTemplate.PICKUP_EXPIRED:
      return { subject: `Your ${order} was not collected`, text: `The items held${store} for ${order} have been returned to the shelf.` };
    case NotificationTemplate.SHIPPED:
      return { subject: `Your ${order} is on its way`, text: `Your ${order} has been shipped.` };
    case NotificationTemplate.ORDER_CANCELLED:
      return { subject: `Your ${order} was cancelled`, text: `Your ${order} has been cancelled.` };
    case NotificationTemplate.ITEMS_UNAVAILABLE:
      return {
        subject: `Part of your ${order} is unavailable`,
        text: `Some items of your ${order} could not be found and have been cancelled; you will not pay for them. The rest of your order goes on.`,
      };
    case NotificationTemplate.RETURN_REQUESTED:
      return {
        subject: `Your return ${p.returnNumber ?? ''} of ${order}`,
        text: `Bring the items to any of our stores and show this return number: ${p.returnNumber ?? ''}.`,
      };
    case NotificationTemplate.RETURN_RECEIVED:
      return { subject: `We have your return ${p.returnNumber ?? ''}`, text: `The items of ${order} came back${store}.` };
    case NotificationTemplate.REFUND_ISSUED:
      return { subject: `Your refund for ${order}`, text: `We have refunded ${p.refund ?? ''} for return ${p.returnNumber ?? ''}.` };
  }
}

const code = (p: { pickupCode?: string | null }) =>
  typeof p.pickupCode === 'string' ? ` Show this pickup code at the counter: ${p.pickupCode}` : '';
