import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { PromotionEntity } from './entities/promotion.entity.js';
import { PromotionsResolver } from './resolvers/promotions.resolver.js';
import { PromotionsService } from './services/promotions.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([PromotionEntity]), AuditModule],
  providers: [PromotionsService, PromotionsResolver],
  exports: [PromotionsService],
})
export class PromotionsModule {}
