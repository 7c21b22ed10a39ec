import {
  AreasResponseSchema,
  CoverageResponseSchema,
  HealthSchema,
  MetricsResponseSchema,
  WavesResponseSchema,
} from "@atlas/domain";
import type { QueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { areasQuery, coverageQuery, metricsQuery, wavesQuery } from "./queries";

/**
 * The answers the server wrote into the page (apps/api/src/web-page.ts): health, waves, metrics and
 * areas, exactly as the API gives them, and the coverage the opening view draws first (map, table,
 * chart). Every view needs them before it can draw, so having them in the first render saves round trips
 * and keeps the controls from growing as they arrive. Parsed with the same wire schemas as any response;
 * a block that does not parse is ignored and the app fetches instead.
 */
const BootstrapSchema = z.object({
  health: HealthSchema,
  waves: WavesResponseSchema,
  metrics: MetricsResponseSchema,
  areas: AreasResponseSchema,
  coverage: CoverageResponseSchema.optional(),
});
export type Bootstrap = z.infer<typeof BootstrapSchema>;

export function readBootstrap(doc: Document = document): Bootstrap | null {
  const text = doc.getElementById("atlas-bootstrap")?.textContent;
  if (!text) return null;
  try {
    const parsed = BootstrapSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Puts the page's bootstrap answers in the query cache, as if they had just been fetched. (Health is not a
 * query: the connection monitor alone asks /api/health; the server's notice in the page covers the time
 * until its first answer.)
 */
export function seedQueryCache(client: QueryClient, bootstrap: Bootstrap | null = readBootstrap()): void {
  if (!bootstrap) return;
  client.setQueryData(wavesQuery().queryKey, bootstrap.waves);
  client.setQueryData(metricsQuery().queryKey, bootstrap.metrics);
  client.setQueryData(areasQuery(null).queryKey, bootstrap.areas);
  const { coverage } = bootstrap;
  if (coverage)
    client.setQueryData(coverageQuery(coverage.wave, coverage.level, coverage.metric).queryKey, coverage);
}
