import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { JwtAuthGuard } from '../../common/guards/jwt-auth.guard';
import { UsersService } from '../users/users.service';
import { SummaryQueryDto } from './stats.dto';
import { parseSummaryQuery } from './stats.period';
import { summaryJson } from './stats.presenter';
import { SummaryResponse } from './stats.responses';
import { StatsService } from './stats.service';
import { TransactionsService } from '../transactions/transactions.service';
import { ApiErrors } from '../../common/openapi/errors';

@ApiTags('analytics')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('api/analytics')
export class StatsController {
  constructor(
    private readonly stats: StatsService,
    private readonly users: UsersService,
    private readonly transactions: TransactionsService,
  ) {}

  @Get('summary')
  @ApiOperation({
    summary: 'Totals per currency and per category over a period',
    description:
      "Days are the user's local days (their time zone). Amounts of different currencies are never added together. " +
      'share_percent is the category\'s share of its type and currency total. Bad parameters → 400 {"field": ["message"]}.',
  })
  @ApiOkResponse({ type: SummaryResponse })
  @ApiErrors(400, 401)
  async summary(@CurrentUser() auth: AuthUser, @Query() query: SummaryQueryDto) {
    const user = await this.users.ofRequest(auth);
    const parsed = parseSummaryQuery({ ...query }, new Date(), user.timezone);
    const wallet = await this.transactions.walletScope(user.id, query.wallet);
    return summaryJson(await this.stats.summary(user.id, user.language, parsed, wallet));
  }
}
