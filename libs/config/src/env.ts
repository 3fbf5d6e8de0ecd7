import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { toBool, toInt } from './env-transforms.js';
import { WebhooksEnv } from './webhooks.env.js';

/** The regions DEFAULT_PHONE_REGION may name: the customers lib knows their calling codes and trunk prefixes. */
export const PHONE_REGIONS = ['FR', 'BE', 'CH', 'LU', 'MC', 'DE', 'AT', 'NL', 'ES', 'PT', 'IT', 'GB', 'IE', 'US', 'CA'] as const;
export type PhoneRegion = (typeof PHONE_REGIONS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

// Express's `trust proxy`: hops, or addresses / CIDR ranges / its named ranges, comma-separated.
const PROXY_ENTRY = String.raw`(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)`;
const TRUST_PROXY = new RegExp(String.raw`^(\d{1,2}|${PROXY_ENTRY}(\s*,\s*${PROXY_ENTRY})*)$`);

/**
 * Every setting the service reads, validated once at start. Only this file reads `process.env`
 * (through ConfigModule), so a wrong value stops the start with a message naming the variable. The request
 * limits are in RequestLimitsEnv and the payments' settings in PaymentsEnv, the webhooks' in WebhooksEnv (which extends PaymentsEnv), which this extends.
 */
export class Env extends WebhooksEnv {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /**
   * API processes sharing PORT (node:cluster), one per core being the usual choice. More than one needs
   * DATABASE_URL and REDIS_URL: PGlite and the in-process Redis stand-in serve a single process.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  API_WORKERS = 1;

  /** PostgreSQL connection string; unset means the embedded PGlite database. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /** Connections in the pool to a real PostgreSQL (PGlite always uses one). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** Where PGlite keeps its files when DATABASE_URL is unset; `memory://` keeps nothing. */
  @IsString()
  PGLITE_DATA_DIR = '.data/pglite';

  /** Redis connection string; unset means an in-process stand-in. */
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Prefix for every Redis key and channel, so several deployments or test runs can share a server. */
  @IsString()
  REDIS_KEY_PREFIX = 'commerce:';

  @IsOptional()
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'ADMIN_PASSWORD must be at least 8 characters' })
  ADMIN_PASSWORD?: string;

  /**
   * Secret that signs access tokens. Required in production. Elsewhere, unset means a random secret
   * generated once per database (so per PGlite folder, or per process with `memory://`), never a shared one.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  /**
   * Key material for pickup codes (their HMAC and the sealed copy). Unset: the token secret, as before
   * this setting existed. Set it to the current token secret before rotating JWT_SECRET, and open pickups
   * keep their codes.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'PICKUP_CODE_SECRET must be at least 32 characters' })
  PICKUP_CODE_SECRET?: string;

  /**
   * How long a signed-in account's state (token version, active, role, home location) is kept in memory.
   * A change drops it at once in every process (an event); this bounds a lost event. While events are
   * not heard, nothing is kept.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  SESSION_CACHE_MS = 60_000;

  /**
   * Which proxies in front of the service are trusted to say the client's address (X-Forwarded-For):
   * a number of hops, or addresses and CIDR ranges (`loopback`, `10.0.0.0/8, 172.16.0.1`). Unset: none,
   * so the address is the peer's. Rate limits key guests by that address.
   */
  @IsOptional()
  @Matches(TRUST_PROXY, {
    message: 'TRUST_PROXY must be a number of hops or comma-separated addresses, CIDR ranges, loopback, linklocal or uniquelocal',
  })
  TRUST_PROXY?: string;

  /**
   * The country a phone number typed without its country code is in (`06 12 34 56 78` is +33612345678 in
   * FR): customerLookup and customerUpdate read national numbers with it. PHONE_REGIONS lists those known.
   */
  @IsIn(PHONE_REGIONS)
  DEFAULT_PHONE_REGION: PhoneRegion = 'FR';

  /** Lifetime of a staff token, in seconds (a shift and a bit). */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  STAFF_TOKEN_TTL_SECONDS = 12 * 3600;

  /** Lifetime of a customer token, in seconds (a week). */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  CUSTOMER_TOKEN_TTL_SECONDS = 7 * 24 * 3600;

  /**
   * Wrong passwords for one account before each further attempt must wait: 1 s after the next failure,
   * doubling up to LOGIN_MAX_DELAY_SECONDS. The right password passes once the wait is over (no lock-out).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_FAILURES_BEFORE_DELAY = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  LOGIN_MAX_DELAY_SECONDS = 300;

  /** Sign-in attempts allowed per client address (whichever accounts it tries) in each window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_PER_IP = 100;

  /** The address window; also how long an account's wrong passwords are remembered, from the first. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  LOGIN_RATE_LIMIT_WINDOW_SECONDS = 900;

  /** Operations per client (signed-in account, else address) and minute: queries, checkouts, other mutations. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_READS_PER_MINUTE = 1200;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_CHECKOUTS_PER_MINUTE = 120;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_WRITES_PER_MINUTE = 600;

  /** Switches the per-operation limits off (load tests); sign-in limits stay. */
  @Transform(toBool)
  @IsBoolean()
  RATE_LIMIT_DISABLED = false;

  /** How long a variant's availableOnline may be served from memory (0: always read); changes drop it at once. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60000)
  AVAILABILITY_CACHE_MS = 500;

  /**
   * How long a public query (a catalogue page) may be answered with an earlier answer to the same query
   * by the process that ran it (0: never). A change to the stock of a variant it shows, or a new product,
   * drops it at once (an event from whichever process made the change); this bounds a lost event.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60000)
  RESPONSE_CACHE_MS = 5000;

  /**
   * How long, from the start of its read, an answer is kept where events may not tell of every change to
   * it: the copies other processes take from Redis, a listing chosen by stock (availableAt), answers kept
   * while events are not heard. The most a kept stock count can lag when its events are on time.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60000)
  RESPONSE_CACHE_SHARED_MS = 500;

  /**
   * How long a catalogue listing's totalCount for one search and category may be reused by its other pages
   * (0: counted on every page). A product created clears it at once (in other processes when its event
   * arrives; this bounds a lost one). Listings filtered by store stock
   * (availableAt) are always counted.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600000)
  PRODUCT_COUNT_CACHE_MS = 5000;

  /**
   * Run repeated queries of the public read path (catalogue, product page, storesNear) as compiled
   * JavaScript (graphql-jit) instead of graphql-js's interpreter; false keeps every query on graphql-js.
   */
  @Transform(toBool)
  @IsBoolean()
  GRAPHQL_COMPILED_QUERIES = true;

  /** The most units of one variant in one cart, over all its lines: delivered and picked up at any store (a shop, not a wholesaler). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  CART_MAX_LINE_QUANTITY = 10;

  /** The most lines in one cart. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  CART_MAX_LINES = 100;

  /** Currency of an empty cart's zero amounts. */
  @Matches(/^[A-Z]{3}$/, { message: 'DEFAULT_CURRENCY must be an ISO 4217 code such as EUR' })
  DEFAULT_CURRENCY = 'EUR';

  /** Wrong pickup codes allowed before a fulfilment locks (staff then need a manager). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  PICKUP_CODE_MAX_FAILURES = 5;

  /** Run the expiry sweep and the notification outbox in this process (a separate worker can run them instead). */
  @Transform(toBool)
  @IsBoolean()
  BACKGROUND_JOBS = true;

  /** How often the background jobs look for work, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  BACKGROUND_INTERVAL_MS = 1000;

  /** SMTP server for email, e.g. smtp://user:pass@mail.example:587; unset: emails are written to the log. */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsEmail({}, { message: 'MAIL_FROM must be an email address' })
  MAIL_FROM = 'orders@example.com';

  /** SMS provider webhook (POST JSON { to, text }); unset: text messages are written to the log. */
  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'SMS_WEBHOOK_URL must be an http(s) URL' })
  SMS_WEBHOOK_URL?: string;

  /** Attempts to deliver one notification before it is marked FAILED. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  NOTIFICATION_MAX_ATTEMPTS = 8;

  /** Transfer lead time: a base plus so much per 100 km, in hours (sourcingOptions' estimated arrival). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(24 * 30)
  LEAD_TIME_BASE_HOURS = 24;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(24 * 30)
  LEAD_TIME_HOURS_PER_100_KM = 12;

  /** Known lead times by location codes, overriding the formula: "WH-PARIS>PAR-MARAIS=6,WH-LYON>LYO-01=4". */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]+>[A-Za-z0-9_-]+=\d+(,[A-Za-z0-9_-]+>[A-Za-z0-9_-]+=\d+)*$/, {
    message: 'LEAD_TIMES must look like FROM>TO=hours,FROM>TO=hours',
  })
  LEAD_TIMES?: string;

  /** How long a sender holds notifications it took; if it dies, another process sends them after this. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  NOTIFICATION_LEASE_SECONDS = 60;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** Load the demo retailer into an empty database on start. Default: on, except in production. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  SEED_DEMO_DATA?: boolean;

  /** log2 of the scrypt cost for password hashes (15 = 32 MiB per hash; each step doubles memory and time). */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(20)
  PASSWORD_HASH_COST = 15;
}

