import type { ValueStatus } from "@atlas/domain";

/**
 * Marks drawn on a chart where a value is missing or rests on few answers, so the reason is read on the
 * chart itself and not only in a table.
 */
export const STATUS_FLAGS: Record<Exclude<ValueStatus, "ok">, { mark: string; meaning: string }> = {
  suppressed: { mark: "S", meaning: "suppressed (fewer than 5 people)" },
  no_data: { mark: "–", meaning: "no data (no organisation answered)" },
  not_applicable: { mark: "n/a", meaning: "not applicable" },
  not_surveyed: { mark: "NS", meaning: "not surveyed" },
};

/** Fewer answering organisations than this and a percentage is flagged as resting on small numbers. */
export const SMALL_DENOMINATOR = 5;

/** Whether a percentage rests on so few answers that it should be drawn hollow and flagged. */
export function isSmallNumber(unit: string, denominator: number | null): boolean {
  return unit === "percent" && denominator !== null && denominator > 0 && denominator < SMALL_DENOMINATOR;
}

/** The key printed under a chart, naming only the marks it actually uses. */
export function flagKey(statuses: Iterable<ValueStatus>, hasSmall: boolean): string {
  const parts: string[] = [];
  for (const status of new Set(statuses)) {
    if (status !== "ok") parts.push(`${STATUS_FLAGS[status].mark} = ${STATUS_FLAGS[status].meaning}`);
  }
  if (hasSmall) parts.push(`hollow = fewer than ${SMALL_DENOMINATOR} organisations answered`);
  return parts.join(" · ");
}

/**
 * Spreads label positions apart so none is closer than `gap` to the next, keeping their order.
 * @example spreadLabels([10, 12, 40], 14) // [4, 18, 40] (roughly)
 */
export function spreadLabels(positions: number[], gap: number, min = -Infinity, max = Infinity): number[] {
  const order = positions.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const placed = order.map(([p]) => p);
  for (let i = 1; i < placed.length; i++) placed[i] = Math.max(placed[i]!, placed[i - 1]! + gap);
  const overflow = (placed.at(-1) ?? 0) - max;
  if (overflow > 0) for (let i = 0; i < placed.length; i++) placed[i]! -= overflow;
  for (let i = placed.length - 2; i >= 0; i--) placed[i] = Math.min(placed[i]!, placed[i + 1]! - gap);
  if ((placed[0] ?? 0) < min) for (let i = 0; i < placed.length; i++) placed[i]! += min - placed[0]!;
  const result = new Array<number>(positions.length);
  order.forEach(([, index], k) => {
    result[index] = placed[k]!;
  });
  return result;
}
