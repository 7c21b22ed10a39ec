/**
 * What the respondent page needs from the domain, free of zod so the page stays small: the form's fields
 * and groups, the importer's rules for one return, link states, respondent roles and the vocabularies.
 */
export * from "../survey-columns";
export * from "../survey-file/limits";
export type { ReturnCheck, ReturnProblem } from "../survey-file/return-rules";
export * from "../vocabulary";
export * from "./form-fields";
export * from "./link-state";
export * from "./return-form";
export * from "./roles";
