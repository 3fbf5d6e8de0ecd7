export * from './payments.module.js';
export * from './provider/payment-provider.js';
export * from './provider/sandbox-provider.js';
export * from './provider/stripe-provider.js';
export * from './provider/provider.factory.js';
export * from './services/payments.service.js';
export * from './services/payment-status.js';
export * from './models/payment.model.js';
export { STRIPE_WEBHOOK_BODY_LIMIT, STRIPE_WEBHOOK_PATH, isStripeWebhookRequest } from './webhooks/stripe-webhook.controller.js';
