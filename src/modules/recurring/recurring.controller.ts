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
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { DomainError } from '../../common/errors/domain-error';
import { JwtAuthGuard } from '../../common/guards/jwt-auth.guard';
import { paginated, readPagination } from '../../common/http/pagination';
import { ApiEndpoint } from '../../common/openapi/endpoint';
import { PageQueryDto } from '../../common/validation/page-query.dto';
import { AppConfig } from '../../config/app-config';
import { RecurringBodyDto, recurringChanges, RecurringPatchDto } from './recurring.dto';
import { RecurringJson, recurringJson } from './recurring.presenter';
import { RecurringPageResponse, RecurringResponse } from './recurring.responses';
import { RecurringService } from './recurring.service';

@ApiTags('recurring')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('api/recurring')
export class RecurringController {
  constructor(
    private readonly recurring: RecurringService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiEndpoint({
    summary: 'Your recurring payments and incomes',
    ok: RecurringPageResponse,
    errors: [400, 401, 404],
  })
  async list(@CurrentUser() auth: AuthUser, @Query() query: PageQueryDto, @Req() req: Request) {
    const { page, pageSize } = readPagination(query);
    const { rows, count } = await this.recurring.list(auth.userId, page, pageSize);
    return paginated(req, page, pageSize, count, rows.map(recurringJson), this.config.publicUrl);
  }

  @Post()
  @ApiEndpoint({
    summary: 'Add a recurring payment or income',
    created: RecurringResponse,
    errors: [400, 401, 413, 415, 429],
  })
  async create(@CurrentUser() auth: AuthUser, @Body() body: RecurringBodyDto): Promise<RecurringJson> {
    const { paused: _paused, ...changes } = recurringChanges(body);
    return recurringJson(
      await this.recurring.create(auth.userId, {
        ...changes,
        type: body.type,
        amountMinor: body.amount,
        every: body.every,
        day: body.day,
      }),
    );
  }

  @Get(':id')
  @ApiEndpoint({ summary: 'One of your recurring payments', ok: RecurringResponse, errors: [401, 404] })
  async get(@CurrentUser() auth: AuthUser, @Param('id') id: string): Promise<RecurringJson> {
    return recurringJson(await this.recurring.getOwned(auth.userId, id));
  }

  @Patch(':id')
  @ApiEndpoint({
    summary: 'Change a recurring payment: any of its fields, or pause / resume it',
    ok: RecurringResponse,
    errors: [400, 401, 404, 413, 415, 429],
  })
  async update(
    @CurrentUser() auth: AuthUser,
    @Param('id') id: string,
    @Body() body: RecurringPatchDto,
  ): Promise<RecurringJson> {
    return recurringJson(await this.recurring.update(auth.userId, id, recurringChanges(body)));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiEndpoint({ summary: 'Delete a recurring payment', noContent: 'Deleted', errors: [401, 404, 429] })
  async remove(@CurrentUser() auth: AuthUser, @Param('id') id: string): Promise<void> {
    if (!(await this.recurring.deleteOwned(auth.userId, id))) throw DomainError.notFound();
  }
}
