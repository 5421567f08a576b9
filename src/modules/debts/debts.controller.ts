import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { DomainError } from '../../common/errors/domain-error';
import { JwtAuthGuard } from '../../common/guards/jwt-auth.guard';
import { bodyObject } from '../../common/http/body';
import { paginated, readPagination } from '../../common/http/pagination';
import { AppConfig } from '../../config/app-config';
import { AmountBodyDto } from '../goals/goals.dto';
import { DebtBodyDto, DebtResponseDto } from './debts.dto';
import { DebtFilter } from './debts.repository';
import { DebtJson, debtJson, DebtsService } from './debts.service';

function readFilter(query: Record<string, unknown>): DebtFilter {
  const one = (v: unknown) => (Array.isArray(v) ? v[0] : v) as unknown;
  const errors: Record<string, string[]> = {};
  const filter: DebtFilter = {};
  const choice = (v: unknown) => `Select a valid choice. ${String(v)} is not one of the available choices.`;
  const status = one(query.status);
  if (status !== undefined && status !== '') {
    if (status === 'open' || status === 'closed') filter.status = status;
    else errors.status = [choice(status)];
  }
  const direction = one(query.direction);
  if (direction !== undefined && direction !== '') {
    if (direction === 'lent' || direction === 'borrowed') filter.direction = direction;
    else errors.direction = [choice(direction)];
  }
  if (Object.keys(errors).length) throw new DomainError('validation', 'Invalid filter', errors);
  return filter;
}

@ApiTags('debts')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('api/debts')
export class DebtsController {
  constructor(
    private readonly debts: DebtsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'closed'] })
  @ApiQuery({ name: 'direction', required: false, enum: ['lent', 'borrowed'] })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'page_size', required: false, description: 'Default 20, at most 100' })
  async list(@CurrentUser() auth: AuthUser, @Query() query: Record<string, unknown>, @Req() req: Request) {
    const filter = readFilter(query);
    const { page, pageSize } = readPagination(query);
    const { rows, count } = await this.debts.list(auth.userId, filter, page, pageSize);
    return paginated(req, page, pageSize, count, rows.map(debtJson), this.config.publicUrl);
  }

  @Post()
  @ApiResponse({ status: 201, type: DebtResponseDto })
  async create(@CurrentUser() auth: AuthUser, @Body() body: DebtBodyDto): Promise<DebtJson> {
    return debtJson(await this.debts.createFromApi(auth.userId, bodyObject(body)));
  }

  @Get(':id')
  @ApiOkResponse({ type: DebtResponseDto })
  async get(@CurrentUser() auth: AuthUser, @Param('id') id: string): Promise<DebtJson> {
    return debtJson(await this.debts.getOwned(auth.userId, id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: DebtResponseDto })
  async update(
    @CurrentUser() auth: AuthUser,
    @Param('id') id: string,
    @Body() body: DebtBodyDto,
  ): Promise<DebtJson> {
    return debtJson(await this.debts.updateFromApi(auth.userId, id, bodyObject(body)));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() auth: AuthUser, @Param('id') id: string): Promise<void> {
    if (!(await this.debts.deleteOwned(auth.userId, id))) throw DomainError.notFound();
  }

  @Post(':id/repay')
  @HttpCode(200)
  @ApiOkResponse({
    type: DebtResponseDto,
    description: 'The debt after the repayment; paid off → closed. Above the remaining amount → 400.',
  })
  async repay(
    @CurrentUser() auth: AuthUser,
    @Param('id') id: string,
    @Body() body: AmountBodyDto,
  ): Promise<DebtJson> {
    return debtJson((await this.debts.repayFromApi(auth.userId, id, bodyObject(body))).debt);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOkResponse({ type: DebtResponseDto })
  async close(@CurrentUser() auth: AuthUser, @Param('id') id: string): Promise<DebtJson> {
    return debtJson((await this.debts.close(auth.userId, id)).debt);
  }
}
