import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  BadRequestException,
  Controller,
  ForbiddenException,
  Get,
  NotFoundException,
  Query,
  Res,
  HttpCode,
  HttpException,
  HttpStatus,
  Post,
  Req,
  UnauthorizedException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequestContextFactory, StaffRole } from '@app/auth';
import { StockQueryService } from '@app/inventory';
import { LocationsService } from '@app/locations';
import { OrderExport } from '@app/orders';
import { AppConfig } from '@app/config';
import { BulkJobs } from './bulk-jobs.service.js';
import { ExportWriter, exportFormat } from './export-writer.js';
import { formatOf } from './feed-rows.js';
import { StockFeedRunner } from './stock-feed.runner.js';

/**
 * POST /bulk/stock (admins): a stock feed, CSV (`sku,location,onHand`) or NDJSON, streamed to a spool file
 * (never held in memory), answered 202 `{ jobId }` at once and applied in the background; `bulkJob(id)`
 * says how it goes. 401 without a token, 403 for anyone but an admin, 415 for another format, 413 past
 * BULK_MAX_MB.
 */
@Controller('bulk')
export class BulkController {
  constructor(
    private readonly contexts: RequestContextFactory,
    private readonly jobs: BulkJobs,
    private readonly runner: StockFeedRunner,
    private readonly config: AppConfig,
    private readonly orders: OrderExport,
    private readonly levels: StockQueryService,
    private readonly locations: LocationsService,
  ) {}

  /** GET /bulk/orders?from=&to=[&format=csv]: orders placed in [from, to), oldest first, streamed (admins). CSV: one row per order line. */
  @Get('orders')
  async exportOrders(
    @Req() req: Request,
    @Res() res: Response,
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('format') format?: string,
  ) {
    await this.admin(req);
    const [a, b] = [new Date(from ?? ''), new Date(to ?? '')];
    if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime()) || !(a < b))
      throw new BadRequestException('from and to must be date-times, from before to');
    const out = new ExportWriter(res, exportFormat(format, req.headers.accept), [
      'number',
      'createdAt',
      'channel',
      'status',
      'currency',
      'total',
      'customerId',
      'locationId',
      'sku',
      'quantity',
      'unitPrice',
      'fulfillmentType',
      'fulfillmentStatus',
    ]);
    for await (const batch of this.orders.batches(a, b)) {
      const rows = batch.flatMap(({ lines, ...o }) => lines.map((l) => ({ ...o, ...l })));
      await out.write(batch, rows);
    }
    out.end();
  }

  /** GET /bulk/stock?location=CODE[&format=csv]: a location's levels by SKU with their states, streamed (admins). */
  @Get('stock')
  async exportStock(@Req() req: Request, @Res() res: Response, @Query('location') code?: string, @Query('format') format?: string) {
    await this.admin(req);
    const location = (await this.locations.list()).find((l) => l.code.toUpperCase() === (code ?? '').trim().toUpperCase());
    if (!location) throw new NotFoundException(`No location with code ${code ?? ''}`);
    const out = new ExportWriter(res, exportFormat(format, req.headers.accept), [
      'sku',
      'location',
      'onHand',
      'reserved',
      'unsellable',
      'safetyStock',
      'incoming',
      'available',
    ]);
    let after: string | null = null;
    for (;;) {
      const page = await this.levels.levelsAt(location.id, {}, 1000, after);
      const rows = page.slice(0, 1000).map(({ variantId: _, ...l }) => ({
        ...l,
        location: location.code,
        available: Math.max(l.onHand - l.reserved - l.unsellable - l.safetyStock, 0),
      }));
      await out.write(rows, rows);
      if (page.length <= 1000) break;
      after = rows[rows.length - 1].sku;
    }
    out.end();
  }

  /** The caller, who must be an admin: 401 without a token, 403 for anyone else. */
  private async admin(req: Request): Promise<string> {
    const { caller } = await this.contexts.fromHeaders(req);
    if (caller.kind === 'guest') throw new UnauthorizedException('Sign in as an admin');
    if (caller.kind !== 'staff' || caller.role !== StaffRole.ADMIN) throw new ForbiddenException('Bulk feeds are for admins');
    return caller.staffId;
  }

  @Post('stock')
  @HttpCode(202)
  async stock(@Req() req: Request): Promise<{ jobId: string }> {
    const staffId = await this.admin(req);
    const format = formatOf(req.headers['content-type']);
    if (!format) throw new UnsupportedMediaTypeException('Send text/csv or application/x-ndjson');
    const dir = this.config.get('BULK_SPOOL_DIR') ?? join(tmpdir(), 'commerce-bulk');
    await mkdir(dir, { recursive: true });
    const filePath = join(dir, `${randomUUID()}.${format.toLowerCase()}`);
    const hash = createHash('sha256');
    const max = this.config.get('BULK_MAX_MB') * 1024 * 1024;
    let bytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        if (bytes > max) return done(new HttpException(`A feed is at most ${max / 1024 / 1024} MB`, HttpStatus.PAYLOAD_TOO_LARGE));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(req, meter, createWriteStream(filePath));
    } catch (err) {
      await rm(filePath, { force: true });
      throw err;
    }
    const jobId = await this.jobs.create({ kind: 'STOCK', format, filePath, contentHash: hash.digest('hex'), createdBy: staffId });
    setImmediate(() => void this.runner.run(jobId));
    return { jobId };
  }
}
