import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { JwtAuthGuard } from '../../common/guards/jwt-auth.guard';
import { UsersService } from '../users/users.service';
import { SummaryQueryDto } from './stats.dto';
import { parseSummaryQuery } from './stats.period';
import { summaryJson } from './stats.presenter';
import { StatsService } from './stats.service';

const SUMMARY_EXAMPLE = {
  period: 'month',
  date_from: '2026-11-01',
  date_to: '2026-11-30',
  totals: [
    { currency: 'UZS', income: '5000000.00', expense: '1250000.00', balance: '3750000.00', count: 14 },
  ],
  by_category: [
    {
      type: 'expense',
      category: 'transport',
      category_name: 'Транспорт',
      currency: 'UZS',
      amount: '120000.00',
      count: 6,
      share_percent: 9.6,
    },
    {
      type: 'income',
      category: 'salary',
      category_name: 'Зарплата',
      currency: 'UZS',
      amount: '5000000.00',
      count: 1,
      share_percent: 100,
    },
  ],
};

@ApiTags('analytics')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('api/analytics')
export class StatsController {
  constructor(
    private readonly stats: StatsService,
    private readonly users: UsersService,
  ) {}

  @Get('summary')
  @ApiOperation({
    summary: 'Totals per currency and per category over a period',
    description:
      "Days are the user's local days (their time zone). Amounts of different currencies are never added together. " +
      'share_percent is the category\'s share of its type and currency total. Bad parameters → 400 {"field": ["message"]}.',
  })
  @ApiOkResponse({ schema: { example: SUMMARY_EXAMPLE } })
  async summary(@CurrentUser() auth: AuthUser, @Query() query: SummaryQueryDto) {
    const user = await this.users.getById(auth.userId);
    const parsed = parseSummaryQuery({ ...query }, new Date(), user.timezone);
    return summaryJson(await this.stats.summary(user.id, user.language, parsed));
  }
}
