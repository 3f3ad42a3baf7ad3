import { policySchema, type Policy } from "./policy-schema";

export type PolicyIssue = { path: string; message: string };
export type ParsePolicyResult = { ok: true; policy: Policy } | { ok: false; issues: PolicyIssue[] };

/** Formats a zod issue path as a dotted field path: ["tiers", 0, "minContribution"] → "tiers.0.minContribution". */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? "(policy)" : path.map(String).join(".");
}

/** Validates an unknown value (usually parsed JSON) as a policy; on failure lists each offending field and why. */
export function parsePolicy(input: unknown): ParsePolicyResult {
  const result = policySchema.safeParse(input);
  if (result.success) return { ok: true, policy: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message })),
  };
}
