import type { Wave } from "../reference";
import type { ReportLevel } from "../vocabulary";
import { type AtlasIndex, existedAt } from "./atlas-index";
import type { Hierarchy } from "./hierarchy";

/**
 * The nodes reported at a level, by code. Areas: every area of the level. Organisations: those with a return
 * in the wave or that existed then (see existedAt); under basis `current` only today's organisations.
 */
export function nodesAtLevel(
  index: AtlasIndex,
  hierarchy: Hierarchy,
  level: ReportLevel,
  wave: Wave | null,
): string[] {
  const out: string[] = [];
  for (const node of hierarchy.nodes.values()) {
    if (node.level !== level) continue;
    if (level === "organisation" && wave !== null) {
      const org = index.orgByCode.get(node.code)!;
      const merged = index.predecessorsOf.get(node.code) ?? [];
      const anyExisted =
        existedAt(index, org, wave) ||
        (hierarchy.basis === "current" && merged.some((p) => existedAt(index, p, wave)));
      if (!anyExisted) continue;
    }
    out.push(node.code);
  }
  return out.sort();
}
