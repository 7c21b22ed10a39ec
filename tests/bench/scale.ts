import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import {
  createApp,
  createLogger,
  importSurveyFile,
  loadReference,
  readReference,
  testConfig,
} from "@atlas/api";
import { type AtlasDb, connect, migrateToLatest } from "@atlas/db";
import { TEST_POSTGRES_URL } from "@atlas/db/testing";
import type { Organisation } from "@atlas/domain";
import pg from "pg";

// A full collection before each heap reading, so the figures are what is retained, not garbage waiting.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;
function heapUsedMiB(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

export interface ScaleResult {
  database: string;
  multiplier: number;
  organisations: number;
  waves: number;
  rows: number;
  importRowsPerSecond: number;
  /** First request of a fresh process: every return read and indexed. */
  coverageStartMs: number;
  /** First request after a replacing import of one wave: only that wave is read again, all re-indexed. */
  coverageAfterImportMs: number;
  coverageWarmMs: number;
  /** First trends request of a fresh process, after the coverage one: every wave's tables computed. */
  trendsStartMs: number;
  trendsAfterImportMs: number;
  trendsWarmMs: number;
  /** JavaScript heap the API retains for this data (snapshot, index and memoised views), in MiB. */
  cacheHeapMiB: number;
}

const PROVISIONS = ["routine", "limited", "paused", "none", "none", "no_response"];

/** Today's registry copied `multiplier` times; copies keep their area so every level grows together. */
function syntheticRegistry(organisations: Organisation[], multiplier: number): Organisation[] {
  const open = organisations.filter((o) => o.closedOn === null);
  const copies: Organisation[] = [];
  for (let k = 0; k < multiplier; k++) {
    for (const o of open) {
      copies.push({ ...o, code: k === 0 ? o.code : `${o.code}X${k}`, openedOn: null, successorCode: null });
    }
  }
  return copies;
}

function waveFile(wave: string, organisations: Organisation[], seed: number): Uint8Array {
  const lines = [
    "wave,org_code,provision,stage,places_offered,participants_started,participants_completed,teachers_active",
  ];
  organisations.forEach((o, i) => {
    const provision = PROVISIONS[(i * 7 + seed) % PROVISIONS.length]!;
    const offering = provision === "routine" || provision === "limited";
    lines.push(
      offering
        ? `${wave},${o.code},${provision},developmental,${12 + (i % 4)},${10 + (i % 3)},${8 + (i % 2)},${1 + (i % 3)}`
        : `${wave},${o.code},${provision},,,,,`,
    );
  });
  return new TextEncoder().encode(`${lines.join("\n")}\n`);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function openScratch(kind: "sqlite" | "postgres"): Promise<{ db: AtlasDb; drop(): Promise<void> }> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "atlas-scale-"));
    const db = connect({ kind: "sqlite", path: join(dir, "scale.sqlite") });
    return {
      db,
      drop: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `bench_scale_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const db = connect({ kind: "postgres", url: TEST_POSTGRES_URL, schema });
  return {
    db,
    drop: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** Imports `waves` waves for a registry `multiplier` times today's, then times coverage and trends. */
export async function runScale(
  kind: "sqlite" | "postgres",
  multiplier: number,
  waves: number,
): Promise<ScaleResult> {
  const reference = readReference();
  const organisations = syntheticRegistry(reference.organisations, multiplier);
  const scratch = await openScratch(kind);
  try {
    await migrateToLatest(scratch.db);
    await loadReference(scratch.db, { ...reference, organisations });
    const files = Array.from({ length: waves }, (_, w) => ({
      wave: String(2000 + w),
      bytes: waveFile(String(2000 + w), organisations, w),
    }));
    const started = performance.now();
    for (const f of files) {
      await importSurveyFile(scratch.db, {
        fileName: `scale-${f.wave}.csv`,
        bytes: f.bytes,
        importedBy: "bench",
      });
    }
    const importSeconds = (performance.now() - started) / 1000;
    const rows = organisations.length * waves;

    const heapBefore = heapUsedMiB();
    const app = createApp(
      { db: scratch.db, config: testConfig(), logger: createLogger("silent") },
      { reference },
    );
    const time = async (path: string) => {
      const t0 = performance.now();
      const res = await app.request(path);
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      return performance.now() - t0;
    };
    const last = String(2000 + waves - 1);
    const coverage = `/api/coverage?wave=${last}&level=local&metric=offering_pct`;
    const trends = "/api/trends?metric=offering_pct&level=region";
    // A survey team re-sends one wave with corrections: the next request pays for the new data version.
    const reimport = async (w: number) => {
      const wave = String(2000 + w);
      await importSurveyFile(scratch.db, {
        fileName: `scale-${wave}-corrected.csv`,
        bytes: waveFile(wave, organisations, w + 1),
        importedBy: "bench",
        replace: true,
      });
    };
    const coverageStartMs = await time(coverage);
    // Trends read every wave: the first call computes every wave's tables, which later versions may keep.
    const trendsStartMs = await time(trends);
    await reimport(waves - 1);
    const coverageAfterImportMs = await time(coverage);
    const coverageWarm: number[] = [];
    for (let i = 0; i < 15; i++) coverageWarm.push(await time(`${coverage}&_=${i}`));
    await reimport(0);
    const trendsAfterImportMs = await time(trends);
    const trendsWarm: number[] = [];
    for (let i = 0; i < 15; i++) trendsWarm.push(await time(`${trends}&_=${i}`));
    const cacheHeapMiB = heapUsedMiB() - heapBefore;
    return {
      database: kind,
      multiplier,
      organisations: organisations.length,
      waves,
      rows,
      importRowsPerSecond: rows / importSeconds,
      coverageStartMs,
      coverageAfterImportMs,
      coverageWarmMs: median(coverageWarm),
      trendsStartMs,
      trendsAfterImportMs,
      trendsWarmMs: median(trendsWarm),
      cacheHeapMiB,
    };
  } finally {
    await scratch.drop();
  }
}
