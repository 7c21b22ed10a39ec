import type { LinkState, TrackerEntry, TrackerLink, TrackerStatus } from "@atlas/domain";

/** The tracker's words for a return's status and a link's state, as the team reads them. */
export const STATUS_LABELS: Record<TrackerStatus, string> = {
  returned: "Returned",
  no_response: "No response",
  missing: "Missing",
};

export const LINK_STATE_LABELS: Record<LinkState, string> = {
  none: "No link",
  sent: "Sent",
  opened: "Opened",
  draft_saved: "Draft saved",
  submitted: "Submitted",
  revoked: "Revoked",
  expired: "Expired",
};

/** A time as the team reads it: "2 Dec 2026, 03:10" (their own time zone). */
export function shortDateTime(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/**
 * A link's state with the time that matters for it: when it was submitted (and whether corrections wait),
 * opened, saved, revoked or expired.
 * @example linkStateText({ state: "submitted", submittedAt: "2026-12-02T03:10:00Z", ... }) // "Submitted 2 Dec 2026, 03:10"
 */
export function linkStateText(link: TrackerLink): string {
  const label = LINK_STATE_LABELS[link.state];
  const at = (iso: string | null) => (iso ? ` ${shortDateTime(iso)}` : "");
  switch (link.state) {
    case "submitted":
      return `${label}${at(link.submittedAt)}${link.unsubmittedChanges ? " (later changes not submitted)" : ""}`;
    case "opened":
      return `${label}${at(link.openedAt)}`;
    case "draft_saved":
      return `${label}${at(link.draftSavedAt)}`;
    case "revoked":
      return `${label}${at(link.revokedAt)}`;
    case "expired":
      return `${label}${at(link.expiresAt)}`;
    default:
      return label;
  }
}

export const SORT_KEYS = ["name", "area", "status", "link", "changed"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface TrackerSort {
  key: SortKey;
  direction: "ascending" | "descending";
}

export interface TrackerFilter {
  status: TrackerStatus | "all";
  link: LinkState | "all";
  /** Part of an organisation's name or code, or its area's name (any case). */
  text: string;
}

export const NO_FILTER: TrackerFilter = { status: "all", link: "all", text: "" };

export function filterTracker(entries: readonly TrackerEntry[], filter: TrackerFilter): TrackerEntry[] {
  const text = filter.text.trim().toLowerCase();
  return entries.filter(
    (e) =>
      (filter.status === "all" || e.status === filter.status) &&
      (filter.link === "all" || e.link.state === filter.link) &&
      (text === "" || [e.name, e.code, e.areaName].some((s) => s.toLowerCase().includes(text))),
  );
}

const STATUS_ORDER: TrackerStatus[] = ["missing", "no_response", "returned"];
const compareText = (a: string, b: string) => a.localeCompare(b, "en-GB", { sensitivity: "base" });

/** Sorted by the key (ties by name); the status order puts the organisations to chase first. */
export function sortTracker(entries: readonly TrackerEntry[], sort: TrackerSort): TrackerEntry[] {
  const by: Record<SortKey, (a: TrackerEntry, b: TrackerEntry) => number> = {
    name: () => 0,
    area: (a, b) => compareText(a.areaName, b.areaName),
    status: (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
    link: (a, b) => compareText(LINK_STATE_LABELS[a.link.state], LINK_STATE_LABELS[b.link.state]),
    changed: (a, b) => (a.lastChange?.at ?? "").localeCompare(b.lastChange?.at ?? ""),
  };
  const sign = sort.direction === "ascending" ? 1 : -1;
  return [...entries].sort(
    (a, b) => sign * (by[sort.key](a, b) || compareText(a.name, b.name) || compareText(a.code, b.code)),
  );
}
