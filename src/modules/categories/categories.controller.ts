import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { JwtAuthGuard } from '../../common/guards/jwt-auth.guard';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { DomainError } from '../../common/errors/domain-error';
import type { TransactionType } from '../nlu/nlu.types';
import { CreateCategoryDto, RenameCategoryDto } from './categories.dto';
import { bodyObject } from '../../common/http/body';
import { CategoriesService, CategoryJson } from './categories.service';

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
      throw DomainError.validation('type', `Select a valid choice. ${type} is not one of the available choices.`);
    }
    return this.categories.list(auth.userId, (type || undefined) as TransactionType | undefined);
  }

  @Post()
  create(@CurrentUser() auth: AuthUser, @Body() body: CreateCategoryDto): Promise<CategoryJson> {
    return this.categories.create(auth.userId, bodyObject(body));
  }

  @Get(':id')
  get(@CurrentUser() auth: AuthUser, @Param('id') id: string): Promise<CategoryJson> {
    return this.categories.get(auth.userId, id);
  }

  @Patch(':id')
  rename(@CurrentUser() auth: AuthUser, @Param('id') id: string, @Body() body: RenameCategoryDto): Promise<CategoryJson> {
    return this.categories.rename(auth.userId, id, bodyObject(body));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() auth: AuthUser, @Param('id') id: string): Promise<void> {
    await this.categories.remove(auth.userId, id);
  }
}
