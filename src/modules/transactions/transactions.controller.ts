import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/errors';
import { ApiEndpoint } from '../../common/openapi/endpoint';
import { localDate } from '../../common/time/local-time';
import type { Request, Response } from 'express';
import { JwtAuthGuard } from '../../common/guards/jwt-auth.guard';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { DomainError } from '../../common/errors/domain-error';
import { paginated, readPagination } from '../../common/http/pagination';
import { AppConfig } from '../../config/app-config';
import { DownloadsService } from '../downloads/downloads.service';
import { UsersService } from '../users/users.service';
import type { User } from '../users/user.entity';
import { readIdempotencyKey, requestHash } from './idempotency';
import type { Transaction } from './transaction.entity';
import {
  newTransactionInput,
  ParseBodyDto,
  TransactionBodyDto,
  transactionInput,
  TransactionPatchDto,
} from './transactions.dto';
import {
  listFilter,
  listOrder,
  TransactionExportQueryDto,
  TransactionListQueryDto,
  WalletQueryDto,
} from './transactions.query';
import {
  balanceJson,
  replayedTransactionJson,
  TransactionJson,
  transactionJson,
} from './transactions.presenter';
import { TransactionsService, UserParseJson } from './transactions.service';
import {
  BalanceResponse,
  ParseResponse,
  TransactionPageResponse,
  TransactionResponse,
} from './transactions.responses';

const COLLECTION_PATH = '/api/transactions/';

@ApiTags('transactions')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('api/transactions')
export class TransactionsController {
  constructor(
    private readonly transactions: TransactionsService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
    private readonly downloads: DownloadsService,
  ) {}

  @Get()
  @ApiEndpoint({
    summary: 'Your transactions, filtered, a page at a time',
    ok: TransactionPageResponse,
    errors: [400, 401, 404],
  })
  async list(@CurrentUser() auth: AuthUser, @Query() query: TransactionListQueryDto, @Req() req: Request) {
    const user = await this.users.ofRequest(auth);
    const filter = listFilter(query, user.timezone);
    filter.wallet = await this.transactions.walletScope(auth.userId, query.wallet);
    const { page, pageSize } = readPagination(query);
    const { rows, count } = await this.transactions.list(
      auth.userId,
      filter,
      listOrder(query),
      page,
      pageSize,
    );
    const name = await this.transactions.categoryNames(
      auth.userId,
      user,
      rows.map((r) => r.category),
    );
    const json = rows.map((tx) => transactionJson(tx, name(tx.category)));
    return paginated(req, page, pageSize, count, json, this.config.publicUrl);
  }

