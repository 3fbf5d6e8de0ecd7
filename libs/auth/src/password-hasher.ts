import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;
const KEY_LENGTH = 32;

/**
 * scrypt (memory-hard, in Node's own crypto: no native add-on to build). The stored string carries its
 * parameters, so the cost can be raised later without breaking existing hashes.
 */
@Injectable()
export class PasswordHasher {
  private readonly logN: number;
  private dummy?: Promise<string>;

  constructor(config: AppConfig) {
    this.logN = config.get('PASSWORD_HASH_COST');
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await derive(password, salt, this.logN);
    return `scrypt$${this.logN}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
  }

  async verify(password: string, stored: string | null | undefined): Promise<boolean> {
    // Unknown accounts still pay for one hash, so timing does not reveal which emails exist.
    const target = stored ?? (await (this.dummy ??= this.hash(randomBytes(12).toString('hex'))));
    const [alg, logN, r, p, salt, key] = target.split('$');
    if (alg !== 'scrypt' || !key) return false;
    const expected = Buffer.from(key, 'base64');
    const actual = await derive(password, Buffer.from(salt, 'base64'), Number(logN), Number(r), Number(p));
    const same = actual.length === expected.length && timingSafeEqual(actual, expected);
    return same && stored !== undefined && stored !== null;
  }
}

function derive(password: string, salt: Buffer, logN: number, r = 8, p = 1): Promise<Buffer> {
  const N = 2 ** logN;
  return scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
}
