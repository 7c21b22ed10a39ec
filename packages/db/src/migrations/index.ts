import type { Migration } from "kysely";
import * as m0001 from "./0001-initial";

/** Every migration, in order. The CLI, the server and the tests all run this list. */
export const migrations: Record<string, Migration> = {
  "0001-initial": m0001,
};
