/** The rows of organisations.csv: English trusts from the ODS files, one board or trust per devolved local area. */
import type { Geometry } from "geojson";
import { type AreaGeometry, interiorPoint, pointInGeometry } from "../reference-geo";
import type { OrganisationRow, OrganisationType } from "../validate-reference";
import { OGL } from "./config";
import type { LocalArea } from "./local-areas";
import { readCsvObjects, readCsvRows } from "./raw-inputs";
import { compareStrings, fail, note } from "./util";

/** "20241101" -> "2024-11-01"; "" -> "". */
function odsDate(value: string | undefined): string {
  const v = (value ?? "").trim();
  if (!v) return "";
  if (/^\d{8}$/.test(v)) return `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  fail(`unrecognised date "${v}"`);
}

const SMALL_WORDS = new Set(["and", "of", "the", "upon", "on", "in", "for", "with", "at", "by", "a"]);
const ACRONYMS = new Set(["NHS", "HSC", "UK", "CIC", "IAPT"]);
/** Official stylings that generic title-casing cannot produce (checked against the trusts' own usage). */
const NAME_OVERRIDES: Record<string, string> = {
  "DORSET HEALTHCARE UNIVERSITY NHS FOUNDATION TRUST": "Dorset HealthCare University NHS Foundation Trust",
};

/** Title-cases an upper-case ODS name: "THE NEWCASTLE UPON TYNE HOSPITALS NHS FOUNDATION TRUST" -> "The Newcastle upon Tyne Hospitals NHS Foundation Trust". */
function titleCaseOrganisationName(name: string): string {
  const upper = name.trim().replace(/\s+/g, " ").toUpperCase();
  const override = NAME_OVERRIDES[upper];
  if (override) return override;
  const capitalise = (w: string) =>
    w.replace(
      /^([^A-Za-z]*)([A-Za-z])(.*)$/,
      (_m, pre, c, rest) => pre + c.toUpperCase() + rest.toLowerCase(),
    );
  return upper
    .split(" ")
    .map((word, i) => {
      const bare = word.replace(/[^A-Z&']/g, "");
      if (ACRONYMS.has(bare)) return word;
      const lower = word.toLowerCase();
      if (i > 0 && SMALL_WORDS.has(lower)) return lower;
      return word
        .split("-")
        .map((part) => capitalise(part))
        .join("-");
    })
    .join(" ");
}

interface TrustFacts {
  code: string;
  type: OrganisationType;
}

/**
 * Closed predecessors and their successors. RRP/TAF -> G6V2S is stated in
 * england_mental_health_trusts.csv; R1C -> RW1 is a manual decision (README).
 */
const SUCCESSORS: Record<
  string,
  { successor: string; mentalHealthPredecessor: boolean; closedOn?: string; name?: string; why: string }
> = {
  RRP: {
    successor: "G6V2S",
    mentalHealthPredecessor: true,
    why: "england_mental_health_trusts.csv evidence for G6V2S",
  },
  TAF: {
    successor: "G6V2S",
    mentalHealthPredecessor: true,
    closedOn: "2024-10-31",
    name: "CAMDEN AND ISLINGTON NHS FOUNDATION TRUST",
    why: "england_mental_health_trusts.csv evidence for G6V2S; TAF is in neither etr file, so closed_on is the day before G6V2S opened (2024-11-01), the same as RRP's ODS close date",
  },
  R1C: {
    successor: "RW1",
    mentalHealthPredecessor: false, // PROVENANCE excludes R1C from the MH list as closed; it enters via the TT flag
    why: "manual: Solent NHS Trust closed 2024-09-30 and RW1 (Southern Health) became Hampshire and Isle of Wight Healthcare NHS FT at the same time; PROVENANCE lists this as unconfirmed",
  },
};

export function buildOrganisations(
  locals: LocalArea[],
  localByCode: Map<string, LocalArea>,
  icbOdsToOns: Map<string, string>,
  fullGeometry: Map<string, Geometry>,
): OrganisationRow[] {
  const mhTrusts = readCsvObjects("organisations/england_mental_health_trusts.csv");
  const trusts = readCsvObjects("organisations/england_nhs_trusts_2025-07_with_locations.csv");
  const ttProviders = readCsvObjects("organisations/nhs_talking_therapies_providers.csv");
  const hq = readCsvObjects("organisations/nhs_trust_hq_locations_2024.csv");
  const etr2025 = new Map(readCsvRows("organisations/ods_etr_nhs_trusts_2025-07.csv").map((r) => [r[0]!, r]));
  const etr2026 = new Map(readCsvRows("organisations/ods_etr_nhs_trusts_2026-04.csv").map((r) => [r[0]!, r]));
  const trustByCode = new Map(trusts.map((t) => [t.ods_code!, t]));
  const ttByCode = new Map(ttProviders.map((t) => [t.org_code!, t]));
  const hqByCode = new Map(hq.map((h) => [h.org_code!, h]));

  const g6v2sEvidence = mhTrusts.find((t) => t.ods_code === "G6V2S")?.evidence ?? "";
  if (!/\bRRP\b/.test(g6v2sEvidence) || !/\bTAF\b/.test(g6v2sEvidence)) {
    fail("england_mental_health_trusts.csv no longer names RRP and TAF as G6V2S predecessors");
  }

  const chosen = new Map<string, TrustFacts>();
  for (const t of mhTrusts) chosen.set(t.ods_code!, { code: t.ods_code!, type: "mental_health_trust" });
  for (const [code, s] of Object.entries(SUCCESSORS)) {
    if (s.mentalHealthPredecessor && chosen.get(s.successor)?.type === "mental_health_trust") {
      chosen.set(code, { code, type: "mental_health_trust" });
    }
  }
  for (const t of trusts) {
    if (t.talking_therapies_provider === "Y" && !chosen.has(t.ods_code!)) {
      chosen.set(t.ods_code!, { code: t.ods_code!, type: "talking_therapies_trust" });
    }
  }

  const rows: OrganisationRow[] = [];
  const icbCentroid = (icb: string): [number, number] => {
    const p = localByCode.get(icb)?.labelPoint;
    if (!p) fail(`ICB ${icb} has no LAT/LONG attribute`);
    return p;
  };
  for (const { code, type } of [...chosen.values()].sort((a, b) => compareStrings(a.code, b.code))) {
    const e26 = etr2026.get(code);
    const e25 = etr2025.get(code);
    const trust = trustByCode.get(code);
    const tt = ttByCode.get(code);
    const succ = SUCCESSORS[code];
    const rawName = e26?.[1] ?? e25?.[1] ?? tt?.org_name ?? succ?.name;
    if (!rawName) fail(`trust ${code} has no name in any raw file`);
    const name = titleCaseOrganisationName(rawName);
    const nameSource =
      e26 || e25
        ? `NHS ODS etr ${e26 ? "2026-04" : "2025-07"}`
        : tt
          ? "NHS ODS via nhstt provider metadata"
          : "england_mental_health_trusts.csv";
    let icbSource = "ODS etr 2025-07";

    // ICB (ONS E54 code)
    let area = trust?.icb_code ?? "";
    if (!area && tt?.icb_code) {
      area = icbOdsToOns.get(tt.icb_code) ?? "";
      icbSource = `ODS ICB ${tt.icb_code} (nhstt)`;
      if (area)
        note(
          `${code}: ICB ${area} from the ODS ICB code ${tt.icb_code} in nhs_talking_therapies_providers.csv (HQ ${tt.postcode})`,
        );
    }
    if (!area && succ) {
      area = trustByCode.get(succ.successor)?.icb_code ?? "";
      icbSource = `successor ${succ.successor}`;
      if (area)
        note(
          `${code}: ICB ${area} taken from its successor ${succ.successor} (no ICB or postcode in the raw files)`,
        );
    }
    if (!area) fail(`trust ${code} has no ICB`);

    // Location
    let lat = Number(trust?.latitude);
    let lon = Number(trust?.longitude);
    let located = "HQ postcode";
    if (!trust?.latitude || !Number.isFinite(lat) || !Number.isFinite(lon)) {
      const h = hqByCode.get(code);
      if (h?.latitude && h.longitude) {
        lat = Number(h.latitude);
        lon = Number(h.longitude);
        located = `earlier HQ postcode ${h.postcode}`;
        note(
          `${code}: no point for the current HQ postcode ${trust?.postcode ?? "?"}; used the 2024 HQ file's point for its earlier HQ postcode ${h.postcode}`,
        );
      } else {
        [lon, lat] = icbCentroid(area);
        located = "ICB centroid (approximate)";
        note(
          `${code}: no HQ coordinates (postcode ${trust?.postcode ?? tt?.postcode ?? "unknown"}); used the ${area} boundary LAT/LONG`,
        );
      }
    }

    let closedOn = odsDate(e26?.[11] ?? e25?.[11] ?? tt?.end_date);
    if (!closedOn && succ?.closedOn) closedOn = succ.closedOn;
    const openedOn = odsDate(e26?.[10] ?? e25?.[10] ?? tt?.start_date);
    rows.push({
      code,
      name,
      type,
      area_code: area,
      lat,
      lon,
      opened_on: openedOn,
      closed_on: closedOn,
      successor_code: closedOn && succ ? succ.successor : "",
      source: `${nameSource}; ICB: ${icbSource}; point: ${located}; ${OGL}`,
    });
  }

  // Scottish and Welsh health boards, NI HSC trusts: one per local area.
  for (const l of locals) {
    if (l.kind === "icb") continue;
    const geometry = fullGeometry.get(l.code) as AreaGeometry;
    let point: [number, number];
    let method: string;
    if (l.labelPoint && pointInGeometry(l.labelPoint, geometry)) {
      point = l.labelPoint;
      method = "ONS LAT/LONG";
    } else {
      ({ point, method } = interiorPoint(geometry));
    }
    const source = {
      lhb: `ONS Local Health Boards (April 2022) boundary, GSS code; point: ${method}; ${OGL}`,
      hb: `Scottish Government NHS Health Boards 2019 boundary, GSS code; point: ${method}; ${OGL}`,
      hsct: `DoH NI Trust Boundaries (OpenDataNI); point: ${method}; ${OGL}`,
      icb: "",
    }[l.kind];
    rows.push({
      code: l.code,
      name: l.name,
      type: l.kind === "hsct" ? "hsc_trust" : "health_board",
      area_code: l.code,
      lat: point[1],
      lon: point[0],
      opened_on: "",
      closed_on: "",
      successor_code: "",
      source,
    });
  }
  rows.sort((a, b) => compareStrings(a.code, b.code));
  return rows;
}
