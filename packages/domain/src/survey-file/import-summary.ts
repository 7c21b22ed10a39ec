import { z } from "zod";

/**
 * How an import treats waves that already have returns: `create` refuses them (the default), `add` adds or
 * updates the file's returns and keeps the wave's others, `replace` makes the wave exactly the file's returns.
 */
export const IMPORT_MODES = ["create", "add", "replace"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** What happened to one wave in an import. */
export const WAVE_IMPORT_ACTIONS = ["created", "replaced", "updated", "unchanged"] as const;

/** How the file's returns for a wave differ from the stored ones (organisation codes, in code order). */
export const WaveDiffSchema = z.object({
  counts: z.object({
    added: z.number().int(),
    changed: z.number().int(),
    removed: z.number().int(),
    unchanged: z.number().int(),
  }),
  added: z.array(z.string()),
  /** Each changed return with the survey-format columns whose values differ. */
  changed: z.array(z.object({ orgCode: z.string(), fields: z.array(z.string()) })),
  removed: z.array(z.string()),
});

export const WaveImportSchema = z.object({
  waveId: z.string(),
  /** The file's rows for this wave. */
  rows: z.number().int(),
  /**
   * `created`: a new wave; `replaced`: a replace changed its returns; `updated`: an add changed some returns
   * (or only its flags changed); `unchanged`: nothing to write.
   */
  action: z.enum(WAVE_IMPORT_ACTIONS),
  /** Returns the wave held before. */
  previousRows: z.number().int(),
  batchId: z.string().nullable(),
  diff: WaveDiffSchema,
  /** The wave's state after the import: a draft (admin reads only) or published. */
  state: z.enum(["draft", "published"]),
  provisional: z.boolean(),
});
export type WaveImport = z.infer<typeof WaveImportSchema>;

/** The result of importing (or dry-running) a survey file: returned by the CLI and `POST /api/imports`. */
export const ImportSummarySchema = z.object({
  /** `imported`: stored; `unchanged`: every row is stored as it is already (no-op); `validated`: dry run, nothing stored. */
  status: z.enum(["imported", "unchanged", "validated"]),
  dryRun: z.boolean(),
  mode: z.enum(IMPORT_MODES),
  file: z.string(),
  checksum: z.string(),
  synthetic: z.boolean(),
  rows: z.number().int(),
  /** Template rows left blank (only wave, org_code and org_name filled in): not returns, skipped. */
  skippedRows: z.number().int(),
  waves: z.array(WaveImportSchema),
  /** The technical origin, `cli:<user>` or `api:<client address>`. */
  importedBy: z.string(),
  /** The name given with `--by` / `?by=`, or null. */
  by: z.string().nullable(),
  importedAt: z.string().nullable(),
  /** The new data version, and the new public one when public data changed (null otherwise). */
  dataVersion: z.string().nullable(),
  publicDataVersion: z.string().nullable(),
  message: z.string(),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;
