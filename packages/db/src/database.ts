import type { AreaTable } from "./tables/area";
import type { ImportBatchTable } from "./tables/import-batch";
import type { MetaTable } from "./tables/meta";
import type { OrganisationTable } from "./tables/organisation";
import type { ResponseDraftTable, ResponseLinkTable } from "./tables/response-link";
import type { ReturnRevisionTable } from "./tables/return-revision";
import type { SurveyReturnTable } from "./tables/survey-return";
import type { SurveyWaveTable } from "./tables/survey-wave";

/** Every table, camelCase in TypeScript and snake_case in SQL (Kysely's CamelCasePlugin maps them). */
export interface Database {
  areas: AreaTable;
  organisations: OrganisationTable;
  surveyWaves: SurveyWaveTable;
  surveyReturns: SurveyReturnTable;
  importBatches: ImportBatchTable;
  returnRevisions: ReturnRevisionTable;
  responseLinks: ResponseLinkTable;
  responseDrafts: ResponseDraftTable;
  meta: MetaTable;
}

export type { AreaRow, NewAreaRow } from "./tables/area";
export type { ImportBatchRow, NewImportBatchRow } from "./tables/import-batch";
export type { MetaRow } from "./tables/meta";
export type { NewOrganisationRow, OrganisationRow } from "./tables/organisation";
export type {
  NewResponseLinkRow,
  ResponseDraftRow,
  ResponseLinkRow,
} from "./tables/response-link";
export type { NewReturnRevisionRow, ReturnRevisionRow } from "./tables/return-revision";
export type { NewSurveyReturnRow, SurveyReturnRow } from "./tables/survey-return";
export type { NewSurveyWaveRow, SurveyWaveRow } from "./tables/survey-wave";
