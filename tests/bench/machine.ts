import { cpus, freemem, loadavg, totalmem } from "node:os";

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  freeMemoryGiB: number;
  node: string;
  platform: string;
  date: string;
  /** The 1-minute load average when the run started and when it ended: other work on a shared machine. */
  loadAverage?: { start: number; end: number };
}

/** What the figures were measured on, recorded beside them in every run. */
export function machineInfo(): MachineInfo {
  const cpu = cpus();
  return {
    cores: cpu.length,
    cpuModel: cpu[0]?.model.trim() ?? "unknown",
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGiB: Math.round((freemem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    loadAverage: { start: round1(loadavg()[0]!), end: Number.NaN },
  };
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** Records the load average at the end of a run beside the one at its start. */
export function finishMachineInfo(machine: MachineInfo): MachineInfo {
  return {
    ...machine,
    loadAverage: { start: machine.loadAverage?.start ?? Number.NaN, end: round1(loadavg()[0]!) },
  };
}
