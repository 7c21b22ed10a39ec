import { z } from "zod";

export type DatabaseConfig =
  | { kind: "sqlite"; path: string }
  | { kind: "postgres"; url: string; schema?: string | undefined };
export type DatabaseKind = DatabaseConfig["kind"];

/** Where the embedded database lives when DATABASE_URL is unset. */
export const DEFAULT_SQLITE_PATH = "var/atlas.sqlite";

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Reads a DATABASE_URL: unset or `sqlite:PATH` → embedded SQLite; `postgres://` or `postgresql://` → PostgreSQL.
 * A `?schema=NAME` parameter on a PostgreSQL URL selects the schema (tests use it for isolation).
 * @example parseDatabaseUrl("sqlite:var/atlas.sqlite") // { kind: "sqlite", path: "var/atlas.sqlite" }
 */
export function parseDatabaseUrl(url: string | undefined): DatabaseConfig {
  if (url === undefined || url.trim() === "") return { kind: "sqlite", path: DEFAULT_SQLITE_PATH };
  if (url.startsWith("sqlite:")) {
    const path = url.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
    if (path === "") throw new Error("DATABASE_URL: sqlite: needs a file path, e.g. sqlite:var/atlas.sqlite");
    return { kind: "sqlite", path };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const parsed = z.url().safeParse(url);
    if (!parsed.success) throw new Error("DATABASE_URL: not a valid postgres:// URL");
    const u = new URL(url);
    const schema = u.searchParams.get("schema") ?? undefined;
    if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
      throw new Error(`DATABASE_URL: schema "${schema}" must match ${SCHEMA_NAME}`);
    }
    u.searchParams.delete("schema");
    return { kind: "postgres", url: u.toString(), schema };
  }
  throw new Error(
    `DATABASE_URL: unsupported scheme in "${url.split(":")[0]}:"; use sqlite:PATH or postgres://user@host:port/db`,
  );
}
