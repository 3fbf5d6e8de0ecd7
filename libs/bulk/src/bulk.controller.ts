import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  Controller,
  ForbiddenException,
  HttpCode,
  HttpException,
  HttpStatus,
  Post,
  Req,
  UnauthorizedException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { Request } from 'express';
import { RequestContextFactory, StaffRole } from '@app/auth';
import { AppConfig } from '@app/config';
import { BulkJobs } from './bulk-jobs.service.js';
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
  ) {}

  @Post('stock')
  @HttpCode(202)
  async stock(@Req() req: Request): Promise<{ jobId: string }> {
    const { caller } = await this.contexts.fromHeaders(req);
    if (caller.kind === 'guest') throw new UnauthorizedException('Sign in as an admin');
    if (caller.kind !== 'staff' || caller.role !== StaffRole.ADMIN) throw new ForbiddenException('Bulk feeds are for admins');
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
    const jobId = await this.jobs.create({ kind: 'STOCK', format, filePath, contentHash: hash.digest('hex'), createdBy: caller.staffId });
    setImmediate(() => void this.runner.run(jobId));
    return { jobId };
  }
}
