import { z } from "zod";

const flag = z
  .enum(["0", "1", "true", "false"])
  .transform((v) => v === "1" || v === "true")
  .optional();

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The public origin respondent links start with: https (http only for this machine: a link's token must not
 * cross a network in clear text), no credentials, path, query or fragment. A trailing slash is dropped.
 */
const publicUrl = z
  .string()
  .url()
  .transform((raw, ctx) => {
    const url = new URL(raw);
    const problem = (message: string) => {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    if (url.protocol !== "https:" && url.protocol !== "http:") return problem("must be an http(s) URL");
    if (url.protocol === "http:" && !LOOPBACK.has(url.hostname))
      return problem("must be https (links carry a private token); http is allowed for localhost only");
    if (url.username || url.password) return problem("must not carry a user name or password");
    if (url.search || url.hash || url.pathname !== "/")
      return problem("must be an origin only, e.g. https://atlas.example.nhs.uk (the Atlas is served at /)");
    return url.origin;
  });

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().optional(),
  /** Bearer token for POST /api/imports; unset turns HTTP imports off. */
  ATLAS_ADMIN_TOKEN: z.string().min(16, "ATLAS_ADMIN_TOKEN must be at least 16 characters").optional(),
  /** 0 leaves the synthetic demo waves out of an empty database. */
  ATLAS_DEMO: flag,
  /** Optional raster basemap tiles (e.g. an internal tile server); the map works without one. */
  ATLAS_TILE_URL: z.string().url().optional(),
  /** Attribution shown on the map for that basemap, e.g. "© OpenStreetMap contributors". */
  ATLAS_TILE_ATTRIBUTION: z.string().max(300).optional(),
  /** Where respondents reach this server, e.g. https://atlas.example.nhs.uk: respondent links start with it. */
  ATLAS_PUBLIC_URL: publicUrl.optional(),
  LOG_LEVEL: z.enum(["silent", "error", "info", "debug"]).default("info"),
  /** Largest accepted import body, in bytes. */
  ATLAS_MAX_IMPORT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  adminToken: string | undefined;
  loadDemo: boolean;
  tileUrl: string | undefined;
  tileAttribution: string | undefined;
  logLevel: "silent" | "error" | "info" | "debug";
  maxImportBytes: number;
  /** The base of respondent links; null when ATLAS_PUBLIC_URL is not set (see publicBaseUrl). */
  publicUrl: string | null;
}

/** The base URL respondent links start with: ATLAS_PUBLIC_URL, else this machine on the configured port. */
export function publicBaseUrl(config: Pick<Config, "publicUrl" | "port">): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}

/**
 * Reads and validates configuration from the environment. The only place that touches process.env;
 * everything else receives a Config.
 */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n  ${lines.join("\n  ")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    adminToken: e.ATLAS_ADMIN_TOKEN,
    loadDemo: e.ATLAS_DEMO ?? true,
    tileUrl: e.ATLAS_TILE_URL,
    tileAttribution: e.ATLAS_TILE_ATTRIBUTION,
    logLevel: e.LOG_LEVEL,
    maxImportBytes: e.ATLAS_MAX_IMPORT_BYTES,
    publicUrl: e.ATLAS_PUBLIC_URL ?? null,
  };
}

/** Defaults for tests: quiet, no token, demo off. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...readConfig({ LOG_LEVEL: "silent", ATLAS_DEMO: "0" }), ...overrides };
}
