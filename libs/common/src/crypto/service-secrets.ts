import { randomBytes } from 'node:crypto';
import { Global, Logger, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';

/**
 * The secrets the service keys things with: tokens (JWT_SECRET) and pickup codes (PICKUP_CODE_SECRET,
 * which defaults to the token secret so existing codes keep working; set it before rotating JWT_SECRET).
 * Outside production, an unset JWT_SECRET is replaced by one generated for this database and kept in it:
 * never a constant a stranger could sign with, and the same for every process on that database.
 * Production refuses to start without JWT_SECRET (libs/config).
 */
export class ServiceSecrets {
  constructor(
    readonly jwt: string,
    readonly pickupCode: string,
  ) {}
}

async function generatedSecret(ds: DataSource, name: string): Promise<string> {
  await ds.query(`INSERT INTO service_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
    name,
    randomBytes(32).toString('base64url'),
  ]);
  const [{ value }] = await ds.query<{ value: string }[]>(`SELECT value FROM service_secret WHERE name = $1`, [name]);
  return value;
}

export async function loadServiceSecrets(config: AppConfig, ds: DataSource): Promise<ServiceSecrets> {
  let jwt = config.get('JWT_SECRET');
  if (!jwt) {
    jwt = await generatedSecret(ds, 'jwt');
    new Logger('ServiceSecrets').log(
      'JWT_SECRET is unset: tokens are signed with a secret generated for this database ' +
        '(outside production only; set JWT_SECRET to choose one)',
    );
  }
  return new ServiceSecrets(jwt, config.get('PICKUP_CODE_SECRET') ?? jwt);
}

@Global()
@Module({
  providers: [{ provide: ServiceSecrets, inject: [AppConfig, DataSource], useFactory: loadServiceSecrets }],
  exports: [ServiceSecrets],
})
export class SecretsModule {}
