import type { z } from "zod";
import { policySchema, type Policy } from "./policy-schema";

/**
 * One offending field: its dotted path, an English message (for the command line and logs) and, for the
 * interface to word, a code with parameters: a rule of the policy schema (`tier_last_not_catch_all`, …) or zod's
 * own check (`too_small` with `minimum`, `too_big` with `maximum`, `invalid_type` with `expected`, …).
 */
export type PolicyIssue = {
  path: string;
  message: string;
  code: string;
  params: Record<string, string | number | boolean>;
};
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
    issues: result.error.issues.map((issue) => ({
      path: formatIssuePath(issue.path),
      message: issue.message,
      ...issueCode(issue),
    })),
  };
}

type Scalar = string | number | boolean;
const isScalar = (value: unknown): value is Scalar => ["string", "number", "boolean"].includes(typeof value);

/** The issue as a code with scalar parameters (bigint bounds as numbers: policy fields are plain numbers). */
function issueCode(issue: z.core.$ZodIssue): Pick<PolicyIssue, "code" | "params"> {
  switch (issue.code) {
    case "custom": {
      const { rule, ...rest } = (issue.params ?? {}) as Record<string, unknown>;
      const params = Object.fromEntries(
        Object.entries(rest).filter((entry): entry is [string, Scalar] => isScalar(entry[1])),
      );
      return { code: typeof rule === "string" ? rule : "custom", params };
    }
    case "too_small":
      return { code: "too_small", params: { minimum: Number(issue.minimum), inclusive: issue.inclusive ?? true } };
    case "too_big":
      return { code: "too_big", params: { maximum: Number(issue.maximum), inclusive: issue.inclusive ?? true } };
    case "invalid_type":
      return { code: "invalid_type", params: { expected: issue.expected } };
    default:
      return { code: issue.code, params: {} };
  }
}