  @Post()
  @ApiOperation({ summary: 'Record a transaction' })
  @ApiCreatedResponse({
    type: TransactionResponse,
    description: 'Recorded; a retry with the same Idempotency-Key and body answers the first response again',
    headers: {
      'Idempotent-Replayed': {
        description: '"true" when this is the stored first response to the same Idempotency-Key and body',
        schema: { type: 'string', enum: ['true'] },
      },
    },
  })
  @ApiErrors(400, 401, 409, 413, 415, 422, 429)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key and body returns the first response (24 h).',
  })
  async create(
    @CurrentUser() auth: AuthUser,
    @Body() body: TransactionBodyDto,
    @Headers('idempotency-key') keyHeader: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TransactionJson> {
    const { key, error } = readIdempotencyKey(keyHeader);
    if (error) throw new DomainError('validation', error);
    // Named only once recorded (a replay needs no names), with the user the service has read.
    const present = async (tx: Transaction, user: User) =>
      transactionJson(
        tx,
        (await this.transactions.categoryNames(auth.userId, user, [tx.category]))(tx.category),
      );
    const idem = key
      ? { key, requestHash: requestHash('POST', COLLECTION_PATH, req.body), response: present }
      : undefined;
    const outcome = await this.transactions.create(auth.userId, newTransactionInput(body), idem);
    if (!outcome.replayed) {
      res.status(201);
      return present(outcome.transaction, outcome.user);
    }
    res.status(outcome.status);
    res.setHeader('Idempotent-Replayed', 'true');
    return replayedTransactionJson(outcome.body);
  }

  @Get('balance')
  @ApiExtraModels(BalanceResponse)
  @ApiOperation({ summary: 'Your income, expense and balance per currency, and in your currency' })
  @ApiErrors(400, 401)
  @ApiOkResponse({
    description:
      "Totals per currency, and `converted`: everything in the user's currency at the Central Bank of Uzbekistan rates of `rate_date` " +
      "(null when a rate is missing; `rate_date` null when only the user's currency is present). `rates`: UZS per unit.",
    schema: {
      allOf: [{ $ref: getSchemaPath(BalanceResponse) }],
      example: {
        totals: [
          { currency: 'USD', income: '100.00', expense: '25.50', balance: '74.50' },
          { currency: 'UZS', income: '1000000.00', expense: '300000.00', balance: '700000.00' },
        ],
        converted: {
          currency: 'UZS',
          income: '2274119.00',
          expense: '624900.35',
          balance: '1649218.65',
          rate_date: '2026-11-28',
          rates: { USD: '12741.19' },
        },
        as_of: '2026-11-29T09:30:00.000Z',
      },
    },
  })
  async balance(@CurrentUser() auth: AuthUser, @Query() query: WalletQueryDto) {
    const user = await this.users.ofRequest(auth);
    const wallet = await this.transactions.walletScope(auth.userId, query.wallet);
    return balanceJson(await this.transactions.balanceSummary(auth.userId, user.currency, wallet));
  }

  @Post('parse')
  @HttpCode(200)
  @ApiEndpoint({
    summary: 'What a phrase means (nothing is saved)',
    ok: ParseResponse,
    errors: [400, 401, 413, 415, 429],
  })
  async parse(@CurrentUser() auth: AuthUser, @Body() body: ParseBodyDto): Promise<UserParseJson> {
    return this.transactions.parseForUser(auth.userId, body.text);
  }

  @Get('export')
  @ApiOperation({
    summary: 'All matching transactions as a CSV file (streamed)',
    description:
      'UTF-8 with a BOM (Excel reads Cyrillic), columns date (local time of the user), type, amount, currency, category, category_name, ' +
      'description, source; oldest first. Same filters as the list. Text cells are defused for spreadsheets: an apostrophe goes before ' +
      '= + - @, a tab or a carriage return at the start of a cell and after every , ; tab or line break inside it (docs/exports.md). ' +
      'Amounts are plain decimals. One export at a time per user (CSV or JSON).',
  })
  @ApiOkResponse({
    description: 'A CSV attachment',
    content: {
      'text/csv': {
        schema: {
          type: 'string',
          example: '\uFEFFdate,type,amount,currency,category,category_name,description,source\r\n',
        },
      },
    },
  })
  @ApiErrors(400, 401, 429, 503)
  async export(
    @CurrentUser() auth: AuthUser,
    @Query() query: TransactionExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const user = await this.users.ofRequest(auth);
    const filter = listFilter(query, user.timezone);
    filter.wallet = await this.transactions.walletScope(auth.userId, query.wallet);
    const day = localDate(new Date(), user.timezone);
    await this.downloads.send(
      res,
      auth.userId,
      { contentType: 'text/csv; charset=utf-8', filename: `ovozpay-transactions-${day}.csv` },
      this.transactions.exportCsv(auth.userId, filter, user.timezone, user.language),
    );
  }

  @Get(':id')
  @ApiEndpoint({
    summary: "One of your transactions, or one of your household's",
    ok: TransactionResponse,
    errors: [401, 404],
  })
  async get(@CurrentUser() auth: AuthUser, @Param('id') id: string): Promise<TransactionJson> {
    return this.present(auth.userId, await this.transactions.getVisible(auth.userId, id));
  }

  @Put(':id')
  @ApiEndpoint({
    summary: 'Replace a transaction (type and amount required)',
    ok: TransactionResponse,
    errors: [400, 401, 403, 404, 413, 415, 429],
  })
  async replace(
    @CurrentUser() auth: AuthUser,
    @Param('id') id: string,
    @Body() body: TransactionBodyDto,
  ): Promise<TransactionJson> {
    return this.present(auth.userId, await this.transactions.update(auth.userId, id, transactionInput(body)));
  }

  @Patch(':id')
  @ApiEndpoint({
    summary: 'Change a transaction: any of its fields',
    ok: TransactionResponse,
    errors: [400, 401, 403, 404, 413, 415, 429],
  })
  async update(
    @CurrentUser() auth: AuthUser,
    @Param('id') id: string,
    @Body() body: TransactionPatchDto,
  ): Promise<TransactionJson> {
    return this.present(auth.userId, await this.transactions.update(auth.userId, id, transactionInput(body)));
  }

  private async present(userId: string, tx: Transaction): Promise<TransactionJson> {
    return transactionJson(
      tx,
      (await this.transactions.categoryNames(userId, undefined, [tx.category]))(tx.category),
    );
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiEndpoint({
    summary: "Delete a transaction: your own, or (the household's owner) any of the household's",
    noContent: 'Deleted',
    errors: [401, 403, 404, 429],
  })
  async remove(@CurrentUser() auth: AuthUser, @Param('id') id: string): Promise<void> {
    await this.transactions.deleteVisible(auth.userId, id);
  }
}
