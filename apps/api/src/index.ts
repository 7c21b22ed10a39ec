/** The API as a library: what other workspace code (tests, benchmarks) builds on. */
export { createApp } from "./app";
export type { AppDeps } from "./deps";
export { type Config, readConfig, testConfig } from "./env";
export { importSurveyFile } from "./import/import-survey";
export { loadDemoData } from "./import/load-demo";
export { createLogger } from "./logger";
export { loadReference } from "./reference/load-reference";
export { readReference } from "./reference/read-reference";
export { seed } from "./seed";
