import type { Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time, so they must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("areas")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("parent_code", "text", (c) => c.references("areas.code"))
    .addColumn("adult_population", "integer", (c) => c.notNull())
    .addColumn("population_year", "integer", (c) => c.notNull())
    .addColumn("population_source", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("areas_level_idx").on("areas").column("level").execute();

  await db.schema
    .createTable("organisations")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("area_code", "text", (c) => c.notNull().references("areas.code"))
    .addColumn("lat", "double precision")
    .addColumn("lon", "double precision")
    .addColumn("opened_on", "text")
    .addColumn("closed_on", "text")
    .addColumn("successor_code", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("organisations_area_idx").on("organisations").column("area_code").execute();

  await db.schema
    .createTable("survey_waves")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("fieldwork_start", "text")
    .addColumn("fieldwork_end", "text")
    .addColumn("synthetic", "integer", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("import_batches")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("checksum", "text", (c) => c.notNull())
    .addColumn("wave_id", "text", (c) => c.notNull())
    .addColumn("row_count", "integer", (c) => c.notNull())
    .addColumn("imported_by", "text", (c) => c.notNull())
    .addColumn("imported_at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("import_batches_checksum_idx")
    .on("import_batches")
    .column("checksum")
    .execute();

  await db.schema
    .createTable("survey_returns")
    .addColumn("wave_id", "text", (c) => c.notNull().references("survey_waves.id"))
    .addColumn("org_code", "text", (c) => c.notNull().references("organisations.code"))
    .addColumn("provision", "text", (c) => c.notNull())
    .addColumn("stage", "text")
    .addColumn("courses_run", "integer")
    .addColumn("places_offered", "integer")
    .addColumn("participants_started", "integer")
    .addColumn("participants_completed", "integer")
    .addColumn("teachers_trained", "integer")
    .addColumn("teachers_active", "integer")
    .addColumn("median_wait_weeks", "double precision")
    .addColumn("delivery_mode", "text")
    .addColumn("champion_present", "integer")
    .addColumn("leadership_support", "integer")
    .addColumn("commissioner_support", "integer")
    .addColumn("facilitators", "text", (c) => c.notNull())
    .addColumn("barriers", "text", (c) => c.notNull())
    .addColumn("funding_sources", "text", (c) => c.notNull())
    .addColumn("notes", "text")
    .addColumn("batch_id", "text", (c) => c.notNull().references("import_batches.id"))
    .addPrimaryKeyConstraint("survey_returns_pk", ["wave_id", "org_code"])
    .execute();
  await db.schema.createIndex("survey_returns_org_idx").on("survey_returns").column("org_code").execute();

  await db.schema
    .createTable("meta")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "survey_returns",
    "import_batches",
    "survey_waves",
    "organisations",
    "areas",
    "meta",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
