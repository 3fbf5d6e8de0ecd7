import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
const MIGRATION_LOCK = 724_311_901; // any fixed number: one advisory lock for "migrations in progress"
/**
 * Runs pending migrations. With several processes on one server, a session-level advisory lock on a
 * dedicated connection makes them take turns; the second finds nothing left to do.
 */
export async function runMigrationsLocked(ds, logger) {
    const pool = ds.driver.master;
    const single = (pool?.options?.max ?? 10) <= 1;
    const lock = single ? undefined : ds.createQueryRunner();
    try {
        await lock?.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        const done = await ds.runMigrations({ transaction: 'each' });
        for (const m of done)
            logger.log(`applied ${m.name}`);
    }
    finally {
        if (lock) {
            await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
            await lock.release();
        }
    }
}
//# sourceMappingURL=run-migrations.js.map