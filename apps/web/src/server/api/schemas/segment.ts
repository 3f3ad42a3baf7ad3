import { z } from "zod";
import { runIdInput, runSelectorInput, textInput } from "./common";

export const summaryInput = runSelectorInput;
export const clustersInput = runSelectorInput;
export const projectGroupsInput = runSelectorInput;
export const warningsInput = runSelectorInput;
/** One project group (its key: industry|region|risk level) across the finished runs. */
export const projectGroupHistoryInput = z.object({ groupKey: textInput({ max: 200, isTrimmed: false }) });

/** Migration between two runs: how many customers moved from each tier (or grade) to each other. */
export const migrationInput = z.object({
  fromRunId: runIdInput,
  toRunId: runIdInput,
  dimension: z.enum(["tier", "grade", "cluster"]).default("tier"),
});
export type MigrationInput = z.infer<typeof migrationInput>;
