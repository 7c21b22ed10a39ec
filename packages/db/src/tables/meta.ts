import type { Selectable } from "kysely";

/** Key/value facts about the stored data, e.g. `data_version`, bumped by every write so caches in any process expire. */
export interface MetaTable {
  key: string;
  value: string;
}
export type MetaRow = Selectable<MetaTable>;
