// The CSV writer is shared with the web app (the survey team's link file is written in the browser).
export { type CsvCell as Cell, neutraliseCell, toCsv } from "@atlas/domain";
