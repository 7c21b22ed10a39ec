import { OrganisationsResponseSchema } from "@atlas/domain";
import { queryOptions } from "@tanstack/react-query";
import { apiPath, getJson } from "../api/client";
import type { AdminApi } from "./admin-api";

/**
 * The survey team's queries. They live with the page (not in api/queries.ts) so their schemas stay in the
 * page's own chunk. Every key starts with "admin": locking the page removes them all at once, and every
 * change the team makes invalidates them all (the tracker's link states, the waves' counts).
 */
export const ADMIN_KEY = ["admin"] as const;

export const waveStatusQuery = (api: AdminApi) =>
  queryOptions({
    queryKey: [...ADMIN_KEY, "waves"],
    queryFn: ({ signal }) => api.waveStatus(signal),
  });

export const trackerQuery = (api: AdminApi, wave: string) =>
  queryOptions({
    queryKey: [...ADMIN_KEY, "tracker", wave],
    queryFn: ({ signal }) => api.tracker(wave, signal),
  });

/** The register (public): every organisation's name, to name organisations in a file's diff. */
export const registerNamesQuery = () =>
  queryOptions({
    queryKey: ["register-names"],
    queryFn: async ({ signal }) => {
      const register = await getJson(apiPath("organisations"), OrganisationsResponseSchema, signal);
      return new Map(register.organisations.map((o) => [o.code, o.name]));
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
