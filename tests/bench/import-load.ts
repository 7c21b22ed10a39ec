import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { lyingSheetPart, workbookWithSheets } from "@atlas/api/testing";
import autocannon from "autocannon";
import { treeRssMiB } from "../support/process-memory";
import { surveyWorkbookWaves, writeLargestSurveyWorkbook } from "../support/survey-workbooks";

/** Connections kept busy on each of /api/health and the data endpoint while an import runs. */
export const IMPORT_LOAD_CONNECTIONS = 10;
const DATA_PATH = "/api/coverage?wave=2026&level=local&metric=offering_pct";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const MAX_BYTES = 10 * 1024 * 1024;
const MAX_ROWS = 100_000;
/** What the lying workbook inflates to, and what its directory claims (the 2 GB bomb). */
const LIE_INFLATES_TO = 2 * 1024 ** 3;
const LIE_DECLARES = 64 * 1024;

export interface ImportLoadResult {
  database: string;
  scenario: string;
  /** The uploaded file's size, in bytes (0 for the baseline). */
  fileBytes: number;
  /** Status codes of the import requests, e.g. `201` or `201, 503, 503, 503`. */
  statuses: string;
  /** The refusal's message, when there was one. */
  detail: string | null;
  /** Seconds from sending the file to its answer (the load window); the baseline's fixed duration. */
  seconds: number;
  healthRequests: number;
  healthP99Ms: number;
  healthMaxMs: number;
  dataRequests: number;
  dataP99Ms: number;
  dataMaxMs: number;
  /** Non-2xx answers and socket errors or timeouts on the two read loads together. */
  readFailures: number;
  /** The server's process-tree RSS before the window, and its highest sample (every 100 ms) during it. */
  idleRssMiB: number;
  peakRssMiB: number;
}

export interface ImportBenchFiles {
  largest: { path: string; rows: number };
  lying: string;
}

/**
 * Writes the benchmark's workbooks (synthetic returns; never committed): the largest an HTTP import allows
 * (100,000 rows, just under 10 MB), and one that declares 64 KiB but inflates to 2 GiB.
 */
export async function writeImportBenchFiles(dir: string): Promise<ImportBenchFiles> {
  const path = join(dir, "largest-synthetic.xlsx");
  await writeLargestSurveyWorkbook(path, MAX_ROWS, MAX_BYTES);
  const lying = join(dir, "lying-synthetic.xlsx");
  writeFileSync(
    lying,
    workbookWithSheets([{ name: "returns", part: await lyingSheetPart(LIE_INFLATES_TO, LIE_DECLARES) }]),
  );
  return { largest: { path, rows: MAX_ROWS }, lying };
}

/** Keeps connections busy on a URL until stopped. */
function startLoad(url: string): { stop(): Promise<autocannon.Result> } {
  let instance: autocannon.Instance | undefined;
  const result = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon({ url, connections: IMPORT_LOAD_CONNECTIONS, duration: 3600 }, (error, r) =>
      error ? reject(error) : resolve(r),
    );
  });
  return {
    stop() {
      instance?.stop();
      return result;
    },
  };
}

/** Loads /api/health and a data endpoint until `window` settles, sampling the server's memory. */
async function underLoad(
  server: { url: string; pid: number },
  window: () => Promise<{ statuses: string; detail: string | null; fileBytes: number }>,
) {
  const idleRssMiB = treeRssMiB(server.pid);
  let peakRssMiB = idleRssMiB;
  const sampler = setInterval(() => {
    peakRssMiB = Math.max(peakRssMiB, treeRssMiB(server.pid));
  }, 100);
  const health = startLoad(`${server.url}/api/health`);
  const data = startLoad(`${server.url}${DATA_PATH}`);
  const started = Date.now();
  const outcome = await window();
  const seconds = (Date.now() - started) / 1000;
  const [h, d] = await Promise.all([health.stop(), data.stop()]);
  clearInterval(sampler);
  return {
    ...outcome,
    seconds,
    healthRequests: h.requests.total,
    healthP99Ms: h.latency.p99,
    healthMaxMs: h.latency.max,
    dataRequests: d.requests.total,
    dataP99Ms: d.latency.p99,
    dataMaxMs: d.latency.max,
    readFailures: h.non2xx + h.errors + h.timeouts + d.non2xx + d.errors + d.timeouts,
    idleRssMiB,
    peakRssMiB,
  };
}

async function postFile(url: string, token: string, path: string, query: string) {
  const body = readFileSync(path);
  const res = await fetch(`${url}/api/imports?${query}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": XLSX },
    body,
  });
  const json = (await res.json()) as { detail?: string; errors?: { message: string }[] };
  return {
    status: res.status,
    detail: res.ok ? null : (json.errors?.[0]?.message ?? json.detail ?? null),
    bytes: body.byteLength,
  };
}

/**
 * Against a running server (demo data): reads under load with no import (the baseline), then while the
 * workbook that lies about its size is refused, while the largest allowed workbook is dry-run (decoded,
 * validated, inserted and rolled back: the import's whole cost, with no change for the server's caches to
 * reread), while four dry runs of it are sent at once (one runs; the others must get 503 at once), and while
 * it is imported for real (the window then includes the server rereading 100,000 new returns into its caches).
 */
export async function runImportLoad(
  server: { url: string; pid: number },
  database: string,
  token: string,
  files: ImportBenchFiles,
  seconds: number,
): Promise<ImportLoadResult[]> {
  // Warm up, so the data endpoint's caches and the JIT are in the same state for every window.
  for (const path of ["/api/health", DATA_PATH]) {
    await autocannon({ url: `${server.url}${path}`, connections: IMPORT_LOAD_CONNECTIONS, duration: 2 });
  }
  const results: ImportLoadResult[] = [];
  const record = (scenario: string, r: Omit<ImportLoadResult, "database" | "scenario">) =>
    results.push({ database, scenario, ...r });
  const largest = `largest allowed workbook (${files.largest.rows.toLocaleString("en-GB")} rows)`;
  // Its rows fall in many monthly waves, which an import must confirm by name.
  const confirm = `&confirmWaves=${surveyWorkbookWaves(files.largest.rows).join(",")}`;
  const send =
    (path: string, query: string, copies = 1) =>
    async () => {
      const all = await Promise.all(
        Array.from({ length: copies }, () => postFile(server.url, token, path, query)),
      );
      return {
        statuses: all
          .map((r) => r.status)
          .sort()
          .join(", "),
        detail: all.find((r) => r.detail)?.detail ?? null,
        fileBytes: all[0]!.bytes,
      };
    };

  record(
    "no import (baseline)",
    await underLoad(server, async () => {
      await new Promise((r) => setTimeout(r, seconds * 1000));
      return { statuses: "", detail: null, fileBytes: 0 };
    }),
  );
  record(
    "workbook that lies about its size (declares 64 KiB, inflates to 2 GiB)",
    await underLoad(server, send(files.lying, "fileName=lying-synthetic.xlsx")),
  );
  record(
    `${largest}, dry run`,
    await underLoad(
      server,
      send(files.largest.path, `fileName=largest-synthetic.xlsx&dryRun=true${confirm}`),
    ),
  );
  record(
    "four dry runs of it sent at once",
    await underLoad(
      server,
      send(files.largest.path, `fileName=largest-synthetic.xlsx&dryRun=true${confirm}`, 4),
    ),
  );
  record(
    `${largest}, imported`,
    await underLoad(server, send(files.largest.path, `fileName=largest-synthetic.xlsx${confirm}`)),
  );
  return results;
}
