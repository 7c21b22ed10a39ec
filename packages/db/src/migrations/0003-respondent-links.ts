import type { Kysely } from "kysely";

// Frozen once shipped: never edit a migration that has shipped; add a new one.
// Respondent links (issue 12): one private link per invited organisation and wave, stored only as the
// SHA-256 of its token, and the draft a respondent saves as they go (one per link).
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time, so they must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("response_links")
    .addColumn("id", "text", (c) => c.primaryKey())
    // No reference to survey_waves: links are made before a wave's first return creates it.
    .addColumn("wave_id", "text", (c) => c.notNull())
    .addColumn("org_code", "text", (c) => c.notNull().references("organisations.code"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("created_origin", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("opened_at", "text")
    .addColumn("last_opened_at", "text")
    .addColumn("submitted_at", "text")
    .addColumn("revoked_at", "text")
    .addColumn("revoked_reason", "text")
    .addColumn("revoked_by", "text")
    .execute();
  await db.schema
    .createIndex("response_links_wave_org_idx")
    .on("response_links")
    .columns(["wave_id", "org_code"])
    .execute();

  await db.schema
    .createTable("response_drafts")
    .addColumn("link_id", "text", (c) => c.primaryKey().references("response_links.id"))
    // The answers as survey-format cells, JSON: a draft may hold what is not valid yet.
    .addColumn("cells", "text", (c) => c.notNull())
    .addColumn("respondent_role", "text")
    .addColumn("saved_at", "text", (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("response_drafts").ifExists().execute();
  await db.schema.dropTable("response_links").ifExists().execute();
}
