// Shared with the web app, which writes the same file from the links it was shown.
export { LINKS_CSV_COLUMNS, linksCsv } from "@atlas/domain";
