export { importCsv } from "./import-csv";
export { killRunMidWrite, type KilledRun } from "./kill-run-mid-write";
export { ACTORS, TEST_PERIOD, createSeededWorld } from "./seeded-world";
