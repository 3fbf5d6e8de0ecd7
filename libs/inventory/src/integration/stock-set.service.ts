import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Caller, requireStaff, StaffRole } from '@app/auth';
import { CatalogueService, normaliseSku } from '@app/catalogue';
import { badInput, BusinessError, ErrorCode, TransactionHost } from '@app/common';
import { LocationsService } from '@app/locations';
import { StockMovementType } from '../entities/stock-movement.entity.js';
import { StockLedger } from '../services/stock-ledger.service.js';
import type { StockSetInput, StockSetResult } from './stock-set.model.js';

/**
 * Absolute on-hand quantities from the retailer's systems (admins): all or nothing, each item guarded by its
 * `compareOnHand`, never below what is held, the difference a movement (SET), and the same key applied once
 * (its answer kept with it, so a retry answers the same).
 */
@Injectable()
export class StockSetService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: StockLedger,
    private readonly catalogue: CatalogueService,
    private readonly locations: LocationsService,
  ) {}

  async set(caller: Caller, input: StockSetInput): Promise<StockSetResult[]> {
    const staff = requireStaff(caller, [StaffRole.ADMIN]);
    const skus = input.items.map((i) => normaliseSku(i.sku));
    if (new Set(skus).size !== skus.length) throw badInput('Each SKU once per call', ['items']);
    const hash = createHash('sha256')
      .update(JSON.stringify([input.locationId, skus, input.items.map((i) => [i.onHand, i.compareOnHand ?? null])]))
      .digest('hex');
    return this.tx.run(async () => {
      const [fresh] = await this.tx.manager.query<{ fresh: boolean }[]>(
        `INSERT INTO stock_set_request (created_by, idempotency_key, request_hash) VALUES ($1, $2, $3)
         ON CONFLICT (created_by, idempotency_key) DO NOTHING RETURNING true AS fresh`,
        [staff.staffId, input.idempotencyKey, hash],
      );
      if (!fresh) {
        const [seen] = await this.tx.manager.query<{ hash: string; results: StockSetResult[] }[]>(
          `SELECT request_hash AS hash, results FROM stock_set_request WHERE created_by = $1 AND idempotency_key = $2`,
          [staff.staffId, input.idempotencyKey],
        );
        if (seen.hash !== hash)
          throw new BusinessError(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'This idempotencyKey set other quantities', ['idempotencyKey']);
        return seen.results;
      }
      if (!(await this.locations.find(input.locationId)))
        throw new BusinessError(ErrorCode.UNKNOWN_LOCATION, 'No such location', ['locationId']);
      const variants = await this.catalogue.findVariantsBySkus(skus);
      const items = input.items.map((item, i) => {
        const v = variants.get(skus[i]);
        if (!v) throw new BusinessError(ErrorCode.UNKNOWN_SKU, `No variant with SKU ${item.sku}`, ['items', String(i), 'sku']);
        return { ...item, i, variantId: v.id, sku: v.sku };
      });
      const meta = {
        type: StockMovementType.SET,
        reason: input.reason,
        reference: `set:${input.idempotencyKey}`.slice(0, 100),
        staffId: staff.staffId,
      };
      // One lock order for every caller (by variant): two feeds touching the same levels never wait on each other in a circle.
      for (const item of [...items].sort((a, b) => a.variantId.localeCompare(b.variantId))) {
        const outcome = await this.ledger.setOnHand(input.locationId, item.variantId, item.onHand, item.compareOnHand, meta);
        const field = ['items', String(item.i)];
        if (outcome === 'changed')
          throw new BusinessError(ErrorCode.STOCK_CHANGED, `On hand of ${item.sku} is no longer ${item.compareOnHand}`, [
            ...field,
            'compareOnHand',
          ]);
        if (outcome === 'below')
          throw new BusinessError(ErrorCode.BELOW_RESERVED, `${item.sku}: ${item.onHand} is below what is held and unsellable there`, [
            ...field,
            'onHand',
          ]);
      }
      const results = items.map((i) => ({ sku: i.sku, onHand: i.onHand }));
      await this.tx.manager.query(`UPDATE stock_set_request SET results = $3 WHERE created_by = $1 AND idempotency_key = $2`, [
        staff.staffId,
        input.idempotencyKey,
        JSON.stringify(results),
      ]);
      return results;
    });
  }
}
