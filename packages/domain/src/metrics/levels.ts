import type { Wave } from "../reference";
import type { ReportLevel } from "../vocabulary";
import { type AtlasIndex, existedAt } from "./atlas-index";
import type { Hierarchy } from "./hierarchy";

/**
 * The node ids reported at a level, ordered by public code. Areas: every area of the level. Organisations:
 * those with a return in the wave or that existed then (see existedAt; under basis `current`, today's
 * organisations whose own or predecessors' existence covers the wave).
 */
export function nodesAtLevel(
  index: AtlasIndex,
  hierarchy: Hierarchy,
  level: ReportLevel,
  wave: Wave | null,
): string[] {
  const out: { id: string; code: string }[] = [];
  for (const node of hierarchy.nodes.values()) {
    if (node.level !== level) continue;
    if (level === "organisation" && wave !== null) {
      const org = index.orgByCode.get(node.code)!;
      const predecessors = hierarchy.basis === "current" ? (index.predecessorsOf.get(node.code) ?? []) : [];
      if (!existedAt(index, org, wave) && !predecessors.some((p) => existedAt(index, p, wave))) continue;
    }
    out.push({ id: node.id, code: node.code });
  }
  return out.sort((a, b) => a.code.localeCompare(b.code)).map((n) => n.id);
}
