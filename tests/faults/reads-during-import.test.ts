import { readFileSync } from "node:fs";
import { openTestDb, type TestDb } from "@atlas/db/testing";
import { type CoverageResponse, CoverageResponseSchema, WavesResponseSchema } from "@atlas/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { treeRssMiB } from "../support/process-memory";
import { REPO_ROOT, type ServerProcess, startServer } from "../support/server-process";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const READERS = 6;
const TOKEN = "soak-test-token-0123456789abcdef";
const COVERAGE = "/api/coverage?wave=2026&level=region&metric=offering_pct";
const READS = [
  COVERAGE,
  "/api/waves",
  "/api/trends?metric=offering_pct&level=nation",
  "/api/gaps?wave=2026&level=local",
  "/api/coverage?wave=2024&level=local&metric=places_per_100k",
  "/api/factors?wave=2026",
];

/** The 2026 demo wave rewritten so that no organisation offers MBCT: a replacement whose effect is unmistakable. */
function replacementFile(): string {
  const demo = readFileSync(`${REPO_ROOT}data/demo/mbct-survey-2026-synthetic.csv`, "utf8")
    .trim()
    .split("\n")
    .slice(1);
  const codes = demo.map((line) => line.split(",")[1]);
  return `wave,org_code,provision\n${codes.map((c) => `2026,${c},none`).join("\n")}\n`;
}

function answeredTotal(coverage: CoverageResponse): number {
  return coverage.areas.reduce((n, a) => n + a.answered, 0);
}

describe.each(["sqlite", "postgres"] as const)(
  "%i s of mixed reads with an import in the middle on %s".replace("%i", String(SECONDS)),
  (kind) => {
    let database: TestDb;
    let server: ServerProcess;

    beforeAll(async () => {
      database = await openTestDb(kind, { migrate: false });
      server = await startServer({ DATABASE_URL: database.url, ATLAS_ADMIN_TOKEN: TOKEN });
    });
    afterAll(async () => {
      await server?.stop();
      await database?.close();
    });

    it("serves no 5xx, keeps memory flat, and every reader sees the old data or the new, never half", {
      timeout: (SECONDS + 60) * 1000,
    }, async () => {
      const old = CoverageResponseSchema.parse(await (await fetch(`${server.url}${COVERAGE}`)).json());
      expect(old.comparator.value).toBeGreaterThan(0);

      const replacement = replacementFile();
      const oldSnapshot = `${old.comparator.value}|${answeredTotal(old)}`;
      const newSnapshot = `0|${replacement.trim().split("\n").length - 1}`;
      const snapshots = new Set<string>();
      const statuses = new Map<number, number>();
      const ukValues = new Set<number | null>();
      const rss: number[] = [];
      const deadline = Date.now() + SECONDS * 1000;
      let importStatus = 0;

      const reader = async (offset: number) => {
        for (let i = offset; Date.now() < deadline; i++) {
          const path = READS[i % READS.length]!;
          const res = await fetch(`${server.url}${path}`);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const body: unknown = await res.json();
          if (path === COVERAGE && res.ok) {
            const coverage = CoverageResponseSchema.parse(body);
            ukValues.add(coverage.comparator.value);
            // The UK value and the regions' answering counts must come from the same import, never a mix.
            snapshots.add(`${coverage.comparator.value}|${answeredTotal(coverage)}`);
          }
          if (path === "/api/waves" && res.ok) WavesResponseSchema.parse(body);
        }
      };
      const sampler = (async () => {
        while (Date.now() < deadline) {
          rss.push(treeRssMiB(server.child.pid!));
          await new Promise((r) => setTimeout(r, 1_000));
        }
      })();
      const importer = (async () => {
        await new Promise((r) => setTimeout(r, (SECONDS * 1000) / 2));
        const res = await fetch(
          `${server.url}/api/imports?replace=true&fileName=mbct-survey-2026-synthetic-replacement.csv`,
          {
            method: "POST",
            headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "text/csv" },
            body: replacement,
          },
        );
        importStatus = res.status;
      })();
      await Promise.all([...Array.from({ length: READERS }, (_, i) => reader(i)), sampler, importer]);

      expect(importStatus).toBe(201);
      expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
      expect([...ukValues].sort()).toEqual([0, old.comparator.value].sort());
      expect([...snapshots].sort()).toEqual([oldSnapshot, newSnapshot].sort());
      const after = CoverageResponseSchema.parse(await (await fetch(`${server.url}${COVERAGE}`)).json());
      expect(after.comparator.value).toBe(0);

      // Flat: the last third of the run uses no more than the first third plus a margin for the new wave's caches.
      const third = Math.max(1, Math.floor(rss.length / 3));
      const early = Math.max(...rss.slice(0, third));
      const late = Math.max(...rss.slice(-third));
      expect(late, `RSS MiB samples: ${rss.map((r) => r.toFixed(0)).join(" ")}`).toBeLessThan(
        early * 1.25 + 64,
      );
    });
  },
);
