import {
  AREA_LEVELS,
  type AreaLevel,
  DEFAULT_METRIC_BY_LEVEL,
  DEFAULT_NEED_ASSUMPTIONS,
  NEED_PARAMETER_IDS,
  type NeedParameterId,
  parseNeedAssumptions,
} from "@atlas/domain";

/**
 * The dashboard's state lives in the URL query string so that a link reproduces the view and back/forward
 * work. This module is the pure half: parse a query string into a complete state, and write one back
 * with defaults left out (so `?` alone always means "the latest wave, default metric").
 */

export const TABS = ["map", "chart", "table", "gaps", "compare", "change", "organisation"] as const;
export type Tab = (typeof TABS)[number];

/** `directory`: the organisation register (src/directory); `survey-team`: the survey team's page (admin token), src/survey-team. */
export const VIEWS = ["dashboard", "brief", "directory", "survey-team"] as const;
export type View = (typeof VIEWS)[number];

/** The organisation directory's open/closed filter (`all` = both, the default). */
export const REGISTER_STATUSES = ["all", "open", "closed"] as const;
export type RegisterStatus = (typeof REGISTER_STATUSES)[number];
/** Longest search text kept from a URL: longer than any organisation's name. */
export const MAX_SEARCH_LENGTH = 80;

/** Trends as recorded, or re-based to today's organisations (mergers folded into their successors). */
export const BASES = ["recorded", "current"] as const;
export type Basis = (typeof BASES)[number];
/** Organisation points on the map: shown (the default) or hidden, so a link keeps the map as seen. */
export const POINTS = ["on", "off"] as const;
export type Points = (typeof POINTS)[number];
/** Compare takes 2 to 6 areas; more are dropped, fewer leave the view asking for more. */
export const MAX_COMPARE = 6;

export interface MapPosition {
  zoom: number;
  lat: number;
  lon: number;
}

export interface ViewState {
  view: View;
  tab: Tab;
  metric: string;
  /** `null` means the latest wave, so a bare link keeps meaning "the latest". */
  wave: string | null;
  level: AreaLevel;
  /** The area whose panel is open (any level). */
  area: string | null;
  /** Areas picked for comparison, in the order picked. */
  compare: string[];
  /** The organisation whose journey is shown. */
  org: string | null;
  /** Waves compared in the stage-transition view; `null` means the two latest. */
  from: string | null;
  to: string | null;
  basis: Basis;
  points: Points;
  map: MapPosition | null;
  /** Need-model assumptions that differ from their defaults (absent = default), each a parameter of its id. */
  need: NeedInUrl;
  /** The organisation directory's search text (as typed), open/closed filter and region; only that view writes them. */
  q: string;
  status: RegisterStatus;
  region: string | null;
}

/** The need assumptions a view changed: only non-default values, so a bare link means the defaults. */
export type NeedInUrl = Readonly<Partial<Record<NeedParameterId, number>>>;

export const DEFAULT_STATE: ViewState = {
  view: "dashboard",
  tab: "map",
  metric: "offering_pct",
  wave: null,
  level: "region",
  area: null,
  compare: [],
  org: null,
  from: null,
  to: null,
  basis: "recorded",
  points: "on",
  map: null,
  need: {},
  q: "",
  status: "all",
  region: null,
};

/** The metric a level shows when the URL names none (need-based at local level, where commissioners act). */
export function defaultMetric(level: AreaLevel): string {
  return DEFAULT_METRIC_BY_LEVEL[level];
}

/**
 * Reads the need assumptions from the query: each in its bounds (the domain's rules, as the API checks
 * them); a malformed, out-of-bounds or default value is left out.
 */
export function parseNeedInUrl(params: URLSearchParams): NeedInUrl {
  const need: Partial<Record<NeedParameterId, number>> = {};
  for (const id of NEED_PARAMETER_IDS) {
    const text = params.get(id);
    if (text === null) continue;
    const { assumptions, problems } = parseNeedAssumptions({ [id]: text });
    if (problems.length === 0 && assumptions[id] !== DEFAULT_NEED_ASSUMPTIONS[id]) need[id] = assumptions[id];
  }
  return need;
}

const CODE = /^[A-Za-z0-9]{1,16}$/;
const METRIC = /^[a-z][a-z0-9_]{0,40}$/;
const WAVE = /^(19|20)\d{2}(-(0[1-9]|1[0-2]))?$/;

function oneOf<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function matching(pattern: RegExp, value: string | null): string | null {
  return value !== null && pattern.test(value) ? value : null;
}

