import type { LoadResult } from "./api-load";
import type { ImportLoadResult } from "./import-load";
import type { MachineInfo } from "./machine";
import type { ScaleResult } from "./scale";
import type { WebResult } from "./web";

export interface BenchResults {
  machine: MachineInfo;
  settings: { seconds: number; connections: number; importConnections?: number };
  load: LoadResult[];
  scale: ScaleResult[];
  web: WebResult[];
  imports?: ImportLoadResult[];
}

const n = (v: number, digits = 0) =>
  v.toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: digits });

function table(header: string[], rows: (string | number)[][]): string {
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

/** Growth of a cost between the smallest and each larger size, against growth of the rows it handles. */
function growth(rows: ScaleResult[], pick: (r: ScaleResult) => number): string[] {
  const base = rows[0];
  if (!base) return [];
  return rows.map((r) => `${n(pick(r) / pick(base), 1)}× for ${n(r.rows / base.rows, 0)}× rows`);
}

/** The /api/health run's memory on one database: the baseline each endpoint's memory is compared with. */
function healthRss(load: LoadResult[], database: string): number {
  return load.find((l) => l.database === database && l.endpoint === "health")?.serverRssMiB ?? Number.NaN;
}

export function renderResults(r: BenchResults): string {
  const m = r.machine;
  const out: string[] = [
    "# Benchmark results",
    "",
    `Measured by \`pnpm bench\` on ${m.date}: ${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB memory, Node.js ${m.node}, ${m.platform}${m.loadAverage ? `; load average ${m.loadAverage.start} at the start, ${m.loadAverage.end} at the end (other work on the machine)` : ""}.`,
    "Every ratio compares figures from this same run. Regenerate with `npx pnpm@10.34.8 bench`.",
    "",
  ];
  if (r.load.length > 0) {
    out.push(
      `## API under load (autocannon, ${r.settings.connections} connections on loopback, ${r.settings.seconds} s per endpoint, demo data)`,
      "",
      "Aims: data endpoints at least 0.5 of /api/health's requests/s, p99 under 50 ms. Server RSS = the server process tree's resident memory, highest sample (every 250 ms) during that endpoint's run.",
      "",
      table(
        [
          "database",
          "endpoint",
          "requests/s",
          "p50 ms",
          "p99 ms",
          "ratio to health",
          "non-2xx",
          "errors",
          "server RSS MiB",
          "RSS vs health",
          "aims met",
        ],
        r.load.map((l) => [
          l.database,
          `\`${l.path}\``,
          n(l.requestsPerSecond),
          n(l.p50Ms, 1),
          n(l.p99Ms, 1),
          n(l.ratioToHealth, 2),
          l.non2xx,
          l.errors,
          n(l.serverRssMiB),
          n(l.serverRssMiB / healthRss(r.load, l.database), 2),
          l.endpoint === "health" ? "baseline" : l.ratioToHealth >= 0.5 && l.p99Ms < 50 ? "yes" : "no",
        ]),
      ),
      "",
    );
  }
  if (r.scale.length > 0) {
    out.push(
      "## Scale: synthetic registries at multiples of today's, imported through the real importer (in process)",
      "",
      "Start = first request of a fresh process (reads and indexes every return); after import = first request after a replacing import of one wave (reads that wave again, re-indexes all, recomputes that wave's tables and keeps the others'); warm = median of 15 later requests. Heap held = JavaScript heap retained after these requests (after a full collection) minus before the app was built: what the data cache costs in memory.",
      "",
      table(
        [
          "database",
          "size",
          "organisations",
          "waves",
          "rows",
          "import rows/s",
          "coverage start ms",
          "coverage after import ms",
          "coverage warm ms",
          "trends start ms",
          "trends after import ms",
          "trends warm ms",
          "heap held MiB",
          "heap per 1k rows MiB",
        ],
        r.scale.map((s) => [
          s.database,
          `${s.multiplier}x`,
          n(s.organisations),
          s.waves,
          n(s.rows),
          n(s.importRowsPerSecond),
          n(s.coverageStartMs, 1),
          n(s.coverageAfterImportMs, 1),
          n(s.coverageWarmMs, 2),
          n(s.trendsStartMs, 1),
          n(s.trendsAfterImportMs, 1),
          n(s.trendsWarmMs, 2),
          n(s.cacheHeapMiB, 1),
          n((s.cacheHeapMiB / s.rows) * 1000, 2),
        ]),
      ),
      "",
      "Growth of coverage cost at start, and after an import, against growth of rows:",
      "",
    );
    for (const db of new Set(r.scale.map((s) => s.database))) {
      const rows = r.scale.filter((s) => s.database === db).sort((a, b) => a.rows - b.rows);
      out.push(`- ${db}, at start: ${growth(rows, (s) => s.coverageStartMs).join("; ")}`);
      out.push(`- ${db}, after import: ${growth(rows, (s) => s.coverageAfterImportMs).join("; ")}`);
    }
    out.push("");
  }
  if (r.web.length > 0) {
    const cols = r.web.map((w) => `window ${w.viewport}`);
    const row = (label: string, pick: (w: WebResult) => string, aim: string) => [
      label,
      ...r.web.map(pick),
      aim,
    ];
    out.push(
      "## Web, in headless Chromium against the local server",
      "",
      "Chromium runs with `--disable-gpu`, so maplibre's WebGL is drawn in software (SwiftShader): paint cost grows with the map's pixels.",
      "",
      table(
        ["measure", ...cols, "aim"],
        [
          row(
            "time until the map is usable (navigation start → choropleth drawn)",
            (w) => `${n(w.mapUsableMs)} ms`,
            "1,500 ms",
          ),
          row(
            "JavaScript transferred before the map is usable (gzip, maplibre's worker included)",
            (w) => `${n(w.initialJsBytes / 1024, 1)} kB`,
            "350 kB",
          ),
          row("all JavaScript transferred on the page", (w) => `${n(w.totalJsBytes / 1024, 1)} kB`, ""),
          row(
            `wave change until repainted (median of ${r.web[0]!.waveChanges})`,
            (w) => `${n(w.waveChangeMedianMs, 1)} ms`,
            "100 ms",
          ),
          row("wave change, slowest", (w) => `${n(w.waveChangeMaxMs, 1)} ms`, ""),
        ],
      ),
      "",
    );
  }
  out.push(...renderImports(r));
  return `${out.join("\n")}\n`;
}

const IMPORT_P99_AIM_MS = 50;
const IMPORT_MEMORY_AIM_MIB = 512;

function renderImports(r: BenchResults): string[] {
  const rows = r.imports ?? [];
  if (rows.length === 0) return [];
  const baseline = (database: string) => rows.find((i) => i.database === database && i.fileBytes === 0);
  return [
    `## Reads while an import runs (POST /api/imports, ${r.settings.importConnections} connections each on /api/health and \`/api/coverage?wave=2026&level=local&metric=offering_pct\`, demo data)`,
    "",
    `The server imports in a worker thread with its own database connection, one import at a time. Each window lasts from sending the file until its answer (the baseline: ${r.settings.seconds} s with no import). Memory = the server process tree's RSS, highest sample every 100 ms, minus its RSS just before the window. Aims: p99 under ${IMPORT_P99_AIM_MS} ms on both loads, memory under ${IMPORT_MEMORY_AIM_MIB} MiB above idle. The workbooks are synthetic, generated by the bench and not kept.`,
    "",
    table(
      [
        "database",
        "import",
        "file MB",
        "answers",
        "window s",
        "health p99 ms (max)",
        "health p99 vs baseline",
        "data p99 ms (max)",
        "data p99 vs baseline",
        "read failures",
        "RSS above idle MiB",
        "aims met",
      ],
      rows.map((i) => {
        const base = baseline(i.database);
        const above = i.peakRssMiB - i.idleRssMiB;
        const met =
          i.healthP99Ms < IMPORT_P99_AIM_MS &&
          i.dataP99Ms < IMPORT_P99_AIM_MS &&
          above < IMPORT_MEMORY_AIM_MIB &&
          i.readFailures === 0;
        return [
          i.database,
          i.scenario,
          i.fileBytes === 0 ? "" : n(i.fileBytes / 1024 / 1024, 1),
          i.statuses || "",
          n(i.seconds, 1),
          `${n(i.healthP99Ms, 0)} (${n(i.healthMaxMs, 0)})`,
          base && i !== base ? n(i.healthP99Ms / base.healthP99Ms, 2) : "baseline",
          `${n(i.dataP99Ms, 0)} (${n(i.dataMaxMs, 0)})`,
          base && i !== base ? n(i.dataP99Ms / base.dataP99Ms, 2) : "baseline",
          i.readFailures,
          n(above),
          met ? "yes" : "no",
        ];
      }),
    ),
    "",
    ...rows.filter((i) => i.detail).map((i) => `- ${i.database}, ${i.scenario}: “${i.detail}”`),
    "",
  ];
}
