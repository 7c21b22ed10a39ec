import { DEFAULT_NEED_ASSUMPTIONS, METRICS, NEED_PARAMETERS } from "@atlas/domain";
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { readBootstrap, seedQueryCache } from "./bootstrap";
import { areasQuery, coverageQuery, metricsQuery, wavesQuery } from "./queries";

const page = (text: string | null) =>
  ({
    getElementById: (id: string) =>
      id === "atlas-bootstrap" && text !== null ? { textContent: text } : null,
  }) as unknown as Document;

const bootstrap = {
  health: {
    status: "ok",
    database: "sqlite",
    dataVersion: "v1",
    waves: 1,
    synthetic: true,
    version: "0.1.0",
  },
  waves: {
    waves: [
      {
        id: "2026",
        label: "2026 (synthetic)",
        fieldworkStart: null,
        fieldworkEnd: null,
        synthetic: true,
        source: "demo",
        returns: 3,
        organisationsInvited: 4,
        published: true,
        provisional: false,
        state: "published",
        publishedAt: "2026-06-01T00:00:00.000Z",
      },
    ],
    synthetic: true,
  },
  metrics: {
    metrics: [...METRICS],
    needModel: {
      description: "Places needed a year …",
      parameters: [...NEED_PARAMETERS],
      assumptions: { ...DEFAULT_NEED_ASSUMPTIONS },
      uk: { adults: 53_000_000, placesNeeded: 87_000, courses: 7_250, teachers: 3_625, cost: 9_744_000 },
    },
  },
  areas: {
    level: null,
    areas: [],
    attribution: {
      licence: "OGL v3.0",
      licenceUrl: "https://example.org/ogl",
      statements: ["Crown copyright."],
    },
  },
};

describe("the page's bootstrap data", () => {
  it("reads the server's answers and puts them in the query cache under the views' own keys", () => {
    const read = readBootstrap(page(JSON.stringify(bootstrap)));
    expect(read?.waves.waves[0]?.id).toBe("2026");
    const client = new QueryClient();
    seedQueryCache(client, read);
    expect(client.getQueryData(wavesQuery().queryKey)?.synthetic).toBe(true);
    expect(client.getQueryData(metricsQuery().queryKey)?.metrics.map((m) => m.id)).toEqual(
      METRICS.map((m) => m.id),
    );
    expect(client.getQueryData(areasQuery(null).queryKey)?.attribution.licence).toBe("OGL v3.0");
  });

  it("files the opening view's coverage under its own wave, level and metric", () => {
    const coverage = {
      wave: "2026",
      level: "local",
      metric: "routine_pct",
      synthetic: true,
      comparator: { code: "K02000001", name: "United Kingdom", value: 40, lower: 30, upper: 50 },
      nations: [],
      areas: [],
    };
    const client = new QueryClient();
    seedQueryCache(client, readBootstrap(page(JSON.stringify({ ...bootstrap, coverage }))));
    expect(
      client.getQueryData(coverageQuery("2026", "local", "routine_pct").queryKey)?.comparator.value,
    ).toBe(40);
    expect(client.getQueryData(coverageQuery("2026", "region", "routine_pct").queryKey)).toBeUndefined();
  });

  it("ignores a page without the block, with broken JSON, or with answers that break the contract", () => {
    expect(readBootstrap(page(null))).toBeNull();
    expect(readBootstrap(page("{not json"))).toBeNull();
    expect(readBootstrap(page(JSON.stringify({ ...bootstrap, waves: { waves: "none" } })))).toBeNull();
    const client = new QueryClient();
    seedQueryCache(client, null);
    expect(client.getQueryData(wavesQuery().queryKey)).toBeUndefined();
  });
});
