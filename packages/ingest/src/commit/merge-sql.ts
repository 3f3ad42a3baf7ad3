import { type KindSpec, toSnakeCase } from "../specs/column-spec";

/** The temp table a batch is COPYed into before the merge; dropped at commit. */
export const STAGE_TABLE = "ingest_stage";

/** Table columns a kind writes, in COPY order: period first for periodic kinds. */
export function stageColumns(spec: KindSpec): string[] {
  return [...(spec.isPeriodic ? ["period"] : []), ...spec.dbFields.map(toSnakeCase)];
}

function keyColumns(spec: KindSpec): string[] {
  return spec.keyFields.map(toSnakeCase);
}

function dataColumns(spec: KindSpec): string[] {
  const keys = new Set(keyColumns(spec));
  return stageColumns(spec).filter((column) => !keys.has(column));
}

/** Key equality; nullable key columns (FTP's open-ended bucket) use IS NOT DISTINCT FROM, others `=` so joins can hash. */
function keysMatch(spec: KindSpec, left: string, right: string): string {
  const nullable = new Set((spec.nullableKeyFields ?? []).map(toSnakeCase));
  return keyColumns(spec)
    .map((column) =>
      nullable.has(column)
        ? `${left}.${column} is not distinct from ${right}.${column}`
        : `${left}.${column} = ${right}.${column}`,
    )
    .join(" and ");
}

/** The text natural_key of import_row_history: a JSON array of the key values. */
export function naturalKeySql(spec: KindSpec, alias: string): string {
  return `jsonb_build_array(${keyColumns(spec)
    .map((column) => `${alias}.${column}`)
    .join(", ")})::text`;
}

function rowDiffers(spec: KindSpec, left: string, right: string): string {
  const columns = dataColumns(spec);
  return `(${columns.map((column) => `${left}.${column}`).join(", ")}) is distinct from (${columns.map((column) => `${right}.${column}`).join(", ")})`;
}

/** Columns of a spooled row, in COPY order: the table columns a kind writes, then the batch id. */
export function spoolColumns(spec: KindSpec): string[] {
  return [...stageColumns(spec), "import_batch_id"];
}

export function createStageSql(spec: KindSpec): string {
  return `create temp table ${STAGE_TABLE} on commit drop as select ${spoolColumns(spec).join(", ")} from ${spec.table} with no data`;
}

/**
 * Whether the period ($1) holds no rows of a periodic kind: then the batch can only insert (no before-images, no
 * updates, nothing to replace) and its rows are COPYed straight into the table, as fast as the database loads them.
 */
export function isPeriodEmptySql(spec: KindSpec): string {
  return `select not exists (select 1 from ${spec.table} where period = $1) as is_empty`;
}

/** Before-images of the rows the batch will change ($1 batch id). Unchanged rows are left alone. */
export function recordUpdatesSql(spec: KindSpec): string {
  return `with recorded as (
    insert into import_row_history (batch_id, natural_key, before)
    select $1::uuid, ${naturalKeySql(spec, "t")}, to_jsonb(t)
    from ${STAGE_TABLE} s join ${spec.table} t on ${keysMatch(spec, "t", "s")}
    where ${rowDiffers(spec, "t", "s")}
    returning 1)
  select count(*)::int as n from recorded`;
}

/**
 * Replace mode: rows of the period ($2, periodic kinds only) — for FTP, of the effective dates in the
 * file — missing from the file are deleted, their before-images recorded ($1 batch id).
 */
export function replaceDeletesSql(spec: KindSpec): string {
  const scope = spec.isPeriodic
    ? "t.period = $2"
    : `t.effective_from in (select distinct effective_from from ${STAGE_TABLE})`;
  return `with gone as (
    delete from ${spec.table} t
    where ${scope} and not exists (select 1 from ${STAGE_TABLE} s where ${keysMatch(spec, "t", "s")})
    returning t.*),
  recorded as (
    insert into import_row_history (batch_id, natural_key, before)
    select $1::uuid, ${naturalKeySql(spec, "gone")}, to_jsonb(gone) from gone
    returning 1)
  select count(*)::int as n from recorded`;
}

/** Inserts new rows and updates changed ones by natural key, stamping the batch id ($1). */
export function upsertSql(spec: KindSpec): string {
  const columns = stageColumns(spec);
  const updates = [
    ...dataColumns(spec).map((column) => `${column} = excluded.${column}`),
    "import_batch_id = excluded.import_batch_id",
    ...(spec.updateExtras ? [spec.updateExtras] : []),
  ];
  return `with written as (
    insert into ${spec.table} (${columns.join(", ")}, import_batch_id)
    select ${columns.join(", ")}, $1::uuid from ${STAGE_TABLE}
    on conflict (${keyColumns(spec).join(", ")}) do update set ${updates.join(", ")}
    where ${rowDiffers(spec, spec.table, "excluded")}
    returning (xmax = 0) as is_inserted)
  select (count(*) filter (where is_inserted))::int as inserted, (count(*) filter (where not is_inserted))::int as updated from written`;
}

/** Rollback, step 1: rows the batch inserted (its id, no before-image) are deleted. */
export function deleteInsertedSql(spec: KindSpec): string {
  return `with gone as (
    delete from ${spec.table} t
    where t.import_batch_id = $1::uuid
      and not exists (select 1 from import_row_history h where h.batch_id = $1::uuid and h.natural_key = ${naturalKeySql(spec, "t")})
    returning 1)
  select count(*)::int as n from gone`;
}

/** Rollback, step 2: before-images are written back (rows updated are restored, rows deleted re-inserted). */
export function restoreBeforeImagesSql(
  spec: KindSpec,
  tableColumns: readonly { name: string; isIdentity: boolean }[],
): string {
  const keys = new Set(keyColumns(spec));
  const names = tableColumns.map((column) => column.name);
  const updates = tableColumns
    .filter((column) => !keys.has(column.name) && !column.isIdentity)
    .map((column) => `${column.name} = excluded.${column.name}`);
  const overriding = tableColumns.some((column) => column.isIdentity) ? "overriding system value" : "";
  return `with restored as (
    insert into ${spec.table} (${names.join(", ")}) ${overriding}
    select ${names.map((name) => `r.${name}`).join(", ")}
    from import_row_history h, jsonb_populate_record(null::${spec.table}, h.before) r
    where h.batch_id = $1::uuid and h.before is not null
    on conflict (${keyColumns(spec).join(", ")}) do update set ${updates.join(", ")}
    returning 1)
  select count(*)::int as n from restored`;
}
