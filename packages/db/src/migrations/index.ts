import type { Migration } from "kysely";
import * as m0001 from "./0001-initial";
import * as m0002 from "./0002-survey-operations";
import * as m0003 from "./0003-respondent-links";

/** Every migration, in order. The CLI, the server and the tests all run this list. */
export const migrations: Record<string, Migration> = {
  "0001-initial": m0001,
  "0002-survey-operations": m0002,
  "0003-respondent-links": m0003,
};
