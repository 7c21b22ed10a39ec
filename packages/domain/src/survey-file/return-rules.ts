import type { SurveyColumn } from "../survey-columns";
import type { SurveyReturn } from "../survey-return";
import { nearest } from "./levenshtein";
import type { SurveyFileLimits } from "./limits";
import { completeReturn, type ReadFields, readRowFields } from "./row-reader";
import { isOpenDuringWave, wavePeriod } from "./wave-period";

/** What validation needs to know about an organisation in the reference data. */
export interface KnownOrganisation {
  code: string;
  name: string;
  openedOn: string | null;
  closedOn: string | null;
  successorCode: string | null;
}

/**
 * One thing wrong with one return, named by its survey-format column. The importer adds file and row to it;
 * the respondent form shows it beside the field for that column. The message is the same in both.
 */
export interface ReturnProblem {
  column: SurveyColumn;
  message: string;
  /** The offending value as typed (the importer shortens it for its report). */
  value: string;
  /** The allowed values, where the column has a vocabulary. */
  allowed?: string[];
}

export interface ReturnCheck {
  /** Every field read; undefined where its cell had a problem. */
  fields: ReadFields;
  /** Every problem, in the order the rules found them (cells in column order, then the cross-field rules). */
  problems: ReturnProblem[];
  /** The return, when it has no problem. */
  value: SurveyReturn | undefined;
}

/** The register, prepared once for checking many returns (a file's rows). */
export interface RegisterLookup {
  byCode: ReadonlyMap<string, KnownOrganisation>;
  codes: readonly string[];
}

export function registerLookup(organisations: readonly KnownOrganisation[]): RegisterLookup {
  const byCode = new Map(organisations.map((o) => [o.code, o]));
  return { byCode, codes: [...byCode.keys()] };
}

/**
 * The rules for one return, wherever it comes from: a row of a survey file (validateSurveyTable calls this
 * per row) or the respondent form (called as the respondent types, and by the server on every draft and
 * submission). Reads every cell (types, vocabularies, lengths, control characters, required cells), checks
 * the organisation against the register when one is given (known, open during the wave), and the
 * cross-field rules: participants_completed ≤ participants_started ≤ places_offered. Pure.
 * `cell` gives a column's text ("" when absent or blank).
 */
export function checkReturn(
  cell: (column: SurveyColumn) => string,
  options: { limits: SurveyFileLimits; register?: RegisterLookup },
): ReturnCheck {
  const problems: ReturnProblem[] = [];
  const add = (column: SurveyColumn, message: string, value: string, allowed?: string[]) =>
    problems.push({ column, message, value, ...(allowed ? { allowed } : {}) });
  const fields = readRowFields(
    { get: cell, report: (column, message, allowed) => add(column, message, cell(column), allowed) },
    options.limits,
  );

  const { waveId, orgCode } = fields;
  const register = options.register;
  if (register && orgCode !== undefined) {
    const org = register.byCode.get(orgCode);
    if (!org) {
      const suggestion = nearest(orgCode.toUpperCase(), register.codes, 1);
      const hint = suggestion
        ? `did you mean "${suggestion}" (${register.byCode.get(suggestion)!.name})?`
        : "organisation codes are listed in data/reference/organisations.csv";
      add("org_code", `unknown organisation code "${orgCode}"; ${hint}`, orgCode);
    } else if (waveId !== undefined && !isOpenDuringWave(org, waveId)) {
      add("org_code", notOpenMessage(org, waveId, register.byCode), orgCode);
    }
  }

  const { participantsStarted: started, participantsCompleted: completed, placesOffered: places } = fields;
  if (typeof completed === "number" && typeof started === "number" && completed > started) {
    add(
      "participants_completed",
      `participants_completed (${completed}) is more than participants_started (${started})`,
      String(completed),
    );
  }
  if (typeof started === "number" && typeof places === "number" && started > places) {
    add(
      "participants_started",
      `participants_started (${started}) is more than places_offered (${places})`,
      String(started),
    );
  }
  return { fields, problems, value: problems.length === 0 ? completeReturn(fields) : undefined };
}

function notOpenMessage(
  org: KnownOrganisation,
  waveId: string,
  organisations: ReadonlyMap<string, KnownOrganisation>,
): string {
  const period = wavePeriod(waveId)!;
  if (org.closedOn !== null && org.closedOn < period.start) {
    const chain = successorChain(org, organisations);
    const current = chain.find((o) => isOpenDuringWave(o, waveId)) ?? chain.at(-1);
    const via = chain.length > 1 && current !== chain[0] ? ` (via ${chain[0]!.code})` : "";
    const instead = current
      ? `; report it under its successor ${current.code} (${current.name})${via}`
      : org.successorCode
        ? `; its successor ${org.successorCode} is not in the reference data`
        : "; it has no successor in the reference data";
    return `organisation ${org.code} (${org.name}) closed on ${org.closedOn}, before wave ${waveId}${instead}`;
  }
  return `organisation ${org.code} (${org.name}) opened on ${org.openedOn}, after wave ${waveId}; it cannot have a return in that wave`;
}

/** The organisations that followed `org`, nearest first, stopping at a gap or a loop. */
function successorChain(
  org: KnownOrganisation,
  organisations: ReadonlyMap<string, KnownOrganisation>,
): KnownOrganisation[] {
  const chain: KnownOrganisation[] = [];
  let next = org.successorCode ? organisations.get(org.successorCode) : undefined;
  while (next && !chain.includes(next) && next !== org) {
    chain.push(next);
    next = next.successorCode ? organisations.get(next.successorCode) : undefined;
  }
  return chain;
}
