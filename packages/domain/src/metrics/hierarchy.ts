import { UK_CODE } from "../vocabulary";
import { type AtlasIndex, currentSuccessor, memoise } from "./atlas-index";
import { keptWith } from "./kept-with";

/**
 * How organisations are placed over time. `recorded`: each return counts for the organisation that made it,
 * in that organisation's area. `current`: a closed organisation's returns count for its (final) successor,
 * in the successor's area, so a series follows today's organisations.
 */
export type Basis = "recorded" | "current";
export const BASES = ["recorded", "current"] as const;

export type NodeLevel = "uk" | "nation" | "region" | "local" | "organisation";

export interface HierarchyNode {
  /** Unique in the tree: an area's code, the UK's code, or `org:` + an organisation's code (some organisations,
   * e.g. Scottish health boards, share their code with their area). */
  id: string;
  /** The public code (area GSS code or organisation ODS code). */
  code: string;
  name: string;
  level: NodeLevel;
  parentCode: string | null;
  /** Adult population (0 for organisations, where rates are not computed). */
  population: number;
  children: string[];
}

/**
 * The reporting tree: the UK, nations, regions, local areas and, under each local area, organisations.
 * Every cell published at any level is a node here, so additivity (a parent is the sum of its children) is
 * what secondary suppression protects.
 */
export interface Hierarchy {
  basis: Basis;
  nodes: ReadonlyMap<string, HierarchyNode>;
  /** Codes parents-first; iterate backwards to aggregate children into parents. */
  order: readonly string[];
  /** The organisation node id a return by `orgCode` counts for, or undefined if the organisation is unknown. */
  nodeForOrganisation(orgCode: string): string | undefined;
}

/** The node id of an organisation. */
export function orgNodeId(orgCode: string): string {
  return `org:${orgCode}`;
}

/** The node id for a public code at a level (the UK's code at nation level is the UK). */
export function nodeIdAt(level: "nation" | "region" | "local" | "organisation", code: string): string {
  return level === "organisation" ? orgNodeId(code) : code;
}

export const UK_NAME = "United Kingdom";

/** Builds (once per index and basis) the tree. Nations hang from the UK, which is not an area row. */
export function hierarchyFor(index: AtlasIndex, basis: Basis): Hierarchy {
  return memoise(index, `hierarchy:${basis}`, () => buildHierarchy(index, basis), { reference: true });
}

function buildHierarchy(index: AtlasIndex, basis: Basis): Hierarchy {
  const nodes = new Map<string, HierarchyNode>();
  const nations = index.data.areas.filter((a) => a.level === "nation");
  nodes.set(UK_CODE, {
    id: UK_CODE,
    code: UK_CODE,
    name: UK_NAME,
    level: "uk",
    parentCode: null,
    population: nations.reduce((sum, a) => sum + a.adultPopulation, 0),
    children: [],
  });
  for (const area of index.data.areas) {
    nodes.set(area.code, {
      id: area.code,
      code: area.code,
      name: area.name,
      level: area.level,
      parentCode: area.level === "nation" ? UK_CODE : area.parentCode,
      population: area.adultPopulation,
      children: [],
    });
  }
  const attribution = new Map<string, string>();
  for (const org of index.data.organisations) {
    const target = basis === "current" ? currentSuccessor(index, org.code) : org.code;
    if (index.areaByCode.has(index.orgByCode.get(target)!.areaCode)) attribution.set(org.code, target);
  }
  for (const code of new Set(attribution.values())) {
    const org = index.orgByCode.get(code)!;
    nodes.set(orgNodeId(code), {
      id: orgNodeId(code),
      code,
      name: org.name,
      level: "organisation",
      parentCode: org.areaCode,
      population: 0,
      children: [],
    });
  }
  for (const node of nodes.values()) {
    if (node.parentCode !== null) nodes.get(node.parentCode)?.children.push(node.id);
  }
  for (const node of nodes.values()) node.children.sort();
  const order: string[] = [];
  const queue = [UK_CODE];
  while (queue.length > 0) {
    const code = queue.shift()!;
    order.push(code);
    queue.push(...nodes.get(code)!.children);
  }
  return {
    basis,
    nodes,
    order,
    nodeForOrganisation: (orgCode) => {
      const target = attribution.get(orgCode);
      return target === undefined ? undefined : orgNodeId(target);
    },
  };
}

/** The node id and its ancestors' up to the UK. */
export function ancestorsOf(hierarchy: Hierarchy, id: string): string[] {
  const out: string[] = [];
  let node = hierarchy.nodes.get(id);
  while (node) {
    out.push(node.id);
    node = node.parentCode === null ? undefined : hierarchy.nodes.get(node.parentCode);
  }
  return out;
}

/** The nation a node belongs to (itself for a nation), or null for the UK. */
export function nationOf(hierarchy: Hierarchy, id: string): string | null {
  // Asked for every area of every table served; a hierarchy never changes, so each answer is kept with it.
  return keptWith(
    NATIONS,
    hierarchy,
    id,
    () => ancestorsOf(hierarchy, id).find((c) => hierarchy.nodes.get(c)!.level === "nation") ?? null,
  );
}

const NATIONS = new WeakMap<Hierarchy, Map<string, string | null>>();
