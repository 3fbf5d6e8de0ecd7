var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const ORIGIN_LIST = /^(\*|https?:\/\/[^\s,/]+(\s*,\s*https?:\/\/[^\s,/]+)*)$/;
const toInt = ({ value }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }) => value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase()) ? true
    : ['0', 'false', 'no', 'off'].includes(String(value).toLowerCase()) ? false : value;
/**
 * Every setting the service reads, validated once at start. Only this file reads `process.env`
 * (through ConfigModule), so a wrong value stops the start with a message naming the variable.
 */
export class Env {
    NODE_ENV = 'development';
    PORT = 3000;
    /**
     * API processes sharing PORT (node:cluster), one per core being the usual choice. More than one needs
     * DATABASE_URL and REDIS_URL: PGlite and the in-process Redis stand-in serve a single process.
     */
    API_WORKERS = 1;
    /** PostgreSQL connection string; unset means the embedded PGlite database. */
    DATABASE_URL;
    /** Connections in the pool to a real PostgreSQL (PGlite always uses one). */
    DATABASE_POOL_SIZE = 10;
    /** Where PGlite keeps its files when DATABASE_URL is unset; `memory://` keeps nothing. */
    PGLITE_DATA_DIR = '.data/pglite';
    /** Redis connection string; unset means an in-process stand-in. */
    REDIS_URL;
    /** Prefix for every Redis key and channel, so several deployments or test runs can share a server. */
    REDIS_KEY_PREFIX = 'commerce:';
    ADMIN_EMAIL;
    ADMIN_PASSWORD;
    /** Secret that signs access tokens. Required in production; a fixed development value otherwise. */
    JWT_SECRET;
    /** Lifetime of a staff token, in seconds (a shift and a bit). */
    STAFF_TOKEN_TTL_SECONDS = 12 * 3600;
    /** Lifetime of a customer token, in seconds (a week). */
    CUSTOMER_TOKEN_TTL_SECONDS = 7 * 24 * 3600;
    /** Sign-in attempts (customers and staff) allowed per email, and per client address, in each window. */
    LOGIN_RATE_LIMIT_PER_EMAIL = 10;
    LOGIN_RATE_LIMIT_PER_IP = 100;
    LOGIN_RATE_LIMIT_WINDOW_SECONDS = 900;
    /** Operations per client (signed-in account, else address) and minute: queries, checkouts, other mutations. */
    RATE_LIMIT_READS_PER_MINUTE = 1200;
    RATE_LIMIT_CHECKOUTS_PER_MINUTE = 120;
    RATE_LIMIT_WRITES_PER_MINUTE = 600;
    /** Switches the per-operation limits off (load tests); sign-in limits stay. */
    RATE_LIMIT_DISABLED = false;
    /** How long a variant's availableOnline may be served from memory (0: always read); changes drop it at once. */
    AVAILABILITY_CACHE_MS = 500;
    /**
     * How long a public query (a catalogue page) may be answered with an earlier answer to the same query,
     * by this process or, through Redis, another (0: never). With AVAILABILITY_CACHE_MS, the most a stock
     * count can lag: 1 s by default.
     */
    RESPONSE_CACHE_MS = 500;
    /**
     * Run repeated queries of the public read path (catalogue, product page, storesNear) as compiled
     * JavaScript (graphql-jit) instead of graphql-js's interpreter; false keeps every query on graphql-js.
     */
    GRAPHQL_COMPILED_QUERIES = true;
    /** The most units of one cart line (a shop, not a wholesaler). */
    CART_MAX_LINE_QUANTITY = 10;
    /** The most lines in one cart. */
    CART_MAX_LINES = 100;
    /** Currency of an empty cart's zero amounts. */
    DEFAULT_CURRENCY = 'EUR';
    /** Wrong pickup codes allowed before a fulfilment locks (staff then need a manager). */
    PICKUP_CODE_MAX_FAILURES = 5;
    /** Run the expiry sweep and the notification outbox in this process (a separate worker can run them instead). */
    BACKGROUND_JOBS = true;
    /** How often the background jobs look for work, in milliseconds. */
    BACKGROUND_INTERVAL_MS = 1000;
    /** SMTP server for email, e.g. smtp://user:pass@mail.example:587; unset: emails are written to the log. */
    SMTP_URL;
    MAIL_FROM = 'orders@example.com';
    /** SMS provider webhook (POST JSON { to, text }); unset: text messages are written to the log. */
    SMS_WEBHOOK_URL;
    /** Attempts to deliver one notification before it is marked FAILED. */
    NOTIFICATION_MAX_ATTEMPTS = 8;
    /** Transfer lead time: a base plus so much per 100 km, in hours (sourcingOptions' estimated arrival). */
    LEAD_TIME_BASE_HOURS = 24;
    LEAD_TIME_HOURS_PER_100_KM = 12;
    /** Known lead times by location codes, overriding the formula: "WH-PARIS>PAR-MARAIS=6,WH-LYON>LYO-01=4". */
    LEAD_TIMES;
    /** How long a sender holds notifications it took; if it dies, another process sends them after this. */
    NOTIFICATION_LEASE_SECONDS = 60;
    LOG_LEVEL = 'info';
    /** Load the demo retailer into an empty database on start. Default: on, except in production. */
    SEED_DEMO_DATA;
    /** log2 of the scrypt cost for password hashes (15 = 32 MiB, about 60 ms on one core). */
    PASSWORD_HASH_COST = 15;
    // --- request limits and exposure (refused before any resolver runs) ---
    /** Deepest field nesting a GraphQL operation may have (fragments are followed, not counted). */
    GRAPHQL_MAX_DEPTH = 12;
    /**
     * graphql-armor's cost: 1 a scalar, 2 an object, x1.5 a level, times a literal `first`. A page of
     * 100 products with their variants and prices costs about 6,400.
     */
    GRAPHQL_MAX_COST = 10_000;
    GRAPHQL_MAX_ALIASES = 15;
    GRAPHQL_MAX_DIRECTIVES = 50;
    /** Lexical tokens in one document; the introspection query GraphiQL sends has about 190. */
    GRAPHQL_MAX_TOKENS = 1000;
    /** Schema introspection. Default: on, except in production. */
    GRAPHQL_INTROSPECTION;
    /** GraphiQL on GET /graphql. Default: on, except in production. */
    GRAPHQL_PLAYGROUND;
    /** Largest JSON (or form) request body, in kB; a larger one is refused with HTTP 413. */
    REQUEST_BODY_LIMIT_KB = 100;
    /** Browser origins allowed by CORS, comma-separated (`https://shop.example,https://app.example`), or `*`. Unset: no CORS. */
    CORS_ORIGINS;
}
__decorate([
    IsIn(['development', 'production', 'test']),
    __metadata("design:type", String)
], Env.prototype, "NODE_ENV", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(0),
    Max(65535),
    __metadata("design:type", Object)
], Env.prototype, "PORT", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(1),
    Max(64),
    __metadata("design:type", Object)
], Env.prototype, "API_WORKERS", void 0);
__decorate([
    IsOptional(),
    Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' }),
    __metadata("design:type", String)
], Env.prototype, "DATABASE_URL", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(1),
    Max(200),
    __metadata("design:type", Object)
], Env.prototype, "DATABASE_POOL_SIZE", void 0);
__decorate([
    IsString(),
    __metadata("design:type", Object)
], Env.prototype, "PGLITE_DATA_DIR", void 0);
__decorate([
    IsOptional(),
    Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' }),
    __metadata("design:type", String)
], Env.prototype, "REDIS_URL", void 0);
__decorate([
    IsString(),
    __metadata("design:type", Object)
], Env.prototype, "REDIS_KEY_PREFIX", void 0);
__decorate([
    IsOptional(),
    IsEmail({}, { message: 'ADMIN_EMAIL must be an email address' }),
    __metadata("design:type", String)
], Env.prototype, "ADMIN_EMAIL", void 0);
__decorate([
    IsOptional(),
    IsString(),
    MinLength(8, { message: 'ADMIN_PASSWORD must be at least 8 characters' }),
    __metadata("design:type", String)
], Env.prototype, "ADMIN_PASSWORD", void 0);
__decorate([
    IsOptional(),
    IsString(),
    MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' }),
    __metadata("design:type", String)
], Env.prototype, "JWT_SECRET", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(60),
    __metadata("design:type", Object)
], Env.prototype, "STAFF_TOKEN_TTL_SECONDS", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(60),
    __metadata("design:type", Object)
], Env.prototype, "CUSTOMER_TOKEN_TTL_SECONDS", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(1),
    __metadata("design:type", Object)
], Env.prototype, "LOGIN_RATE_LIMIT_PER_EMAIL", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(1),
    __metadata("design:type", Object)
], Env.prototype, "LOGIN_RATE_LIMIT_PER_IP", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(1),
    Max(86400),
    __metadata("design:type", Object)
], Env.prototype, "LOGIN_RATE_LIMIT_WINDOW_SECONDS", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(1),
    __metadata("design:type", Object)
], Env.prototype, "RATE_LIMIT_READS_PER_MINUTE", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(1),
    __metadata("design:type", Object)
], Env.prototype, "RATE_LIMIT_CHECKOUTS_PER_MINUTE", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(1),
    __metadata("design:type", Object)
], Env.prototype, "RATE_LIMIT_WRITES_PER_MINUTE", void 0);
__decorate([
    Transform(toBool),
    IsBoolean(),
    __metadata("design:type", Object)
], Env.prototype, "RATE_LIMIT_DISABLED", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(0),
    Max(60000),
    __metadata("design:type", Object)
], Env.prototype, "AVAILABILITY_CACHE_MS", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(0),
    Max(60000),
    __metadata("design:type", Object)
], Env.prototype, "RESPONSE_CACHE_MS", void 0);
__decorate([
    Transform(toBool),
    IsBoolean(),
    __metadata("design:type", Object)
], Env.prototype, "GRAPHQL_COMPILED_QUERIES", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(1),
    Max(10000),
    __metadata("design:type", Object)
], Env.prototype, "CART_MAX_LINE_QUANTITY", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(1),
    Max(1000),
    __metadata("design:type", Object)
], Env.prototype, "CART_MAX_LINES", void 0);
__decorate([
    Matches(/^[A-Z]{3}$/, { message: 'DEFAULT_CURRENCY must be an ISO 4217 code such as EUR' }),
    __metadata("design:type", Object)
], Env.prototype, "DEFAULT_CURRENCY", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(1),
    Max(20),
    __metadata("design:type", Object)
], Env.prototype, "PICKUP_CODE_MAX_FAILURES", void 0);
__decorate([
    Transform(toBool),
    IsBoolean(),
    __metadata("design:type", Object)
], Env.prototype, "BACKGROUND_JOBS", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(100),
    Max(60000),
    __metadata("design:type", Object)
], Env.prototype, "BACKGROUND_INTERVAL_MS", void 0);
__decorate([
    IsOptional(),
    Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' }),
    __metadata("design:type", String)
], Env.prototype, "SMTP_URL", void 0);
__decorate([
    IsEmail({}, { message: 'MAIL_FROM must be an email address' }),
    __metadata("design:type", Object)
], Env.prototype, "MAIL_FROM", void 0);
__decorate([
    IsOptional(),
    Matches(/^https?:\/\/.+/, { message: 'SMS_WEBHOOK_URL must be an http(s) URL' }),
    __metadata("design:type", String)
], Env.prototype, "SMS_WEBHOOK_URL", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(1),
    Max(50),
    __metadata("design:type", Object)
], Env.prototype, "NOTIFICATION_MAX_ATTEMPTS", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(0),
    Max(24 * 30),
    __metadata("design:type", Object)
], Env.prototype, "LEAD_TIME_BASE_HOURS", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(0),
    Max(24 * 30),
    __metadata("design:type", Object)
], Env.prototype, "LEAD_TIME_HOURS_PER_100_KM", void 0);
__decorate([
    IsOptional(),
    Matches(/^[A-Za-z0-9_-]+>[A-Za-z0-9_-]+=\d+(,[A-Za-z0-9_-]+>[A-Za-z0-9_-]+=\d+)*$/, { message: 'LEAD_TIMES must look like FROM>TO=hours,FROM>TO=hours' }),
    __metadata("design:type", String)
], Env.prototype, "LEAD_TIMES", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(1),
    Max(3600),
    __metadata("design:type", Object)
], Env.prototype, "NOTIFICATION_LEASE_SECONDS", void 0);
__decorate([
    IsIn(LOG_LEVELS),
    __metadata("design:type", String)
], Env.prototype, "LOG_LEVEL", void 0);
__decorate([
    Transform(toBool),
    IsOptional(),
    IsBoolean(),
    __metadata("design:type", Boolean)
], Env.prototype, "SEED_DEMO_DATA", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(10),
    Max(20),
    __metadata("design:type", Object)
], Env.prototype, "PASSWORD_HASH_COST", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(2),
    Max(100),
    __metadata("design:type", Object)
], Env.prototype, "GRAPHQL_MAX_DEPTH", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(100),
    Max(1_000_000),
    __metadata("design:type", Object)
], Env.prototype, "GRAPHQL_MAX_COST", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(0),
    Max(1000),
    __metadata("design:type", Object)
], Env.prototype, "GRAPHQL_MAX_ALIASES", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(0),
    Max(1000),
    __metadata("design:type", Object)
], Env.prototype, "GRAPHQL_MAX_DIRECTIVES", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(200),
    Max(100_000),
    __metadata("design:type", Object)
], Env.prototype, "GRAPHQL_MAX_TOKENS", void 0);
__decorate([
    Transform(toBool),
    IsOptional(),
    IsBoolean(),
    __metadata("design:type", Boolean)
], Env.prototype, "GRAPHQL_INTROSPECTION", void 0);
__decorate([
    Transform(toBool),
    IsOptional(),
    IsBoolean(),
    __metadata("design:type", Boolean)
], Env.prototype, "GRAPHQL_PLAYGROUND", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(1),
    Max(10_240),
    __metadata("design:type", Object)
], Env.prototype, "REQUEST_BODY_LIMIT_KB", void 0);
__decorate([
    IsOptional(),
    Matches(ORIGIN_LIST, { message: 'CORS_ORIGINS must be `*` or comma-separated origins such as https://shop.example (scheme and host, no path)' }),
    __metadata("design:type", String)
], Env.prototype, "CORS_ORIGINS", void 0);
export const DEV_JWT_SECRET = 'development-only-secret-do-not-use-in-production';
/** The `validate` hook of ConfigModule: returns the typed settings or throws naming each bad variable. */
export function validateEnv(raw) {
    const env = plainToInstance(Env, stripEmpty(raw), { exposeDefaultValues: true });
    const errors = validateSync(env, { whitelist: false, forbidUnknownValues: false });
    const problems = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')} (got ${JSON.stringify(e.value)})`);
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET)
        problems.push('JWT_SECRET: required when NODE_ENV=production');
    if (env.API_WORKERS > 1 && (!env.DATABASE_URL || !env.REDIS_URL))
        problems.push('API_WORKERS: more than 1 needs DATABASE_URL and REDIS_URL (PGlite and the in-process Redis serve one process)');
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD))
        problems.push('ADMIN_EMAIL and ADMIN_PASSWORD: set both or neither');
    if (problems.length)
        throw new Error(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    return env;
}
function stripEmpty(raw) {
    return Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ''));
}
//# sourceMappingURL=env.js.map