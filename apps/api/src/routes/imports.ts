import { listOrganisations } from "@atlas/db";
import { IMPORT_MODES, ImportSummarySchema, WAVE_ID_PATTERN } from "@atlas/domain";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppDeps, AppEnv } from "../deps";
import { importProblem } from "../import/import-problem";
import { IMPORT_RETRY_AFTER_SECONDS, inProcessImports } from "../import/run/import-runner";
import { surveyTemplateCsv, surveyTemplateXlsx, templateOrganisations } from "../import/template";
import { PROBLEM_CONTENT } from "../openapi/responses";
import { ADMIN, PUBLIC } from "../openapi/security";
import { ProblemError } from "../problem";
import { createRouter } from "../validation";
import { clientAddress } from "./admin-auth";

const CSV = "text/csv";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const RAW_TYPES = [CSV, XLSX, "application/octet-stream", "text/plain"];

const flag = z
  .enum(["true", "false", "1", "0"])
  .optional()
  .transform((v) => v === "true" || v === "1");

const importRoute = createRoute({
  method: "post",
  path: "/api/imports",
  operationId: "importSurveyFile",
  security: ADMIN,
  summary: "Validate and import a survey file (all or nothing); see data/survey-format.md",
  description:
    "The body is the file: text/csv (UTF-8, BOM optional), an XLSX workbook (the visible sheet whose first row names survey columns, or `sheet`), or multipart/form-data with the file in field `file`. Needs `Authorization: Bearer <ATLAS_ADMIN_TOKEN>`.",
  request: {
    // Documentation only: raw bodies are read by readUpload, not by a validator.
    body: {
      content: {
        [CSV]: { schema: z.string().openapi({ format: "binary" }) },
        [XLSX]: { schema: z.string().openapi({ format: "binary" }) },
      },
    },
    query: z.object({
      mode: z.enum(IMPORT_MODES).optional().openapi({
        description:
          "create (default): refuse waves that already have returns; add: add or update the file's returns and keep the wave's others; replace: the wave's returns become exactly the file's",
      }),
      replace: flag.openapi({ description: "The older spelling of mode=replace" }),
      dryRun: flag.openapi({ description: "Validate and report the diff per wave, storing nothing" }),
      draft: flag.openapi({
        description: "Waves the file creates are drafts: invisible to public reads until published",
      }),
      provisional: flag.openapi({ description: "Mark every wave in the file provisional" }),
      confirmShrink: flag.openapi({
        description: "Confirm a replace that removes more than 10% of a wave's stored returns",
      }),
      confirmWaves: z
        .string()
        .max(20_000)
        .regex(
          /^(19|20)\d{2}(-(0[1-9]|1[0-2]))?(,(19|20)\d{2}(-(0[1-9]|1[0-2]))?)*$/,
          "a comma-separated list of wave ids, e.g. 2026,2027",
        )
        .optional()
        .openapi({
          description:
            "Confirm that the file holds exactly these waves (needed when its rows name more than one wave), e.g. 2026,2027",
        }),
      by: z.string().max(200).optional().openapi({
        description: "Who is importing (a name or initials, up to 60 characters), recorded with every change",
      }),
      synthetic: flag.openapi({
        description: "Mark the waves synthetic (always so when the file name contains 'synthetic')",
      }),
      fileName: z
        .string()
        .max(255)
        .optional()
        .openapi({ description: "The file's name, for a raw (non-multipart) body" }),
      sheet: z.string().min(1).max(255).optional().openapi({
        description:
          "The workbook sheet to read (XLSX); without it, the one visible sheet whose first row names survey columns. Hidden sheets are never read.",
      }),
    }),
  },
  responses: {
    201: { description: "Imported", content: { "application/json": { schema: ImportSummarySchema } } },
    200: {
      description: "Dry run, or the identical file was already imported (nothing changed)",
      content: { "application/json": { schema: ImportSummarySchema } },
    },
    401: { description: "No valid admin token", content: PROBLEM_CONTENT },
    403: { description: "HTTP imports are off (no ATLAS_ADMIN_TOKEN)", content: PROBLEM_CONTENT },
    400: { description: "A bad option (e.g. by, or mode with replace)", content: PROBLEM_CONTENT },
    409: {
      description:
        "A wave in the file already has returns (use mode=add or mode=replace), a draft import names a published wave, or the import needs a confirmation (confirmWaves, confirmShrink): problem type confirmation-required, with `waves` holding the diff",
      content: PROBLEM_CONTENT,
    },
    413: { description: "The body is over the size limit", content: PROBLEM_CONTENT },
    415: { description: "Not CSV, XLSX or multipart", content: PROBLEM_CONTENT },
    422: {
      description: "The file is invalid: every problem with file, row and column",
      content: PROBLEM_CONTENT,
    },
    429: { description: "Too many failed attempts from this address", content: PROBLEM_CONTENT },
    503: {
      description: "Another import is running in this process (one at a time; see Retry-After)",
      content: PROBLEM_CONTENT,
    },
  },
});

const templateRoute = (format: "csv" | "xlsx") =>
  createRoute({
    method: "get",
    path: `/api/imports/template.${format}`,
    operationId: format === "csv" ? "getSurveyTemplateCsv" : "getSurveyTemplateXlsx",
    security: PUBLIC,
    summary: `The survey template (${format.toUpperCase()}): blank, or with wave pre-filled with a row per organisation open during that wave`,
    request: {
      query: z.object({
        wave: z.string().regex(WAVE_ID_PATTERN, "a wave is YYYY or YYYY-MM, e.g. 2027").optional().openapi({
          description:
            "Pre-fill for this wave: wave, org_code and org_name (a helper the importer ignores) for every organisation open during it; everything else blank",
          example: "2027",
        }),
      }),
    },
    responses: {
      200: {
        description: "The template",
        content: { [format === "csv" ? CSV : XLSX]: { schema: z.string() } },
      },
      400: { description: "Bad wave id (problem+json)" },
    },
  });

