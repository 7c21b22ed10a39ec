/**
 * Test support: an attacker's view of everything the atlas publishes about counts of people.
 *
 * The unknowns are each organisation's own counts in each wave (s = participants started, c = completed).
 * Every published count is a known linear form in them: participants at a node (the sum of s over the answering
 * organisations the basis places under it), completion's denominator (s over those that reported both counts)
 * and numerator (c over the same), and an organisation's own figures in its journey. The structure is public
 * (who is where, who answered, which counts were left blank, who merged into whom); only the values are not.
 * A hidden value is disclosed if its form lies in the span of the published forms, tested exactly.
 */

import type { AtlasIndex } from "../metrics/atlas-index";
import { ancestorsOf, type Basis, hierarchyFor } from "../metrics/hierarchy";
import { isSmallCount } from "../metrics/small-count";
import { ANSWERING_PROVISIONS } from "../vocabulary";
import { LinearSpan, type SparseVector } from "./linear-span";

/** One published or suppressed cell, as a client sees it. */
export interface Observation {
  /** Where it was seen, for messages (endpoint and parameters). */
  where: string;
  waveId: string;
  basis: Basis;
  /** The hierarchy node: an area code, the UK's code, or `org:` + an organisation code. */
  nodeId: string;
  cell: "participants" | "completion" | "started" | "completed";
  suppressed: boolean;
  /** participants and started/completed: the count; completion: completed. */
  numerator: number | null;
  /** completion: started at organisations reporting both. */
  denominator: number | null;
}

type Form = Map<string, number>;

const sVar = (wave: string, org: string) => `s|${wave}|${org}`;
const cVar = (wave: string, org: string) => `c|${wave}|${org}`;

interface NodeForms {
  /** Started (participants). */
  S: Form;
  /** Started at organisations reporting both counts. */
  P: Form;
  /** Completed at those organisations. */
  C: Form;
  /** Started at organisations that gave no completion count. */
  Q: Form;
}

function add(form: Form, key: string): void {
  form.set(key, (form.get(key) ?? 0) + 1);
}

/** The forms of every node's counts under a basis in a wave, from the public structure. */
function nodeForms(index: AtlasIndex, waveId: string, basis: Basis): Map<string, NodeForms> {
  const hierarchy = hierarchyFor(index, basis);
  const out = new Map<string, NodeForms>();
  const at = (id: string) => {
    let f = out.get(id);
    if (!f) {
      f = { S: new Map(), P: new Map(), C: new Map(), Q: new Map() };
      out.set(id, f);
    }
    return f;
  };
  for (const id of hierarchy.order) at(id);
  for (const row of index.returnsByWave.get(waveId) ?? []) {
    if (!ANSWERING_PROVISIONS.includes(row.provision) || row.participantsStarted === null) continue;
    const node = hierarchy.nodeForOrganisation(row.orgCode);
    if (node === undefined) continue;
    const pair = row.participantsCompleted !== null;
    for (const id of ancestorsOf(hierarchy, node)) {
      const f = at(id);
      add(f.S, sVar(waveId, row.orgCode));
      if (pair) {
        add(f.P, sVar(waveId, row.orgCode));
        add(f.C, cVar(waveId, row.orgCode));
      } else add(f.Q, sVar(waveId, row.orgCode));
    }
  }
  return out;
}

/** An organisation's own figure in its journey (also for returns that enter no sum). */
function ownForm(waveId: string, orgCode: string, cell: "started" | "completed"): Form {
  return new Map([[cell === "started" ? sVar(waveId, orgCode) : cVar(waveId, orgCode), 1]]);
}

function truth(index: AtlasIndex): Map<string, number> {
  const values = new Map<string, number>();
  for (const row of index.data.returns) {
    if (row.participantsStarted !== null) values.set(sVar(row.waveId, row.orgCode), row.participantsStarted);
    if (row.participantsCompleted !== null)
      values.set(cVar(row.waveId, row.orgCode), row.participantsCompleted);
  }
  return values;
}

const sumOf = (form: SparseVector, values: ReadonlyMap<string, number>) =>
  [...form].reduce((sum, [k, coefficient]) => sum + Number(coefficient) * (values.get(k) ?? 0), 0);

/**
 * What the observations disclose: one message per suppressed cell whose content can be computed from the
 * published ones, per count of people from 1 to 4 (at any node, basis and wave) that is computable without
 * being published, and per published count from 1 to 4. An empty list means nothing leaks.
 */
export function disclosures(index: AtlasIndex, observations: readonly Observation[]): string[] {
  const found: string[] = [];
  const values = truth(index);
  const forms = new Map<string, Map<string, NodeForms>>();
  const formsAt = (waveId: string, basis: Basis) => {
    const key = `${waveId}|${basis}`;
    if (!forms.has(key)) forms.set(key, nodeForms(index, waveId, basis));
    return forms.get(key)!;
  };
  const cellForms = (o: Observation): { numerator: Form; denominator?: Form } => {
    if (o.cell === "started" || o.cell === "completed") {
      return { numerator: ownForm(o.waveId, o.nodeId.replace(/^org:/, ""), o.cell) };
    }
    const f = formsAt(o.waveId, o.basis).get(o.nodeId);
    if (!f) throw new Error(`${o.where}: no node ${o.nodeId}`);
    return o.cell === "participants" ? { numerator: f.S } : { numerator: f.C, denominator: f.P };
  };

  const span = new LinearSpan();
  for (const o of observations) {
    if (o.suppressed) continue;
    const { numerator, denominator } = cellForms(o);
    for (const [form, shown] of [
      [numerator, o.numerator],
      [denominator, o.denominator],
    ] as const) {
      if (!form || shown === null) continue;
      const actual = sumOf(form, values);
      if (Math.abs(actual - shown) > 1e-6)
        found.push(
          `${o.where}: published ${shown} but the returns add up to ${actual} (the forms are wrong)`,
        );
      if (isSmallCount(shown)) found.push(`${o.where}: publishes a count of ${shown} people`);
      span.add(form);
    }
  }
  for (const o of observations) {
    if (!o.suppressed) continue;
    const { numerator, denominator } = cellForms(o);
    const determined = span.contains(numerator) && (denominator === undefined || span.contains(denominator));
    if (determined) found.push(`${o.where}: suppressed, but its value can be computed from published cells`);
  }
  const seen = new Set<string>();
  for (const [key, nodes] of forms) {
    for (const [id, f] of nodes) {
      for (const [name, form] of Object.entries(f) as [keyof NodeForms, Form][]) {
        if (form.size === 0) continue;
        const actual = sumOf(form, values);
        const signature = [...form.keys()].sort().join("+");
        if (!isSmallCount(actual) || seen.has(signature)) continue;
        seen.add(signature);
        if (span.contains(form))
          found.push(`${key} ${id} ${name} = ${actual} people can be computed from published cells`);
      }
    }
  }
  for (const [variable, actual] of values) {
    if (isSmallCount(actual) && span.contains(new Map([[variable, 1]])) && !seen.has(variable))
      found.push(`${variable} = ${actual} people can be computed from published cells`);
  }
  return found;
}
