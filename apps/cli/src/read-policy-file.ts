import { readFileSync } from "node:fs";
import { parsePolicy, type Policy } from "@creditseg/core";
import { CliError } from "./cli-error";

/** Reads and validates a policy JSON file; a bad file ends with exit code 2 listing each offending field and why. */
export function readPolicyFile(file: string): Policy {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new CliError(`${file}: cannot read: ${error instanceof Error ? error.message : String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = parsePolicy(json);
  if (!result.ok) {
    throw new CliError(
      `${file}: invalid policy (${result.issues.length} problem${result.issues.length === 1 ? "" : "s"}):\n${result.issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`,
    );
  }
  return result.policy;
}