let xlsxTemplate: Promise<Uint8Array> | undefined;

/**
 * `POST /api/imports` (admin token, size limit, rate-limited failures) and the template downloads. `guard`
 * is the app's one admin guard, so failed attempts on every admin route count together.
 */
export function importsRoutes(
  { db, config, logger, imports = inProcessImports(db) }: AppDeps,
  guard: MiddlewareHandler<AppEnv>,
) {
  const router = createRouter();
  const megabytes = Math.round((config.maxImportBytes / 1024 / 1024) * 10) / 10;
  router.use("/api/imports", guard);
  router.use(
    "/api/imports",
    bodyLimit({
      maxSize: config.maxImportBytes,
      onError: () => {
        throw new ProblemError(
          "payload_too_large",
          `The file is larger than the ${megabytes} MB limit for HTTP imports; split it by wave, or use \`pnpm atlas import FILE\`.`,
        );
      },
    }),
  );

  router.openapi(importRoute, async (c) => {
    const query = c.req.valid("query");
    // Taken before the body is read, so a refused upload is never held in memory: it is read and dropped
    // (answering before a client has sent its body would break its connection).
    const slot = imports.reserve();
    if (!slot) {
      await discardBody(c);
      throw new ProblemError(
        "import_in_progress",
        `Another import is running on this server; imports run one at a time. Try again in ${IMPORT_RETRY_AFTER_SECONDS} seconds.`,
        undefined,
        { "Retry-After": String(IMPORT_RETRY_AFTER_SECONDS) },
      );
    }
    try {
      const { fileName, bytes } = await readUpload(c, query.fileName);
      const summary = await slot.run({
        fileName,
        bytes,
        ...(query.mode === undefined ? {} : { mode: query.mode }),
        replace: query.replace,
        dryRun: query.dryRun,
        synthetic: query.synthetic,
        draft: query.draft,
        provisional: query.provisional,
        confirmShrink: query.confirmShrink,
        ...(query.confirmWaves === undefined ? {} : { confirmWaves: query.confirmWaves.split(",") }),
        by: query.by ?? null,
        sheet: query.sheet,
        importedBy: `api:${clientAddress(c)}`,
      });
      logger.info("import", {
        requestId: c.get("requestId"),
        file: summary.file,
        status: summary.status,
        mode: summary.mode,
        rows: summary.rows,
        by: summary.by,
      });
      return c.json(summary, summary.status === "imported" ? 201 : 200);
    } catch (error) {
      throw importProblem(error);
    } finally {
      slot.release();
    }
  });

  const template = (format: "csv" | "xlsx", wave: string | undefined) => {
    const name = `survey-template${wave ? `-${wave}` : ""}.${format}`;
    return { "Content-Disposition": `attachment; filename="${name}"` };
  };
  router.openapi(templateRoute("csv"), async (c) => {
    const { wave } = c.req.valid("query");
    const prefill = wave ? templateOrganisations(await listOrganisations(db.db), wave) : undefined;
    return c.body(surveyTemplateCsv(prefill), 200, {
      "Content-Type": `${CSV}; charset=utf-8`,
      ...template("csv", wave),
    });
  });
  router.openapi(templateRoute("xlsx"), async (c) => {
    const { wave } = c.req.valid("query");
    let bytes: Uint8Array;
    if (wave) bytes = await surveyTemplateXlsx(templateOrganisations(await listOrganisations(db.db), wave));
    else {
      xlsxTemplate ??= surveyTemplateXlsx();
      bytes = await xlsxTemplate;
    }
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": XLSX,
      ...template("xlsx", wave),
    });
  });
  return router;
}

/** Reads the request body to its end, keeping none of it. */
async function discardBody(c: Context<AppEnv>): Promise<void> {
  const body = c.req.raw.body;
  if (!body) return;
  const reader = body.getReader();
  try {
    while (!(await reader.read()).done) {
      // dropped
    }
  } catch {
    // A client that gave up mid-upload gets no answer anyway.
  }
}

/** The uploaded file's bytes and name, from a multipart form (field `file`) or a raw CSV/XLSX body. */
async function readUpload(
  c: Context<AppEnv>,
  queryName: string | undefined,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "multipart/form-data") {
    const form = await c.req.parseBody().catch(() => {
      throw new ProblemError(
        "bad_request",
        "The multipart/form-data body cannot be read (malformed or truncated).",
        [{ parameter: "file", message: "send the survey file in a well-formed form field named file" }],
      );
    });
    const file = form.file;
    if (!(file instanceof File)) {
      throw new ProblemError("bad_request", "The multipart body has no file in field `file`.", [
        { parameter: "file", message: "missing: send the survey file in a form field named file" },
      ]);
    }
    return { fileName: file.name || queryName || "upload", bytes: new Uint8Array(await file.arrayBuffer()) };
  }
  if (!RAW_TYPES.includes(type)) {
    throw new ProblemError(
      "unsupported_media_type",
      `Content-Type "${type || "(none)"}" is not accepted; send the file as ${CSV}, ${XLSX}, or multipart/form-data (field file).`,
      [
        {
          parameter: "Content-Type",
          message: "not a survey file type",
          allowed: [CSV, XLSX, "multipart/form-data"],
        },
      ],
    );
  }
  const disposition = /filename="?([^";]+)"?/i.exec(c.req.header("content-disposition") ?? "")?.[1];
  const fallback = type === XLSX ? "upload.xlsx" : "upload.csv";
  return { fileName: queryName ?? disposition ?? fallback, bytes: new Uint8Array(await c.req.arrayBuffer()) };
}
