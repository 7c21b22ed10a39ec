import {
  type AreaLevel,
  AreasResponseSchema,
  ContextResponseSchema,
  CoverageResponseSchema,
  changedNeedAssumptions,
  DEFAULT_NEED_ASSUMPTIONS,
  FactorsResponseSchema,
  GapsResponseSchema,
  isMetricId,
  MetricsResponseSchema,
  OrganisationDetailSchema,
  OrganisationsResponseSchema,
  PlacesResponseSchema,
  type ReportLevel,
  TransitionsResponseSchema,
  TrendsResponseSchema,
  usesNeedModel,
  WavesResponseSchema,
} from "@atlas/domain";
import { queryOptions } from "@tanstack/react-query";
import type { NeedInUrl } from "../url/url-state";
import { apiPath, getJson } from "./client";
import { BoundaryTopologySchema } from "./topology";

/**
 * One `queryOptions` factory per endpoint, keyed by every input the request uses, so two views asking
 * different questions never share a cache entry. Every response is parsed with the shared wire schemas.
 */

/** Reference data changes only with a new release of the app; keep it for the session. */
const REFERENCE = { staleTime: Number.POSITIVE_INFINITY, gcTime: Number.POSITIVE_INFINITY } as const;

export const wavesQuery = () =>
  queryOptions({
    queryKey: ["waves"],
    queryFn: ({ signal }) => getJson(apiPath("waves"), WavesResponseSchema, signal),
  });

export const metricsQuery = () =>
  queryOptions({
    queryKey: ["metrics"],
    queryFn: ({ signal }) => getJson(apiPath("metrics"), MetricsResponseSchema, signal),
    ...REFERENCE,
  });

/** `level: null` lists every area at every level (for search and names). */
export const areasQuery = (level: AreaLevel | null) =>
  queryOptions({
    queryKey: ["areas", level],
    queryFn: ({ signal }) => getJson(apiPath("areas", { level }), AreasResponseSchema, signal),
    ...REFERENCE,
  });

/** Places by name (local authorities, counties…) and the NHS areas serving them, for search. */
export const placesQuery = () =>
  queryOptions({
    queryKey: ["places"],
    queryFn: ({ signal }) => getJson(apiPath("places"), PlacesResponseSchema, signal),
    ...REFERENCE,
  });

export const boundariesQuery = (level: AreaLevel) =>
  queryOptions({
    queryKey: ["boundaries", level],
    queryFn: ({ signal }) => getJson(apiPath(`boundaries/${level}`), BoundaryTopologySchema, signal),
    ...REFERENCE,
  });

/**
 * The need assumptions a request sends (and is keyed by): the non-default ones, only for the metrics that
 * use the need model, so other metrics keep one cache entry whatever the assumptions.
 * @example needParams("need_met_pct", { groupSize: 10 }) // { groupSize: "10" }
 */
export function needParams(metric: string | null, need: NeedInUrl = {}): Record<string, string> {
  if (metric !== null && !isNeedMetric(metric)) return {};
  const changed = changedNeedAssumptions({ ...DEFAULT_NEED_ASSUMPTIONS, ...need });
  return Object.fromEntries(Object.entries(changed).map(([id, value]) => [id, String(value)]));
}

const isNeedMetric = (metric: string) => isMetricId(metric) && usesNeedModel(metric);

export const coverageQuery = (wave: string, level: ReportLevel, metric: string, need: NeedInUrl = {}) => {
  const assumptions = needParams(metric, need);
  return queryOptions({
    queryKey: ["coverage", wave, level, metric, assumptions],
    queryFn: ({ signal }) =>
      getJson(apiPath("coverage", { wave, level, metric, ...assumptions }), CoverageResponseSchema, signal),
  });
};

/** `basis`: organisations as recorded in each wave, or re-based to today's (mergers folded in). */
export const trendsQuery = (
  metric: string,
  level: ReportLevel,
  areas: readonly string[],
  basis: "recorded" | "current" = "recorded",
  need: NeedInUrl = {},
) => {
  const assumptions = needParams(metric, need);
  return queryOptions({
    queryKey: ["trends", metric, level, [...areas], basis, assumptions],
    queryFn: ({ signal }) =>
      getJson(
        apiPath("trends", { metric, level, areas: areas.join(","), basis, ...assumptions }),
        TrendsResponseSchema,
        signal,
      ),
  });
};

/** Gaps are ranked by unmet places, so every assumption counts. */
export const gapsQuery = (wave: string, level: ReportLevel, need: NeedInUrl = {}) => {
  const assumptions = needParams(null, need);
  return queryOptions({
    queryKey: ["gaps", wave, level, assumptions],
    queryFn: ({ signal }) =>
      getJson(apiPath("gaps", { wave, level, ...assumptions }), GapsResponseSchema, signal),
  });
};

/**
 * `area: null` lists every organisation surveyed in the wave (the map's points); `wave: null` is the
 * register, every organisation open or closed, whether or not any wave exists (the directory).
 */
export const organisationsQuery = (wave: string | null, area: string | null) =>
  queryOptions({
    queryKey: ["organisations", wave, area],
    queryFn: ({ signal }) =>
      getJson(apiPath("organisations", { wave, area }), OrganisationsResponseSchema, signal),
  });

export const organisationQuery = (code: string) =>
  queryOptions({
    queryKey: ["organisation", code],
    queryFn: ({ signal }) =>
      getJson(apiPath(`organisations/${encodeURIComponent(code)}`), OrganisationDetailSchema, signal),
  });

export const factorsQuery = (wave: string) =>
  queryOptions({
    queryKey: ["factors", wave],
    queryFn: ({ signal }) => getJson(apiPath("factors", { wave }), FactorsResponseSchema, signal),
  });

export const transitionsQuery = (from: string, to: string) =>
  queryOptions({
    queryKey: ["transitions", from, to],
    queryFn: ({ signal }) => getJson(apiPath("transitions", { from, to }), TransitionsResponseSchema, signal),
  });

/** Real national context series (NHS Talking Therapies): part of the release, kept for the session. */
export const contextQuery = () =>
  queryOptions({
    queryKey: ["context"],
    queryFn: ({ signal }) => getJson(apiPath("context"), ContextResponseSchema, signal),
    ...REFERENCE,
  });
