import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { MetricsService } from './metrics.service.js';

/**
 * GET /metrics for Prometheus. Not logged per request (see the platform's logger config) and kept out of
 * the HTTP metrics; no rate limit applies to it. Keep it off the public ingress: it is for the scraper.
 */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  async scrape(@Res() res: Response): Promise<void> {
    const { contentType, body } = await this.metrics.scrape();
    res.status(200).type(contentType).send(body);
  }
}
