import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CbuRatesClient } from './cbu-rates.client';
import { ExchangeRate } from './exchange-rate.entity';
import { RATES_SOURCE } from './rates.port';
import { RatesRepository } from './rates.repository';
import { RatesService } from './rates.service';

@Module({
  imports: [TypeOrmModule.forFeature([ExchangeRate])],
  providers: [RatesRepository, RatesService, { provide: RATES_SOURCE, useClass: CbuRatesClient }],
  exports: [RatesService],
})
export class RatesModule {}