/** The `validate` hook of ConfigModule: returns the typed settings or throws naming each bad variable. */
export function validateEnv(raw: Record<string, unknown>): Env {
  const env = plainToInstance(Env, stripEmpty(raw), { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, forbidUnknownValues: false });
  const problems = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')} (got ${JSON.stringify(e.value)})`);
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) problems.push('JWT_SECRET: required when NODE_ENV=production');
  if (env.API_WORKERS > 1 && (!env.DATABASE_URL || !env.REDIS_URL))
    problems.push('API_WORKERS: more than 1 needs DATABASE_URL and REDIS_URL (PGlite and the in-process Redis serve one process)');
  if (env.NODE_ENV === 'production' && env.PAYMENT_PROVIDER === 'sandbox' && !env.PAYMENT_SANDBOX_IN_PRODUCTION)
    problems.push('PAYMENT_PROVIDER: the sandbox charges no card; in production it needs PAYMENT_SANDBOX_IN_PRODUCTION=true');
  if (env.PAYMENT_PROVIDER === 'stripe' && !env.STRIPE_SECRET_KEY)
    problems.push('STRIPE_SECRET_KEY: required with PAYMENT_PROVIDER=stripe');
  if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) problems.push('ADMIN_EMAIL and ADMIN_PASSWORD: set both or neither');
  if (problems.length) throw new Error(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return env;
}

function stripEmpty(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ''));
}
