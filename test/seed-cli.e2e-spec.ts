import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';

/** `npm run seed` is how benchmarks and demos load data: its module must keep building (it has no HTTP). */
describe('the seed command', () => {
  it('loads a generated catalogue into an embedded database and reports what it loaded', async () => {
    const env = { PATH: process.env.PATH, PGLITE_DATA_DIR: 'memory://', LOG_LEVEL: 'warn', NODE_ENV: 'test' };
    const { stdout } = await promisify(execFile)(process.execPath, ['dist/apps/api/src/seed.js', '--products', '12', '--locations', '3', '--sizes', '2'], { env, timeout: 60_000 });
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({ products: 12, variants: 24, locations: 3, stockLevels: expect.any(Number) });
  });
});
