import {
  type AtlasIndex,
  BASES,
  DEFAULT_NEED_CONTEXT,
  METRIC_IDS,
  NEED_PARAMETERS,
  type NeedContext,
  type NeedParameterId,
  parseNeedAssumptions,
  REPORT_LEVELS,
  UK_CODE,
  WAVE_ID_PATTERN,
  type Wave,
} from "@atlas/domain";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AtlasCache, AtlasView } from "../data/atlas-cache";
import type { AppEnv } from "../deps";
import { ProblemError } from "../problem";

/** Query parameters shared by the data routes; each documents its default in the OpenAPI description. */
export const waveParam = z
  .string()
  .regex(WAVE_ID_PATTERN, "a wave is YYYY or YYYY-MM, e.g. 2024")
  .optional()
  .openapi({ description: "Survey wave id (YYYY or YYYY-MM); default the latest wave", example: "2024" });
export const levelParam = z
  .enum(REPORT_LEVELS)
  .default("local")
  .openapi({ description: "Reporting level; default local" });
export const metricParam = z
  .enum(METRIC_IDS)
  .default("offering_pct")
  .openapi({ description: "Metric id (see /api/metrics); default offering_pct" });
export const basisParam = z.enum(BASES).default("recorded").openapi({
  description: "recorded: organisations as they were; current: re-based to today's organisations",
});
export const codeListParam = z
  .string()
  .max(2000)
  .regex(/^[A-Za-z0-9]+(,[A-Za-z0-9]+)*$/, "a comma-separated list of codes, e.g. E40000003,E40000005")
  .optional();
export const areaCodeParam = z
  .string()
  .regex(/^[A-Za-z0-9]{1,20}$/, "an area code, e.g. E54000027")
  .optional()
  .openapi({ description: "Area code at any level (nation, region or local); default all" });

export const includeParam = z.enum(["drafts"]).optional().openapi({
  description:
    "drafts: include draft waves, for the survey team to check before publication. Needs `Authorization: Bearer <ATLAS_ADMIN_TOKEN>` (401/403 otherwise); the answer is `Cache-Control: private, no-store`, without an ETag",
});

/** The data a read may see: the public view, or with `include=drafts` (checked by draftsAccess) the admin view. */
export function dataView(atlas: AtlasCache, c: Context<AppEnv>): Promise<AtlasView> {
  return atlas.current(c.get("dataVersion"), c.get("includeDrafts") === true);
}

/**
 * The flags a response carrying these waves' values sends (see WAVE_FLAG_FIELDS): which are provisional,
 * and (only where one is, i.e. in an admin read) which are drafts.
 */
export function waveFlags(index: AtlasIndex, waveIds: Iterable<string>) {
  const waves = [...new Set(waveIds)]
    .sort()
    .map((id) => index.waveById.get(id))
    .filter((w): w is Wave => w !== undefined);
  const provisionalWaves = waves.filter((w) => w.provisional === true).map((w) => w.id);
  const draftWaves = waves.filter((w) => w.published === false).map((w) => w.id);
  return {
    provisional: provisionalWaves.length > 0,
    provisionalWaves,
    ...(draftWaves.length > 0 ? { draftWaves } : {}),
  };
}

/** Largest number of codes one trends request may name. */
export const MAX_CODES = 100;

/** The wave named (404 if unknown), or the latest wave when none is named (404 if there are none). */
export function resolveWave(index: AtlasIndex, id: string | undefined, parameter = "wave"): Wave {
  const allowed = index.waves.map((w) => w.id);
  if (id === undefined) {
    const latest = index.waves.at(-1);
    if (!latest) throw new ProblemError("not_found", "No survey waves have been imported yet.");
    return latest;
  }
  const wave = index.waveById.get(id);
  if (!wave) {
    throw new ProblemError(
      "not_found",
      `${parameter}: no wave "${id}"; known waves: ${allowed.join(", ") || "none"}`,
      [{ parameter, message: `unknown wave "${id}"`, allowed }],
    );
  }
  return wave;
}

/** An area code at any level (404 if unknown). */
export function resolveArea(index: AtlasIndex, code: string, parameter = "area"): string {
  if (!index.areaByCode.has(code)) {
    throw new ProblemError("not_found", `${parameter}: no area "${code}"`, [
      { parameter, message: `unknown area "${code}"` },
    ]);
  }
  return code;
}

/**
 * Splits a code list and checks every code is a node of the level (an area of that level, the UK at nation
 * level, or an organisation); 404 names the unknown codes, 400 a list that is too long.
 */
export function resolveCodes(
  index: AtlasIndex,
  level: (typeof REPORT_LEVELS)[number],
  list: string | undefined,
  parameter = "areas",
): string[] | null {
  if (list === undefined) return null;
  const codes = [...new Set(list.split(","))];
  if (codes.length > MAX_CODES) {
    throw new ProblemError("bad_request", `${parameter}: at most ${MAX_CODES} codes`, [
      { parameter, message: `at most ${MAX_CODES} codes, got ${codes.length}` },
    ]);
  }
  const known = (code: string) =>
    level === "organisation"
      ? index.orgByCode.has(code)
      : index.areaByCode.get(code)?.level === level || (level === "nation" && code === UK_CODE);
  const unknown = codes.filter((c) => !known(c));
  if (unknown.length > 0) {
    throw new ProblemError(
      "not_found",
      `${parameter}: no ${level} with code ${unknown.map((c) => `"${c}"`).join(", ")}`,
      [{ parameter, message: `unknown at level ${level}: ${unknown.join(", ")}` }],
    );
  }
  return codes;
}

/**
 * The need model's assumptions as query parameters (each optional, default as in GET /api/metrics
 * `needModel`). Read as text and checked by the domain's parseNeedAssumptions, so the bounds live in one place.
 */
export const needParams = Object.fromEntries(
  NEED_PARAMETERS.map((p) => [
    p.id,
    z
      .string()
      .max(20)
      .optional()
      .openapi({
        description: `Need model: ${p.label} (${p.unit}); default ${p.default}, from ${p.min} to ${p.max}${p.integer ? ", whole" : ""}. Source: ${p.source}`,
        example: String(p.default),
      }),
  ]),
) as Record<NeedParameterId, z.ZodOptional<z.ZodString>>;

/** The assumptions of a validated query (400 naming each bad parameter and its bounds). */
export function resolveNeed(query: Partial<Record<NeedParameterId, string | undefined>>): NeedContext {
  const given = NEED_PARAMETERS.some((p) => query[p.id] !== undefined);
  if (!given) return DEFAULT_NEED_CONTEXT;
  const { assumptions, problems } = parseNeedAssumptions(query);
  if (problems.length > 0) {
    throw new ProblemError(
      "bad_request",
      `Invalid need assumptions: ${problems.map((p) => `${p.parameter}: ${p.message}`).join("; ")}`,
      problems.map((p) => ({
        parameter: p.parameter,
        value: p.value,
        message: `${p.parameter}: ${p.message}`,
      })),
    );
  }
  return { assumptions };
}
