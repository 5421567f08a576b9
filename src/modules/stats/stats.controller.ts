import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { JwtAuthGuard } from '../../common/guards/jwt-auth.guard';
import { CURRENCIES } from '../../common/money';
import { UsersService } from '../users/users.service';
import { parseSummaryQuery, PERIODS } from './stats.period';
import { StatsService, summaryJson } from './stats.service';
import { SummaryResponse } from './stats.responses';
import { ApiErrors } from '../../common/openapi/errors';

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
  @ApiQuery({
    name: 'period',
    required: false,
    enum: PERIODS,
    description: 'Default month (custom when date_from/date_to are given). week = Monday to Sunday.',
  })
  @ApiQuery({
    name: 'date_from',
    required: false,
    type: String,
    format: 'date',
    description: 'YYYY-MM-DD, first local day (period=custom only)',
  })
  @ApiQuery({
    name: 'date_to',
    required: false,
    type: String,
    format: 'date',
    description: 'YYYY-MM-DD, last local day, inclusive (period=custom only)',
  })
  @ApiQuery({ name: 'type', required: false, enum: ['income', 'expense'] })
  @ApiQuery({ name: 'currency', required: false, enum: CURRENCIES })
  @ApiOkResponse({ type: SummaryResponse })
  @ApiErrors(400, 401)
  async summary(@CurrentUser() auth: AuthUser, @Query() query: Record<string, unknown>) {
    const user = await this.users.getById(auth.userId);
    const parsed = parseSummaryQuery(query, new Date(), user.timezone);
    return summaryJson(await this.stats.summary(user.id, user.language, parsed));
  }
}
