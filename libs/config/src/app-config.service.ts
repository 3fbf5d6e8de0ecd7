import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Env } from './env.js';

/** Typed, read-only access to the validated settings. */
@Injectable()
export class AppConfig {
  constructor(private readonly config: ConfigService<Env, true>) {}

  get<K extends keyof Env>(key: K): Env[K] {
    return this.config.get(key, { infer: true });
  }

  /** TRUST_PROXY as Express's `trust proxy` value: a hop count, a list of addresses and ranges, or false. */
  get trustProxy(): number | string[] | false {
    const raw = this.get('TRUST_PROXY')?.trim();
    if (!raw) return false;
    return /^\d+$/.test(raw) ? Number(raw) : raw.split(',').map((s) => s.trim());
  }

  get seedDemoData(): boolean {
    return this.get('SEED_DEMO_DATA') ?? !this.isProduction;
  }

  get isProduction(): boolean {
    return this.get('NODE_ENV') === 'production';
  }

  get graphqlIntrospection(): boolean {
    return this.get('GRAPHQL_INTROSPECTION') ?? !this.isProduction;
  }

  get graphqlPlayground(): boolean {
    return this.get('GRAPHQL_PLAYGROUND') ?? !this.isProduction;
  }

  /** CORS_ORIGINS as `'*'`, a list of origins, or undefined (no CORS headers at all). */
  get corsOrigins(): '*' | string[] | undefined {
    const raw = this.get('CORS_ORIGINS');
    if (!raw) return undefined;
    return raw.trim() === '*' ? '*' : raw.split(',').map((o) => o.trim());
  }
}
