// The CSV writer lives in @atlas/domain so the web app's client-side downloads follow the same rules.
export { type CsvCell as Cell, neutraliseCell, toCsv } from "@atlas/domain";
