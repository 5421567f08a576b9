import { Controller, Get, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { JwtAuthGuard } from '../../common/guards/jwt-auth.guard';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { paginated, readPagination } from '../../common/http/pagination';
import { toDecimalString } from '../../common/money';
import { parseListQuery } from './transactions.query';
import { transactionJson, TransactionsService } from './transactions.service';

@ApiTags('transactions')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('api/transactions')
export class TransactionsController {
  constructor(private readonly transactions: TransactionsService) {}

  @Get()
  async list(@CurrentUser() auth: AuthUser, @Query() query: Record<string, string>, @Req() req: Request) {
    const { filter, order } = parseListQuery(query);
    const { page, pageSize } = readPagination(query);
    const { rows, count } = await this.transactions.list(auth.userId, filter, order, page, pageSize);
    return paginated(req, page, pageSize, count, rows.map(transactionJson));
  }

  @Get('balance')
  async balance(@CurrentUser() auth: AuthUser) {
    const lines = await this.transactions.balance(auth.userId);
    return {
      totals: lines.map((l) => ({
        currency: l.currency,
        income: toDecimalString(l.incomeMinor),
        expense: toDecimalString(l.expenseMinor),
        balance: toDecimalString(l.balanceMinor),
      })),
      as_of: new Date().toISOString(),
    };
  }
}
