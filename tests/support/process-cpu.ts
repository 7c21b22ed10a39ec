import { readFileSync } from "node:fs";
import { processTree } from "./process-memory";

/** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ, the same on every Linux build in use). */
const TICKS_PER_SECOND = 100;

function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces; the fields after it are counted from its closing bracket.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 14 and 15 of stat (utime, stime) are the 12th and 13th after the name.
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** User plus system CPU time used so far by a process and all its descendants, in milliseconds. */
export function treeCpuMs(pid: number): number {
  return (processTree(pid).reduce((total, p) => total + cpuTicks(p), 0) * 1000) / TICKS_PER_SECOND;
}
