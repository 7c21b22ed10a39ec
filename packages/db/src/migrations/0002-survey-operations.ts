import { type Kysely, sql } from "kysely";

// Frozen once shipped: never edit a migration that has shipped; add a new one.
// Survey operations (issue 11): drafts and publication, provisional waves, a per-wave revision counter the
// data cache keys on, who made each import (a label beside the technical origin), its mode, and a
// revision history of every return.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time, so they must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  // SQLite adds one column per ALTER TABLE statement.
  // Existing waves were public the moment they were imported: they stay published.
  await db.schema
    .alterTable("survey_waves")
    .addColumn("published", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable("survey_waves")
    .addColumn("provisional", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("survey_waves").addColumn("published_at", "text").execute();
  await db.schema.alterTable("survey_waves").addColumn("published_by", "text").execute();
  await db.schema
    .alterTable("survey_waves")
    .addColumn("revision", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update survey_waves set published_at = (select max(b.imported_at) from import_batches b where b.wave_id = survey_waves.id)`.execute(
    db,
  );

  await db.schema.alterTable("import_batches").addColumn("mode", "text").execute();
  await db.schema.alterTable("import_batches").addColumn("by_label", "text").execute();

  await db.schema
    .createTable("return_revisions")
    .addColumn("batch_id", "text", (c) => c.notNull().references("import_batches.id"))
    .addColumn("wave_id", "text", (c) => c.notNull())
    .addColumn("org_code", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("changed_fields", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("return_revisions_pk", ["batch_id", "org_code"])
    .execute();
  await db.schema
    .createIndex("return_revisions_org_idx")
    .on("return_revisions")
    .columns(["org_code", "wave_id"])
    .execute();
  await db.schema.createIndex("return_revisions_wave_idx").on("return_revisions").column("wave_id").execute();
  // Every stored return was added by the batch it came from.
  await sql`insert into return_revisions (batch_id, wave_id, org_code, action, changed_fields)
    select batch_id, wave_id, org_code, 'added', '' from survey_returns`.execute(db);

  // Public reads key on their own version, so a draft import leaves public ETags alone.
  await sql`insert into meta (key, value) select 'public_data_version', value from meta where key = 'data_version'`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("return_revisions").ifExists().execute();
  await sql`delete from meta where key = 'public_data_version'`.execute(db);
  for (const column of ["published", "provisional", "published_at", "published_by", "revision"]) {
    await db.schema.alterTable("survey_waves").dropColumn(column).execute();
  }
  for (const column of ["mode", "by_label"]) {
    await db.schema.alterTable("import_batches").dropColumn(column).execute();
  }
}
