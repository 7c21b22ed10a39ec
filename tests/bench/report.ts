import type { LoadResult } from "./api-load";
import type { ImportLoadResult } from "./import-load";
import type { LighthouseScores } from "./lighthouse";
import type { MachineInfo } from "./machine";
import type { ScaleResult } from "./scale";
import type { WebBench } from "./web";

export interface BenchResults {
  machine: MachineInfo;
  settings: { seconds: number; connections: number; importConnections?: number };
  /** When each section was last measured (a run with BENCH_ONLY keeps the others' figures). */
  measured?: { api: string | null; scale: string | null; web: string | null; import?: string | null };
  load: LoadResult[];
  scale: ScaleResult[];
  web: WebBench | null;
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
    "Every ratio compares figures from the same run. Regenerate with `npx pnpm@10.34.8 bench` (`BENCH_ONLY=api,scale,web,import` runs some sections and keeps the others' last figures).",
    "",
  ];
  if (r.measured) {
    const when = (d: string | null) => d ?? "not measured";
    out.push(
      `Sections measured: API load ${when(r.measured.api)}; scale ${when(r.measured.scale)}; web ${when(r.measured.web)}; imports ${when(r.measured.import ?? null)}.`,
      "",
    );
  }
  if (r.load.length > 0) {
    out.push(
      `## API under load (autocannon, ${r.settings.connections} connections on loopback, ${r.settings.seconds} s per endpoint, demo data)`,
      "",
      "Aims: data endpoints at least 0.5 of /api/health's requests/s, p99 under 50 ms. /api/health is run before the first endpoint and after each one; an endpoint's ratio is to the mean of the health runs just before and after it (the machine's speed drifts over a run), and the health row is the run with the median requests/s. Server CPU = the server process tree's CPU time (user and system) during the run divided by the requests answered: what one request costs the server (GC and I/O threads included). Server RSS = the server process tree's resident memory, highest sample (every 250 ms) during that endpoint's run.",
      "",
      table(
        [
          "database",
          "endpoint",
          "requests/s",
          "p50 ms",
          "p99 ms",
          "ratio to health",
          "server CPU µs/request",
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
          // Runs before this column have no figure.
          Number.isFinite(l.serverCpuUsPerRequest) ? n(l.serverCpuUsPerRequest) : "—",
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
  if (r.web) out.push(...webSection(r.web));
  out.push(...renderImports(r));
  return `${out.join("\n")}\n`;
}

const ms = (v: number) => `${n(v)} ms`;
const ratio = (v: number, base: number) => `${n(v / base, 1)}×`;

function webSection(web: WebBench): string[] {
  const out: string[] = [
    "## Web, in headless Chromium against the local server",
    "",
    "Chromium runs with `--disable-gpu`. The first map is SVG (drawn from the boundaries with the same classes, colours and patterns as maplibre, which loads at the first pan or zoom by hand), so no WebGL is painted before it. Times are medians of three fresh loads; each ratio is to a blank page's load (a one-line HTML page from a plain Node server) in the same run and window.",
    "",
  ];
  const cols = web.loads.map((l) => `window ${l.viewport}`);
  const row = (label: string, pick: (l: WebBench["loads"][number]) => string, aim: string) => [
    label,
    ...web.loads.map(pick),
    aim,
  ];
  out.push(
    table(
      ["measure", ...cols, "aim"],
      [
        row("blank page: navigation start → load", (l) => ms(l.blankLoadMs), "baseline"),
        row(
          "time to first map (navigation start → choropleth drawn), ratio to blank",
          (l) => `${ms(l.firstMapMs)} (${ratio(l.firstMapMs, l.blankLoadMs)})`,
          "1,000 ms at 1440×900",
        ),
        row(
          "JavaScript transferred before the first map (gzip)",
          (l) => `${n(l.initialJsBytes / 1024, 1)} kB`,
          "350 kB",
        ),
        row("all JavaScript transferred (page idle)", (l) => `${n(l.totalJsBytes / 1024, 1)} kB`, ""),
        row(
          `wave change until repainted (median of ${web.loads[0]?.waveChanges ?? 0}), ratio to blank`,
          (l) => `${n(l.waveChangeMedianMs, 1)} ms (${n(l.waveChangeMedianMs / l.blankLoadMs, 2)}×)`,
          "100 ms",
        ),
        row("wave change, slowest", (l) => `${n(l.waveChangeMaxMs, 1)} ms`, ""),
      ],
    ),
    "",
    "### Cumulative layout shift per view (PerformanceObserver from the first byte until the view is drawn and the network idle, largest session window)",
    "",
  );
  const viewports = [...new Set(web.shifts.map((x) => x.viewport))];
  const views = [...new Set(web.shifts.map((x) => x.view))];
  const cls = (view: string, viewport: string) =>
    web.shifts.find((x) => x.view === view && x.viewport === viewport)?.cls ?? Number.NaN;
  out.push(
    table(
      ["view", ...viewports.map((v) => `window ${v}`), "aim", "met"],
      views.map((view) => [
        view,
        ...viewports.map((v) => n(cls(view, v), 3)),
        "< 0.05",
        viewports.every((v) => cls(view, v) < 0.05) ? "yes" : "no",
      ]),
    ),
    "",
    "### Lighthouse 12.8 (npm package, run against Debian's Chromium with the flags above; default simulated throttling)",
    "",
  );
  const blankOf = (l: LighthouseScores) => web.lighthouseBlank.find((b) => b.formFactor === l.formFactor);
  out.push(
    table(
      [
        "form factor",
        "performance",
        "accessibility",
        "best practices",
        "FCP (ratio to blank)",
        "LCP (ratio to blank)",
        "total blocking time",
        "speed index",
        "CLS",
        "aims met",
      ],
      web.lighthouse.map((l) => {
        const blank = blankOf(l);
        const aims =
          l.formFactor === "desktop"
            ? l.performance >= 0.95 && l.accessibility >= 1 && l.bestPractices >= 0.95
              ? "yes"
              : "no"
            : "(no aim set)";
        return [
          l.formFactor,
          n(l.performance, 2),
          n(l.accessibility, 2),
          n(l.bestPractices, 2),
          `${ms(l.firstContentfulPaintMs)} (${blank ? ratio(l.firstContentfulPaintMs, blank.firstContentfulPaintMs) : "–"})`,
          `${ms(l.largestContentfulPaintMs)} (${blank ? ratio(l.largestContentfulPaintMs, blank.largestContentfulPaintMs) : "–"})`,
          ms(l.totalBlockingTimeMs),
          ms(l.speedIndexMs),
          n(l.cumulativeLayoutShift, 3),
          aims,
        ];
      }),
    ),
    "",
    "Aims (desktop): performance ≥ 0.95, accessibility 1.0, best practices ≥ 0.95. Audits that lost points:",
    "",
    ...web.lighthouse.map(
      (l) => `- ${l.formFactor}: ${l.failing.length > 0 ? l.failing.join("; ") : "none"}`,
    ),
    "",
  );
  return out;
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
