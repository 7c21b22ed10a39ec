import { z } from "zod";
import { AREA_LEVELS } from "./vocabulary";
import { WAVE_ID_PATTERN } from "./wave-id";

/** An area of the reference geography: a nation, an NHS region, or a local area (ICB, health board, HSC trust). */
export const AreaSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  level: z.enum(AREA_LEVELS),
  parentCode: z.string().nullable(),
  adultPopulation: z.number().int().nonnegative(),
  populationYear: z.number().int(),
  populationSource: z.string(),
});
export type Area = z.infer<typeof AreaSchema>;

export const ORGANISATION_TYPES = [
  "mental_health_trust",
  "talking_therapies_trust",
  "health_board",
  "hsc_trust",
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** An NHS organisation that delivers (or could deliver) adult mental-health services. Lon/lat in WGS84. */
export const OrganisationSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  type: z.enum(ORGANISATION_TYPES),
  areaCode: z.string().min(1),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  openedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  successorCode: z.string().nullable(),
  source: z.string(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

export { WAVE_ID_PATTERN } from "./wave-id";
export const WaveIdSchema = z
  .string()
  .regex(WAVE_ID_PATTERN, "a wave is YYYY or YYYY-MM, e.g. 2024 or 2024-05");

export const WaveSchema = z.object({
  id: WaveIdSchema,
  label: z.string(),
  fieldworkStart: z.string().nullable(),
  fieldworkEnd: z.string().nullable(),
  synthetic: z.boolean(),
  source: z.string(),
  /**
   * False for a draft: only admin reads (`include=drafts`) see it. The API always says; data built
   * without it (fixtures) counts as published.
   */
  published: z.boolean().optional(),
  /** True when the wave's values are provisional (they may still change); absent means final. */
  provisional: z.boolean().optional(),
});
export type Wave = z.infer<typeof WaveSchema>;
