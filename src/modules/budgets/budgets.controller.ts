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
import { JwtAuthGuard } from '../../common/guards/jwt-auth.guard';
import { paginated, readPagination } from '../../common/http/pagination';
import { ApiEndpoint } from '../../common/openapi/endpoint';
import { PageQueryDto } from '../../common/validation/page-query.dto';
import { AppConfig } from '../../config/app-config';
import { BudgetBodyDto, budgetChanges, BudgetPatchDto, newBudget } from './budgets.dto';
import { BudgetJson, budgetJson } from './budgets.presenter';
import { BudgetPageResponse, BudgetResponse } from './budgets.responses';
import { BudgetsService } from './budgets.service';

/** /api/budgets/ (docs/budgets.md): your budgets and your household's, with where each stands this period. */
@ApiTags('budgets')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('api/budgets')
export class BudgetsController {
  constructor(
    private readonly budgets: BudgetsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiEndpoint({
    summary: "Your budgets and your household's, a page at a time",
    ok: BudgetPageResponse,
    errors: [400, 401, 404],
  })
  async list(@CurrentUser() auth: AuthUser, @Query() query: PageQueryDto, @Req() req: Request) {
    const { page, pageSize } = readPagination(query);
    const all = await this.budgets.list(auth.userId);
    const rows = all.slice((page - 1) * pageSize, page * pageSize);
    return paginated(req, page, pageSize, all.length, rows.map(budgetJson), this.config.publicUrl);
  }

  @Post()
  @ApiEndpoint({ summary: 'Set a budget', created: BudgetResponse, errors: [400, 401, 413, 415, 429] })
  async create(@CurrentUser() auth: AuthUser, @Body() body: BudgetBodyDto): Promise<BudgetJson> {
    return budgetJson(await this.budgets.create(auth.userId, newBudget(body)));
  }

  @Get(':id')
  @ApiEndpoint({ summary: 'One budget you see', ok: BudgetResponse, errors: [401, 404] })
  async get(@CurrentUser() auth: AuthUser, @Param('id') id: string): Promise<BudgetJson> {
    return budgetJson(await this.budgets.get(auth.userId, id));
  }

  @Patch(':id')
  @ApiEndpoint({
    summary: 'Change a budget: any of its fields',
    ok: BudgetResponse,
    errors: [400, 401, 404, 413, 415, 429],
  })
  async update(
    @CurrentUser() auth: AuthUser,
    @Param('id') id: string,
    @Body() body: BudgetPatchDto,
  ): Promise<BudgetJson> {
    return budgetJson(await this.budgets.update(auth.userId, id, budgetChanges(body)));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiEndpoint({ summary: 'Delete a budget', noContent: 'Deleted', errors: [401, 404, 429] })
  async remove(@CurrentUser() auth: AuthUser, @Param('id') id: string): Promise<void> {
    await this.budgets.delete(auth.userId, id);
  }
}
