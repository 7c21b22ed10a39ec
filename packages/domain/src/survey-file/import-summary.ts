import { z } from "zod";

/** What happened to one wave in an import. */
export const WAVE_IMPORT_ACTIONS = ["created", "replaced", "unchanged"] as const;

/** The result of importing (or dry-running) a survey file: returned by the CLI and `POST /api/imports`. */
export const ImportSummarySchema = z.object({
  /** `imported`: stored; `unchanged`: this exact file is already stored (no-op); `validated`: dry run, nothing stored. */
  status: z.enum(["imported", "unchanged", "validated"]),
  dryRun: z.boolean(),
  file: z.string(),
  checksum: z.string(),
  synthetic: z.boolean(),
  rows: z.number().int(),
  waves: z.array(
    z.object({
      waveId: z.string(),
      rows: z.number().int(),
      action: z.enum(WAVE_IMPORT_ACTIONS),
      /** Returns the wave held before (deleted by a replacing import). */
      previousRows: z.number().int(),
      batchId: z.string().nullable(),
    }),
  ),
  importedBy: z.string(),
  importedAt: z.string().nullable(),
  dataVersion: z.string().nullable(),
  message: z.string(),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;
