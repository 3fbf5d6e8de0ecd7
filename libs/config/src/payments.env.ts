import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { toBool, toInt } from './env-transforms.js';
import { RequestLimitsEnv } from './request-limits.env.js';

export const PAYMENT_PROVIDERS = ['sandbox', 'stripe'] as const;
export type PaymentProviderName = (typeof PAYMENT_PROVIDERS)[number];

/** The settings of payments (libs/payments). Part of Env. */
export class PaymentsEnv extends RequestLimitsEnv {
  /**
   * Who authorises and captures cards: `sandbox` (built in: test tokens, no money moves; the default
   * outside production, refused in production unless PAYMENT_SANDBOX_IN_PRODUCTION) or `stripe`. Unset in
   * production: no card payments (PAYMENT_METHOD_NOT_ALLOWED); orders without payment are still taken.
   */
  @IsOptional()
  @IsIn(PAYMENT_PROVIDERS)
  PAYMENT_PROVIDER?: PaymentProviderName;

  /** Lets the sandbox serve in production (a demo shop): no card is ever charged. */
  @Transform(toBool)
  @IsBoolean()
  PAYMENT_SANDBOX_IN_PRODUCTION = false;

  /** How long the sandbox takes to answer, in milliseconds (tests of slow providers; 0 in the bench). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60000)
  PAYMENT_SANDBOX_LATENCY_MS = 0;

  /** Refuse checkouts without a payment (PAYMENT_REQUIRED). Off by default: version 1 clients send none. */
  @Transform(toBool)
  @IsBoolean()
  CHECKOUT_PAYMENT_REQUIRED = false;

  /** An authorisation with no order after this long (a crash between the two) is voided by the background job. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(86400)
  PAYMENT_ORPHAN_AFTER_SECONDS = 300;

  /** Days after the handover (collected, or shipped) within which units can be returned (RETURN_WINDOW_CLOSED after). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3650)
  RETURN_WINDOW_DAYS = 30;

  /** Where bulk feeds are spooled while they are applied (a folder every API process of a host can read). Default: the OS's temp folder. */
  @IsOptional()
  @IsString()
  BULK_SPOOL_DIR?: string;

  /** The largest bulk feed taken, in megabytes (413 beyond). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_240)
  BULK_MAX_MB = 512;

  /** Rows a bulk feed applies per transaction. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50_000)
  BULK_BATCH_ROWS = 2000;

  /** Stripe's secret key (sk_live_… or sk_test_…): required with PAYMENT_PROVIDER=stripe. */
  @IsOptional()
  @IsString()
  STRIPE_SECRET_KEY?: string;

  /** The signing secret of the Stripe webhook endpoint (whsec_…): required to accept POST /payments/stripe/webhook. */
  @IsOptional()
  @IsString()
  STRIPE_WEBHOOK_SECRET?: string;

  /** Where the Stripe API is (tests point it at a local fake); default Stripe's own. */
  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'STRIPE_API_URL must be an http(s) URL' })
  STRIPE_API_URL?: string;

  /**
   * Ask Stripe for multicapture on each authorisation (an IC+ pricing feature Stripe must enable on the
   * account): needed to capture an order in several handovers. Without it only one capture per payment works.
   */
  @Transform(toBool)
  @IsBoolean()
  STRIPE_MULTICAPTURE = false;
}
