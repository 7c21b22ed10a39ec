/** The import worker's entry: opens its own connection, runs one import, posts the outcome, closes. */
import { parentPort, workerData } from "node:worker_threads";
import { connect, parseDatabaseUrl } from "@atlas/db";
import { serialiseError } from "../errors";
import { importSurveyFile } from "../import-survey";
import type { ImportJob, ImportOutcome } from "./worker-import";

const { databaseUrl, input } = (workerData as { job: ImportJob }).job;
const database = connect(parseDatabaseUrl(databaseUrl));
try {
  let outcome: ImportOutcome;
  try {
    outcome = { ok: true, summary: await importSurveyFile(database, input) };
  } catch (error) {
    outcome = { ok: false, error: serialiseError(error) };
  }
  parentPort!.postMessage(outcome);
} finally {
  await database.close();
}
