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

/**
 * A multi-row `INSERT INTO <table> (…) VALUES …` for entities, written without TypeORM's insert builder (issue 16:
 * the builder cost more CPU than the statement on the bot's hot path): every column the metadata knows except the
 * create/update dates, each value converted as TypeORM would persist it (transformers, dates); a value left undefined
 * is the column's DEFAULT. `tail` follows the VALUES (ON CONFLICT …, RETURNING …). Gives the SQL and its parameters.
 */
export function insertStatement<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  rows: ReadonlyArray<Partial<T>>,
  tail = '',
): { sql: string; params: unknown[] } {
  const metadata = dataSource.getMetadata(target);
  const columns = metadata.columns.filter((c) => !c.isCreateDate && !c.isUpdateDate);
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const values = columns.map((column) => {
      const value: unknown = column.getEntityValue(row);
      if (value === undefined) return 'DEFAULT';
      params.push(dataSource.driver.preparePersistentValue(value, column));
      return `$${params.length}`;
    });
    return `(${values.join(', ')})`;
  });
  const names = columns.map((c) => `"${c.databaseName}"`).join(', ');
  return {
    sql: `INSERT INTO "${metadata.tableName}" (${names}) VALUES ${tuples.join(', ')}${tail ? ` ${tail}` : ''}`,
    params,
  };
}

/** columnsOf's lists, made once per entity and alias (they are asked for on every update and request). */
const columnLists = new WeakMap<object, Map<string, string>>();

/**
 * The entity's columns by name, for a select list written by hand (`alias.col, …`): a statement that names its
 * columns keeps its result's shape when a migration adds one (prepared.ts).
 */
export function columnsOf(
  dataSource: DataSource,
  target: EntityTarget<ObjectLiteral>,
  alias: string,
): string {
  const metadata = dataSource.getMetadata(target);
  let lists = columnLists.get(metadata);
  if (!lists) columnLists.set(metadata, (lists = new Map()));
  let list = lists.get(alias);
  if (list === undefined) {
    list = metadata.columns.map((c) => `${alias}."${c.databaseName}"`).join(', ');
    lists.set(alias, list);
  }
  return list;
}