/** `zoom/lat/lon`, as in OpenStreetMap links; out-of-range numbers make the position absent. */
export function parseMapPosition(value: string | null): MapPosition | null {
  if (!value) return null;
  const parts = value.split("/").map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [zoom, lat, lon] = parts as [number, number, number];
  if (zoom < 0 || zoom > 22 || Math.abs(lat) > 85 || Math.abs(lon) > 180) return null;
  return { zoom, lat, lon };
}

export function formatMapPosition({ zoom, lat, lon }: MapPosition): string {
  return `${zoom.toFixed(2)}/${lat.toFixed(4)}/${lon.toFixed(4)}`;
}

/** Search text as typed (spaces kept, so typing is not undone), without control characters, capped in length. */
export function parseSearchText(value: string | null): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return (value ?? "").replace(/[\u0000-\u001f\u007f]/g, "").slice(0, MAX_SEARCH_LENGTH);
}

/**
 * Reads a query string (with or without the leading `?`). Anything unknown or malformed falls back to the
 * default, so a hand-edited link still opens a working view.
 * @example parseUrlState("?metric=routine_pct&level=local").level // "local"
 */
export function parseUrlState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const compare = [
    ...new Set(
      (params.get("compare") ?? "")
        .split(",")
        .map((code) => code.trim())
        .filter((code) => CODE.test(code)),
    ),
  ].slice(0, MAX_COMPARE);
  const level = oneOf(AREA_LEVELS, params.get("level"), DEFAULT_STATE.level);
  return {
    view: oneOf(VIEWS, params.get("view"), DEFAULT_STATE.view),
    tab: oneOf(TABS, params.get("tab"), DEFAULT_STATE.tab),
    metric: matching(METRIC, params.get("metric")) ?? defaultMetric(level),
    wave: matching(WAVE, params.get("wave")),
    level,
    area: matching(CODE, params.get("area")),
    compare,
    org: matching(CODE, params.get("org")),
    from: matching(WAVE, params.get("from")),
    to: matching(WAVE, params.get("to")),
    basis: oneOf(BASES, params.get("basis"), DEFAULT_STATE.basis),
    points: oneOf(POINTS, params.get("points"), DEFAULT_STATE.points),
    map: parseMapPosition(params.get("map")),
    need: parseNeedInUrl(params),
    q: parseSearchText(params.get("q")),
    status: oneOf(REGISTER_STATUSES, params.get("status"), DEFAULT_STATE.status),
    region: matching(CODE, params.get("region")),
  };
}

/**
 * Writes the state as a query string starting with `?` (or `""` for the default view), in a fixed
 * parameter order so equal states give equal URLs.
 */
export function serializeUrlState(state: ViewState): string {
  const params = new URLSearchParams();
  const put = (key: string, value: string | null, fallback: string | null = null) => {
    if (value !== null && value !== fallback) params.set(key, value);
  };
  put("view", state.view, DEFAULT_STATE.view);
  put("tab", state.tab, DEFAULT_STATE.tab);
  put("metric", state.metric, defaultMetric(state.level));
  put("wave", state.wave);
  put("level", state.level, DEFAULT_STATE.level);
  put("area", state.area);
  put("compare", state.compare.length > 0 ? state.compare.join(",") : null);
  put("org", state.org);
  put("from", state.from);
  put("to", state.to);
  put("basis", state.basis, DEFAULT_STATE.basis);
  put("points", state.points, DEFAULT_STATE.points);
  put("map", state.map ? formatMapPosition(state.map) : null);
  for (const id of NEED_PARAMETER_IDS) {
    const value = state.need[id];
    if (value !== undefined && value !== DEFAULT_NEED_ASSUMPTIONS[id]) params.set(id, String(value));
  }
  // The directory's filters belong to it: following a link out of it leaves them behind.
  if (state.view === "directory") {
    put("q", state.q, DEFAULT_STATE.q);
    put("status", state.status, DEFAULT_STATE.status);
    put("region", state.region);
  }
  const text = params.toString().replaceAll("%2C", ",").replaceAll("%2F", "/");
  return text ? `?${text}` : "";
}

/**
 * A change to the state. Choosing another area (on the map, in search, in a table, by a link) drops the
 * map's position unless the change sets one, so the map shows the chosen area: no position means "the
 * selected area, or the whole UK". Changing level with the old level's default metric on screen moves to
 * the new level's default, so "no metric in the URL" keeps meaning "this level's default".
 */
export function applyPatch(state: ViewState, patch: Partial<ViewState>): ViewState {
  const next = { ...state, ...patch };
  if ("area" in patch && patch.area !== state.area && !("map" in patch)) next.map = null;
  if ("level" in patch && !("metric" in patch) && state.metric === defaultMetric(state.level))
    next.metric = defaultMetric(next.level);
  return next;
}

/** Pushes a new history entry for deliberate choices; replaces it for continuous ones (panning, playing). */
export type HistoryMode = "push" | "replace";
