/**
 * `pnpm bench`: measures the API under load, the cost of growth, and the web page, on this machine, and writes
 * tests/bench/RESULTS.md and tests/bench/results.json. Figures are measured in this run, never copied.
 *
 * BENCH_SECONDS (default 10) sets each load test's duration; BENCH_ONLY=api,scale,web,import picks sections;
 * BENCH_SCALE=1,10,100 and BENCH_WAVES=8,40 set the scale grid.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openTestDb } from "@atlas/db/testing";
import { startServer } from "../support/server-process";
import { LOAD_CONNECTIONS, type LoadResult, type LoadTarget, runApiLoad } from "./api-load";
import {
  IMPORT_LOAD_CONNECTIONS,
  type ImportLoadResult,
  runImportLoad,
  writeImportBenchFiles,
} from "./import-load";
import { finishMachineInfo, machineInfo } from "./machine";
import { type BenchResults, renderResults } from "./report";
import { runScale, type ScaleResult } from "./scale";
import { runWeb, type WebBench } from "./web";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const only = new Set((process.env.BENCH_ONLY ?? "api,scale,web,import").split(","));
const multipliers = (process.env.BENCH_SCALE ?? "1,10,100").split(",").map(Number);
const waveCounts = (process.env.BENCH_WAVES ?? "8,40").split(",").map(Number);
const here = new URL(".", import.meta.url).pathname;

/** Need-model assumptions no cache has seen: a fresh share to commission and group size for every request. */
let uncached = 0;
const freshAssumptions = () => {
  uncached += 1;
  const share = 1 + ((uncached * 7919) % 98_000) / 1000;
  return `/api/coverage?wave=2026&level=local&metric=unmet_places&commissionPct=${share}&groupSize=${8 + (uncached % 8)}`;
};

/** Endpoints a dashboard user hits, against the demo data (latest wave 2026). */
const ENDPOINTS: Record<string, LoadTarget> = {
  coverage: "/api/coverage?wave=2026&level=local&metric=offering_pct",
  need: "/api/coverage?wave=2026&level=local&metric=need_met_pct",
  needUncached: {
    label: "/api/coverage?wave=2026&level=local&metric=unmet_places&commissionPct=<fresh>&groupSize=<fresh>",
    next: freshAssumptions,
  },
  trends: "/api/trends?metric=offering_pct&level=region&areas=E40000003,E40000005,S99999999",
  gaps: "/api/gaps?wave=2026&level=local",
  journey: "/api/organisations/RV3",
};

async function withServer<T>(
  kind: "sqlite" | "postgres",
  fn: (server: { url: string; pid: number }) => Promise<T>,
  env: Record<string, string> = {},
) {
  const database = await openTestDb(kind, { migrate: false });
  const server = await startServer({ DATABASE_URL: database.url, LOG_LEVEL: "error", ...env });
  try {
    return await fn({ url: server.url, pid: server.child.pid! });
  } finally {
    await server.stop();
    await database.close();
  }
}

const machine = machineInfo();
const load: LoadResult[] = [];
const scale: ScaleResult[] = [];
let web: WebBench | null = null;
const imports: ImportLoadResult[] = [];

if (only.has("api")) {
  for (const kind of ["sqlite", "postgres"] as const) {
    process.stderr.write(`api load on ${kind}…\n`);
    await withServer(kind, async (server) => {
      load.push(...(await runApiLoad(server, kind, ENDPOINTS, seconds)));
    });
  }
}
if (only.has("scale")) {
  for (const kind of ["sqlite", "postgres"] as const) {
    for (const waves of waveCounts) {
      for (const m of multipliers) {
        process.stderr.write(`scale ${kind} ${m}x ${waves} waves…\n`);
        scale.push(await runScale(kind, m, waves));
      }
    }
  }
}
if (only.has("web")) {
  process.stderr.write("web…\n");
  await withServer("sqlite", async ({ url }) => {
    const waves = (await (await fetch(`${url}/api/waves`)).json()) as { waves: Array<{ id: string }> };
    web = await runWeb(
      url,
      waves.waves
        .map((w) => w.id)
        .sort()
        .at(-1)!,
    );
  });
}

if (only.has("import")) {
  const dir = join(here, "tmp", "import");
  mkdirSync(dir, { recursive: true });
  process.stderr.write("import: writing the workbooks…\n");
  const files = await writeImportBenchFiles(dir);
  const token = "bench-import-token-0123456789abcdef";
  for (const kind of ["sqlite", "postgres"] as const) {
    process.stderr.write(`import under load on ${kind}…\n`);
    await withServer(
      kind,
      async (server) => {
        imports.push(...(await runImportLoad(server, kind, token, files, seconds)));
      },
      { ATLAS_ADMIN_TOKEN: token },
    );
  }
  rmSync(dir, { recursive: true, force: true });
}

// Sections left out by BENCH_ONLY keep their figures (and their date) from the last run that measured them.
const previous = (() => {
  try {
    return JSON.parse(readFileSync(join(here, "results.json"), "utf8")) as Partial<BenchResults>;
  } catch {
    return {};
  }
})();
const kept = <K extends "load" | "scale" | "web" | "imports">(
  section: string,
  key: K,
  now: BenchResults[K],
) => (only.has(section) ? now : ((previous[key] ?? now) as BenchResults[K]));
// Where and when each section was measured: this run, or the run its kept figures came from.
const stamp = (m: { date: string; cores: number; cpuModel: string }) =>
  `${m.date} on ${m.cores} cores (${m.cpuModel})`;
const was = (key: "api" | "scale" | "web" | "import", had: boolean) =>
  previous.measured?.[key] ?? (had && previous.machine ? stamp(previous.machine) : null);
const measured = {
  api: only.has("api") ? stamp(machine) : was("api", (previous.load?.length ?? 0) > 0),
  scale: only.has("scale") ? stamp(machine) : was("scale", (previous.scale?.length ?? 0) > 0),
  web: only.has("web") ? stamp(machine) : was("web", Boolean(previous.web)),
  import: only.has("import") ? stamp(machine) : was("import", (previous.imports?.length ?? 0) > 0),
};
const previousWeb = previous.web && !Array.isArray(previous.web) ? previous.web : null;
const results: BenchResults = {
  machine: finishMachineInfo(machine),
  settings: { seconds, connections: LOAD_CONNECTIONS, importConnections: IMPORT_LOAD_CONNECTIONS },
  measured,
  load: kept("api", "load", load),
  scale: kept("scale", "scale", scale),
  web: only.has("web") ? web : previousWeb,
  imports: kept("import", "imports", imports),
};
writeFileSync(join(here, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(here, "RESULTS.md"), renderResults(results));
process.stdout.write(renderResults(results));
