// Loads the import worker's TypeScript entry: the API runs under tsx, and a worker thread does not inherit
// tsx's loader from the thread that starts it, so the worker registers it before importing the entry.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

if (workerData.entry.endsWith(".ts")) register();
await import(workerData.entry);
