import type { Area, Organisation, SurveyReturn } from "../../../packages/domain/src/index";
import { ANSWERING_PROVISIONS, OFFERING_PROVISIONS } from "../../../packages/domain/src/index";
import { DEMO_SEED, type DemoData, demoFileName, fieldworkDate } from "./generate";

const pct = (n: number, d: number) => (d === 0 ? "–" : `${((100 * n) / d).toFixed(1)}%`);

/** Offering % by region for one wave: shows how patchy the synthetic provision is. */
function byRegion(
  returns: readonly SurveyReturn[],
  organisations: readonly Organisation[],
  areas: readonly Area[],
) {
  const area = new Map(areas.map((a) => [a.code, a]));
  const regionOf = new Map(organisations.map((o) => [o.code, area.get(o.areaCode)?.parentCode ?? ""]));
  const tally = new Map<string, { answered: number; offering: number }>();
  for (const r of returns) {
    const region = regionOf.get(r.orgCode) ?? "";
    const t = tally.get(region) ?? { answered: 0, offering: 0 };
    if (ANSWERING_PROVISIONS.includes(r.provision)) t.answered++;
    if (OFFERING_PROVISIONS.includes(r.provision)) t.offering++;
    tally.set(region, t);
  }
  return new Map([...tally].map(([code, t]) => [code, pct(t.offering, t.answered)]));
}

function nonResponseRange(data: DemoData): string {
  const shares = data.headlines.map((h) => (100 * h.noResponse) / h.invited);
  return `${Math.min(...shares).toFixed(0)}–${Math.max(...shares).toFixed(0)}%`;
}

/** data/demo/README.md, regenerated with the files so its numbers always match them. */
export function demoReadme(
  data: DemoData,
  reference: { areas: Area[]; organisations: Organisation[] },
): string {
  const rows = data.headlines.map(
    (h) =>
      `| ${h.wave} | ${h.invited} | ${h.answered} | ${h.offering} (${h.routine} routine) | **${h.offeringPct.toFixed(1)}%** | ${h.responsePct.toFixed(1)}% | ${h.noResponse} | ${h.notApplicable} | ${h.withheld} | ${h.online} | ${h.suppressible} |`,
  );
  const first = data.headlines[0]!.wave;
  const last = data.headlines.at(-1)!.wave;
  const early = byRegion(data.returns.get(first)!, reference.organisations, reference.areas);
  const late = byRegion(data.returns.get(last)!, reference.organisations, reference.areas);
  const regions = reference.areas
    .filter((a) => a.level === "region")
    .map((a) => `| ${a.name} | ${early.get(a.code) ?? "–"} | ${late.get(a.code) ?? "–"} |`);
  return `# ⚠️ SYNTHETIC DEMONSTRATION DATA — NOT REAL SURVEY RETURNS ⚠️

**Every value in these files is invented.** No organisation named here returned these answers. The files
exist so that the dashboard has something true-to-life to show before real survey waves are imported.
The organisations (codes and names) are real reference data; their MBCT provision, stages, counts,
barriers, facilitators and notes are not. Do not cite, map, or report any of it as a finding.

They are marked synthetic everywhere: in their file names (\`…-synthetic.csv\`), in the wave records
(\`synthetic = 1\`, labels such as "2016 (synthetic)", a source that says so), and by the API
(\`synthetic: true\`) and the web app (a banner) wherever their values are shown.

## How they are made

\`\`\`sh
npx pnpm@10.34.8 build:demo     # = tsx data/scripts/generate-demo.ts
\`\`\`

- Generator: \`data/scripts/generate-demo.ts\` (model in \`data/scripts/demo/\`). Deterministic: seed
  **\`${DEMO_SEED}\`**, a seeded PRNG (sfc32) with one stream per organisation; the same reference data gives
  byte-identical files on every run (a test checks this, and that every file imports cleanly).
- One file per wave, \`${demoFileName(first)}\` … \`${demoFileName(last)}\`, in the documented survey format
  (\`data/survey-format.md\`). Loaded by the ordinary importer (\`pnpm start\` on an empty database, unless
  \`ATLAS_DEMO=0\`; or \`pnpm atlas import data/demo/FILE\`).
- One row per reference organisation open on the wave's synthetic fieldwork date (30 June, e.g.
  ${fieldworkDate(2024)}): organisations that closed have rows before they closed, successors after they opened; a
  successor starts its journey where its most advanced predecessor had got to.

## The model (modelling assumptions, after the published findings of the ASPIRE study, NIHR HS&DR 12/64/187)

- Each organisation follows a hidden journey, advanced two years per wave: a **champion** arrives (more
  likely over time, in regions with a higher propensity, where teachers were trained before, and in English
  Talking Therapies services once funded MBCT training began), and may **leave**; without a team to carry
  on, provision **pauses** and stages slip back; a paused service often **restarts** a wave or two later when
  a new champion arrives, or becomes "none" after a long pause. Stages move **starting_out → developmental →
  sustainable** and back. Courses run only where a champion is present.
- Regional propensities are invented (higher near the UK's MBCT training centres), plus organisational
  noise, so provision is **patchy** across regions and improves **slowly**, never near universal.
- Service targets, financial pressure and organisational change are common barriers at **every** stage;
  leadership and commissioner support are more common where provision is routine.
- Courses of **8–15 places**, 8 weekly sessions; 72–100% of places taken; **65–85% complete**; some
  pilots with 1–4 participants (so the dashboard's small-number suppression has something to do).
- **2020**: a pandemic dip (groups stopped; most restart by 2022); online and hybrid delivery from 2020.
- In every wave ${nonResponseRange(data)} of invited organisations do not respond; two organisations are
  \`not_applicable\` throughout; a few returns are \`withheld\`.

## Headline numbers (computed from the files)

Offering = routine or limited, as a share of answering organisations (routine, limited, paused, none).
Response = invited organisations that returned the survey (any provision but \`no_response\`).
Target bands: offering ~25–30% in ${first} rising to ~55–65% by ${last}, with a 2020 dip; response 85–95%.

| wave | invited | answered | offering | offering % | response % | no response | not applicable | withheld | online or hybrid | started 1–4 |
|---|---|---|---|---|---|---|---|---|---|---|
${rows.join("\n")}

Offering % by region:

| region | ${first} | ${last} |
|---|---|---|
${regions.join("\n")}
`;
}
