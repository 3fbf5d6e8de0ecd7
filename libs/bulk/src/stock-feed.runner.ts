import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CatalogueService } from '@app/catalogue';
import { TransactionHost } from '@app/common';
import { AppConfig } from '@app/config';
import { StockLedger, StockMovementType } from '@app/inventory';
import { LocationsService } from '@app/locations';
import type { BulkRowError } from './bulk-job.model.js';
import { BulkJobs, type JobRow } from './bulk-jobs.service.js';
import { csvColumns, parseStockLine, type StockRow } from './feed-rows.js';

type GoodRow = Extract<StockRow, { sku: string }>;

/**
 * Applies a spooled stock feed (`sku, location, onHand`), streamed line by line (never the whole file in
 * memory), in batches of BULK_BATCH_ROWS, each in its own transaction with the job's progress: a crash loses
 * at most the batch under way, and the job resumes after its last applied line (on start, or when another
 * process finds its lease lapsed). A bad row is reported by its line and never stops the others; a feed sent
 * again once applied changes nothing.
 */
@Injectable()
export class StockFeedRunner implements OnApplicationBootstrap {
  private readonly logger = new Logger(StockFeedRunner.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly jobs: BulkJobs,
    private readonly ledger: StockLedger,
    private readonly catalogue: CatalogueService,
    private readonly locations: LocationsService,
    private readonly config: AppConfig,
  ) {}

  /** Jobs a stopped process left: taken up again where their last batch ended. */
  onApplicationBootstrap(): void {
    setTimeout(() => void this.resumeAbandoned(), 1000).unref();
  }

  async resumeAbandoned(): Promise<void> {
    for (const id of await this.jobs.abandoned().catch(() => [])) await this.run(id);
  }

  /** Runs the job if this process can claim it; never throws (a failure is the job's status). */
  async run(id: string): Promise<void> {
    const job = await this.jobs.claim(id).catch(() => null);
    if (!job) return;
    try {
      const earlier = await this.jobs.sameFeedDone(job.kind, job.contentHash, job.id);
      if (earlier) await this.jobs.finish(job.id, 'COMPLETED', `The same feed was applied by job ${earlier}: nothing to change`);
      else await this.apply(job);
      await rm(job.filePath, { force: true });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.logger.warn(`bulk job ${id}: ${message}`);
      // A feed we cannot read fails; anything else (the database gone) leaves it RUNNING for a resume.
      if (err instanceof FeedUnreadable) await this.jobs.finish(job.id, 'FAILED', message).catch(() => undefined);
    }
  }

  private async apply(job: JobRow): Promise<void> {
    const size = this.config.get('BULK_BATCH_ROWS');
    const places = new Map((await this.locations.list()).map((l) => [l.code.toUpperCase(), l.id]));
    let lines;
    try {
      lines = createInterface({ input: createReadStream(job.filePath, { encoding: 'utf8' }), crlfDelay: Infinity });
    } catch (err) {
      throw new FeedUnreadable(`the feed's file is gone: ${String(err)}`);
    }
    let n = 0;
    let columns: string[] | null = null;
    let batch: StockRow[] = [];
    let last = job.checkpoint;
    try {
      for await (const text of lines) {
        n++;
        if (job.format === 'CSV' && n === 1) {
          columns = csvColumns(text);
          if (!columns) throw new FeedUnreadable('The CSV header must name the columns sku, location and onHand');
          continue;
        }
        if (n <= job.checkpoint) continue;
        const row = parseStockLine(job.format, text, n, columns);
        last = n;
        if (row) batch.push(row);
        if (batch.length >= size) {
          await this.batch(job, batch, places, last);
          batch = [];
        }
      }
    } catch (err) {
      if (err instanceof FeedUnreadable) throw err;
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new FeedUnreadable("The feed's spooled file is gone");
      throw err;
    }
    await this.batch(job, batch, places, last);
    await this.jobs.finish(job.id, 'COMPLETED');
  }

  /** One transaction: the batch's rows set (or refused, by line), and the job advanced past them. */
  private async batch(job: JobRow, rows: StockRow[], places: Map<string, string>, lastLine: number): Promise<void> {
    await this.tx.run(async () => {
      const failed: BulkRowError[] = [];
      const good = rows.filter((r): r is GoodRow => ('error' in r ? (failed.push({ line: r.line, message: r.error }), false) : true));
      const variants = await this.catalogue.findVariantsBySkus(good.map((r) => r.sku));
      // The last row of a level wins; the earlier ones of the same level count as applied (superseded).
      const byLevel = new Map<string, { locationId: string; variantId: string; onHand: number; line: number; sku: string }>();
      let superseded = 0;
      for (const r of good) {
        const locationId = places.get(r.location);
        const v = variants.get(r.sku);
        if (!v) failed.push({ line: r.line, message: `${r.sku}: no such SKU` });
        else if (!locationId) failed.push({ line: r.line, message: `${r.sku}: no location with code ${r.location}` });
        else {
          const key = `${locationId}:${v.id}`;
          if (byLevel.has(key)) superseded++;
          byLevel.set(key, { locationId, variantId: v.id, onHand: r.onHand, line: r.line, sku: r.sku });
        }
      }
      const levels = [...byLevel.values()].sort(
        (a, b) => a.locationId.localeCompare(b.locationId) || a.variantId.localeCompare(b.variantId),
      );
      const meta = { type: StockMovementType.SET, reason: 'stock feed', reference: `bulk:${job.id}`, staffId: job.createdBy };
      const outcomes = await this.ledger.setMany(levels, meta);
      let applied = superseded;
      for (const [i, o] of outcomes.entries()) {
        const l = levels[i];
        const again = o === 'retry' ? await this.ledger.setOnHand(l.locationId, l.variantId, l.onHand, undefined, meta) : null;
        if (o === 'below' || again === 'below')
          failed.push({ line: l.line, message: `${l.sku}: ${l.onHand} is below what is held and unsellable there` });
        else applied++;
      }
      failed.sort((a, b) => a.line - b.line);
      await this.jobs.advance(job.id, { read: rows.length, applied, failed, lastLine });
    });
  }
}

/** The feed itself cannot be read (its header, its file): the job fails; row errors never do this. */
class FeedUnreadable extends Error {}
