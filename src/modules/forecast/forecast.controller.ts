import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { JwtAuthGuard } from '../../common/guards/jwt-auth.guard';
import { ApiEndpoint } from '../../common/openapi/endpoint';
import { WalletQueryDto } from '../transactions/transactions.query';
import { forecastJson } from './forecast.presenter';
import { ForecastResponse } from './forecast.responses';
import { ForecastService } from './forecast.service';

/** GET /api/analytics/forecast/ (docs/forecast.md). */
@ApiTags('analytics')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('api/analytics')
export class ForecastController {
  constructor(private readonly forecasts: ForecastService) {}

  @Get('forecast')
  @ApiEndpoint({
    summary:
      "The expected balance at the month's end: today's balance + recurring incomes still due − recurring payments " +
      'still due − what budgets still allow, each part listed',
    ok: ForecastResponse,
    errors: [400, 401],
  })
  async get(@CurrentUser() auth: AuthUser, @Query() query: WalletQueryDto): Promise<ForecastResponse> {
    return forecastJson(await this.forecasts.ofUser(auth.userId, query.wallet));
  }
}
