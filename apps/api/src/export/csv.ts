// The CSV writer lives in @atlas/domain so the web app's own downloads (the directory, the survey team's link file) follow the same rules.
export { type CsvCell as Cell, neutraliseCell, toCsv } from "@atlas/domain";
