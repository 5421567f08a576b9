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
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { DomainError } from '../../common/errors/domain-error';
import { JwtAuthGuard } from '../../common/guards/jwt-auth.guard';
import { paginated, readPagination } from '../../common/http/pagination';
import { AppConfig } from '../../config/app-config';
import { AmountBodyDto } from '../goals/goals.dto';
import { DebtBodyDto, debtChanges, DebtListQueryDto, DebtPatchDto } from './debts.dto';
import { DebtJson, debtJson } from './debts.presenter';
import { DebtsService } from './debts.service';
import { DebtPageResponse, DebtResponse } from './debts.responses';
import { ApiErrors } from '../../common/openapi/errors';
import { ApiEndpoint } from '../../common/openapi/endpoint';

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
  @ApiEndpoint({ summary: 'Your debts, a page at a time', ok: DebtPageResponse, errors: [400, 401, 404] })
  async list(@CurrentUser() auth: AuthUser, @Query() query: DebtListQueryDto, @Req() req: Request) {
    const { page, pageSize } = readPagination(query);
    const filter = { status: query.status, direction: query.direction };
    const { rows, count } = await this.debts.list(auth.userId, filter, page, pageSize);
    return paginated(req, page, pageSize, count, rows.map(debtJson), this.config.publicUrl);
  }

  @Post()
  @ApiEndpoint({
    summary: 'Record a debt: money you lent or borrowed',
    created: DebtResponse,
    errors: [400, 401, 413, 415, 429],
  })
  async create(@CurrentUser() auth: AuthUser, @Body() body: DebtBodyDto): Promise<DebtJson> {
    return debtJson(
      await this.debts.create(auth.userId, {
        direction: body.direction,
        counterparty: body.counterparty,
        amountMinor: body.amount,
        currency: body.currency,
        dueDate: body.due_date,
        description: body.description,
      }),
    );
  }

  @Get(':id')
  @ApiEndpoint({ summary: 'One of your debts', ok: DebtResponse, errors: [401, 404] })
  async get(@CurrentUser() auth: AuthUser, @Param('id') id: string): Promise<DebtJson> {
    return debtJson(await this.debts.getOwned(auth.userId, id));
  }

  @Patch(':id')
  @ApiEndpoint({
    summary: 'Change a debt: any of its fields',
    ok: DebtResponse,
    errors: [400, 401, 404, 413, 415, 429],
  })
  async update(
    @CurrentUser() auth: AuthUser,
    @Param('id') id: string,
    @Body() body: DebtPatchDto,
  ): Promise<DebtJson> {
    return debtJson(await this.debts.update(auth.userId, id, debtChanges(body)));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiEndpoint({ summary: 'Delete a debt', noContent: 'Deleted', errors: [401, 404, 429] })
  async remove(@CurrentUser() auth: AuthUser, @Param('id') id: string): Promise<void> {
    if (!(await this.debts.deleteOwned(auth.userId, id))) throw DomainError.notFound();
  }

  @Post(':id/repay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a repayment of a debt' })
  @ApiOkResponse({
    type: DebtResponse,
    description: 'The debt after the repayment; paid off → closed. Above the remaining amount → 400.',
  })
  @ApiErrors(400, 401, 404, 413, 415, 429)
  async repay(
    @CurrentUser() auth: AuthUser,
    @Param('id') id: string,
    @Body() body: AmountBodyDto,
  ): Promise<DebtJson> {
    return debtJson((await this.debts.repay(auth.userId, id, body.amount)).debt);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiEndpoint({ summary: 'Close a debt by hand', ok: DebtResponse, errors: [401, 404, 429] })
  async close(@CurrentUser() auth: AuthUser, @Param('id') id: string): Promise<DebtJson> {
    return debtJson((await this.debts.close(auth.userId, id)).debt);
  }
}
