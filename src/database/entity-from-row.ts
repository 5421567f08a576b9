import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * An entity built from a raw row of its table (columns by their database names, as `SELECT t.*` gives them), with
 * the same per-column conversion TypeORM's own reads apply (value transformers, booleans, dates). For hot statements
 * written by hand that read an entity beside other things in one round trip (docs/benchmarks-analysis.md, issue 16).
 */
export function entityFromRow<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  row: Record<string, unknown>,
): T {
  const metadata = dataSource.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    if (!(column.databaseName in row)) continue;
    column.setEntityValue(entity, dataSource.driver.prepareHydratedValue(row[column.databaseName], column));
  }
  return entity;
}
