import { ProblemSchema, WAVE_ID_PATTERN } from "@atlas/domain";
import { z } from "@hono/zod-openapi";

/** An RFC 9457 problem+json body, as every error response declares it. */
export const PROBLEM_CONTENT = { "application/problem+json": { schema: ProblemSchema } };

/** The refusals every survey-team operation can give before it looks at its own parameters. */
export const ADMIN_RESPONSES = {
  401: { description: "No valid admin token", content: PROBLEM_CONTENT },
  403: { description: "Admin requests are off (no ATLAS_ADMIN_TOKEN)", content: PROBLEM_CONTENT },
  429: { description: "Too many failed attempts from this address", content: PROBLEM_CONTENT },
} as const;

/** `{id}` in a wave's path. */
export const WAVE_ID_PATH = z.object({
  id: z
    .string()
    .regex(WAVE_ID_PATTERN, "a wave is YYYY or YYYY-MM, e.g. 2027")
    .openapi({ param: { name: "id", in: "path" }, example: "2027" }),
});

/** `by`: who made a change, recorded with it (checked by parseChangeLabel in the handler). */
export const CHANGE_BY_QUERY = z
  .string()
  .max(200)
  .optional()
  .openapi({ description: "Who is doing this (a name or initials, up to 60 characters), recorded" });
