import { readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import type { DbHandle } from "@creditseg/db";

export type MachineInfo = {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  node: string;
  postgres: string | null;
  loadAverageAtStart: string;
};

/** What the figures were measured on: they are only comparable on the same machine. */
export async function describeMachine(postgres: DbHandle | null): Promise<MachineInfo> {
  let postgresVersion: string | null = null;
  if (postgres) {
    const [row] = await postgres.raw<{ version: string }>("select version()");
    postgresVersion = row?.version.split(",")[0] ?? null;
  }
  const loadAverage = readLoadAverage();
  return {
    cpuModel: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: postgresVersion,
    loadAverageAtStart: loadAverage,
  };
}

function readLoadAverage(): string {
  try {
    return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  } catch {
    return "unknown";
  }
}
