import type { Area, Organisation, Wave } from "../reference";
import type { SurveyReturn } from "../survey-return";

/** Everything the aggregation reads: the reference geography and organisations, the waves and all returns. */
export interface AtlasData {
  areas: readonly Area[];
  organisations: readonly Organisation[];
  waves: readonly Wave[];
  returns: readonly SurveyReturn[];
}

/**
 * AtlasData with lookups built once. Treat it as immutable: `memo` caches derived tables (per wave and
 * basis), so build a new index whenever the data changes (the API builds one per data version).
 */
export interface AtlasIndex {
  data: AtlasData;
  areaByCode: ReadonlyMap<string, Area>;
  orgByCode: ReadonlyMap<string, Organisation>;
  /** Waves oldest first (ids sort chronologically: YYYY or YYYY-MM). */
  waves: readonly Wave[];
  waveById: ReadonlyMap<string, Wave>;
  returnsByWave: ReadonlyMap<string, readonly SurveyReturn[]>;
  /** Each organisation's returns, oldest wave first. */
  returnsByOrg: ReadonlyMap<string, readonly SurveyReturn[]>;
  /** One return by `${waveId}|${orgCode}`. */
  returnByKey: ReadonlyMap<string, SurveyReturn>;
  /** Predecessors of each organisation (organisations whose successorCode names it). */
  predecessorsOf: ReadonlyMap<string, readonly Organisation[]>;
  memo: Map<string, MemoEntry>;
}

/**
 * What a memoised value was computed from: the reference data only (areas and organisations), or that
 * plus one wave's returns. Only values with a scope may be carried over to the next index (see
 * indexAtlasData); anything computed from more than that has none.
 */
export type MemoScope = { reference: true } | { wave: string };

interface MemoEntry {
  value: unknown;
  scope: MemoScope | null;
}

/** What the previous index may lend the next: its memo, for the waves whose returns are the same. */
export interface IndexCarryOver {
  previous: AtlasIndex;
  /** Waves whose returns are unchanged (the snapshot reused them). */
  unchangedWaves: ReadonlySet<string>;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * Builds the lookups. Pure; O(rows). Given the previous index and the waves whose returns did not change,
 * it keeps the previous index's derived tables for those waves (and for the reference) when the areas and
 * organisations are the same, so a new data version after a one-wave import recomputes only that wave.
 */
export function indexAtlasData(data: AtlasData, carry?: IndexCarryOver): AtlasIndex {
  const waves = [...data.waves].sort((a, b) => a.id.localeCompare(b.id));
  const sortedReturns = [...data.returns].sort(
    (a, b) => a.waveId.localeCompare(b.waveId) || a.orgCode.localeCompare(b.orgCode),
  );
  const withSuccessor = data.organisations.filter((o) => o.successorCode !== null);
  return {
    data,
    areaByCode: new Map(data.areas.map((a) => [a.code, a])),
    orgByCode: new Map(data.organisations.map((o) => [o.code, o])),
    waves,
    waveById: new Map(waves.map((w) => [w.id, w])),
    returnsByWave: groupBy(sortedReturns, (r) => r.waveId),
    returnsByOrg: groupBy(sortedReturns, (r) => r.orgCode),
    returnByKey: new Map(sortedReturns.map((r) => [`${r.waveId}|${r.orgCode}`, r])),
    predecessorsOf: groupBy(withSuccessor, (o) => o.successorCode!),
    memo: carry ? carriedMemo(data, carry) : new Map(),
  };
}

function carriedMemo(data: AtlasData, { previous, unchangedWaves }: IndexCarryOver): Map<string, MemoEntry> {
  const memo = new Map<string, MemoEntry>();
  const sameReference =
    JSON.stringify(previous.data.areas) === JSON.stringify(data.areas) &&
    JSON.stringify(previous.data.organisations) === JSON.stringify(data.organisations);
  if (!sameReference) return memo;
  for (const [key, entry] of previous.memo) {
    if (entry.scope === null) continue;
    if ("reference" in entry.scope || unchangedWaves.has(entry.scope.wave)) memo.set(key, entry);
  }
  return memo;
}

/** An organisation's return in a wave, if it has one. */
export function returnAt(index: AtlasIndex, waveId: string, orgCode: string): SurveyReturn | undefined {
  return index.returnByKey.get(`${waveId}|${orgCode}`);
}

/**
 * Memoises `compute` on the index under `key`. Give `scope` only when the value is computed from nothing but
 * what it names (the reference data, or the reference and one wave's returns): the next index may reuse it.
 */
export function memoise<T>(
  index: AtlasIndex,
  key: string,
  compute: () => T,
  scope: MemoScope | null = null,
): T {
  const held = index.memo.get(key);
  if (held) return held.value as T;
  const value = compute();
  index.memo.set(key, { value, scope });
  return value;
}

/**
 * The date a wave is taken to start, for placing organisation openings, closures and mergers: its
 * fieldwork start when known, otherwise the first day of its year (YYYY) or month (YYYY-MM).
 */
export function waveStartDate(wave: Wave): string {
  if (wave.fieldworkStart) return wave.fieldworkStart;
  return wave.id.length === 4 ? `${wave.id}-01-01` : `${wave.id}-01`;
}

/** The wave before `waveId` in time, or null for the first (or an unknown) wave. */
export function previousWave(index: AtlasIndex, waveId: string): Wave | null {
  const i = index.waves.findIndex((w) => w.id === waveId);
  return i > 0 ? index.waves[i - 1]! : null;
}

/**
 * Whether an organisation existed at a wave: it has a return in the wave, or it had opened by the wave's
 * start and had not closed by then. Used to list organisations without a return as `not_surveyed`.
 */
export function existedAt(index: AtlasIndex, org: Organisation, wave: Wave): boolean {
  if (returnAt(index, wave.id, org.code)) return true;
  const start = waveStartDate(wave);
  return (org.openedOn === null || org.openedOn <= start) && (org.closedOn === null || org.closedOn > start);
}

/** The organisation a closed one's returns belong to today: its successor's successor…, or itself. */
export function currentSuccessor(index: AtlasIndex, orgCode: string): string {
  let code = orgCode;
  const seen = new Set<string>([code]);
  for (;;) {
    const next = index.orgByCode.get(code)?.successorCode;
    if (!next || seen.has(next) || !index.orgByCode.has(next)) return code;
    seen.add(next);
    code = next;
  }
}
