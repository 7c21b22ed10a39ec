// Starts an import worker. First it lowers its own thread's priority (on Linux a thread has its own nice
// value), so loading and importing yield the CPU to the server's request loop. Then it loads the TypeScript
// entry: the API runs under tsx, and a worker thread does not inherit tsx's loader from its parent thread.
import { setPriority } from "node:os";
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

try {
  setPriority(workerData.nice ?? 0);
} catch {
  // Not every platform lets a thread lower its own priority; the import then runs at normal priority.
}
if (workerData.entry.endsWith(".ts")) register();
await import(workerData.entry);
