import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { CategoriesController } from './categories.controller';
import { CategoriesRepository } from './categories.repository';
import { CategoriesService } from './categories.service';
import { Category } from './category.entity';
import { LearnedCategoriesRepository } from './learned-categories.repository';
import { LearnedCategory } from './learned-category.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Category, LearnedCategory]), UsersModule],
  controllers: [CategoriesController],
  providers: [CategoriesRepository, LearnedCategoriesRepository, CategoriesService],
  exports: [CategoriesService],
})
export class CategoriesModule {}
