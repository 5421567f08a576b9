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
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { JwtAuthGuard } from '../../common/guards/jwt-auth.guard';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { DomainError } from '../../common/errors/domain-error';
import type { TransactionType } from '../nlu/nlu.types';
import { CreateCategoryDto, LearnedCategoryResponseDto, RenameCategoryDto } from './categories.dto';
import { bodyObject } from '../../common/http/body';
import { CategoriesService, CategoryJson, LearnedCategoryJson } from './categories.service';

@ApiTags('categories')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('api/categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @ApiQuery({ name: 'type', required: false, enum: ['expense', 'income'] })
  list(@CurrentUser() auth: AuthUser, @Query('type') type?: string): Promise<CategoryJson[]> {
    if (type !== undefined && type !== '' && type !== 'income' && type !== 'expense') {
      throw DomainError.validation(
        'type',
        `Select a valid choice. ${type} is not one of the available choices.`,
      );
    }
    return this.categories.list(auth.userId, (type || undefined) as TransactionType | undefined);
  }

  @Post()
  create(@CurrentUser() auth: AuthUser, @Body() body: CreateCategoryDto): Promise<CategoryJson> {
    return this.categories.create(auth.userId, bodyObject(body));
  }

  // Declared before ':id', so "learned" is not read as a category id.
  @Get('learned')
  @ApiOperation({
    summary: 'Words learned from your category corrections',
    description:
      'Changing a record’s category (the bot’s 🏷 buttons, PATCH/PUT of a transaction) teaches the key word of its description: ' +
      'the bot and POST /api/transactions/parse/ then use that category first for records of the same type naming the word.',
  })
  @ApiOkResponse({ type: LearnedCategoryResponseDto, isArray: true })
  listLearned(@CurrentUser() auth: AuthUser): Promise<LearnedCategoryJson[]> {
    return this.categories.listLearned(auth.userId);
  }

  @Delete('learned/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Forget a learned word' })
  @ApiNoContentResponse({ description: 'Forgotten: the parser’s category applies again.' })
  @ApiNotFoundResponse({ description: 'No such word of yours.' })
  async forgetLearned(@CurrentUser() auth: AuthUser, @Param('id') id: string): Promise<void> {
    await this.categories.forgetLearned(auth.userId, id);
  }

  @Get(':id')
  get(@CurrentUser() auth: AuthUser, @Param('id') id: string): Promise<CategoryJson> {
    return this.categories.get(auth.userId, id);
  }

  @Patch(':id')
  rename(
    @CurrentUser() auth: AuthUser,
    @Param('id') id: string,
    @Body() body: RenameCategoryDto,
  ): Promise<CategoryJson> {
    return this.categories.rename(auth.userId, id, bodyObject(body));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() auth: AuthUser, @Param('id') id: string): Promise<void> {
    await this.categories.remove(auth.userId, id);
  }
}
