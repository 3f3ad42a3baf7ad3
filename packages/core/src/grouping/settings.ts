import { z } from "zod";
import { kChoiceSchema } from "../clustering/settings";

/**
 * A condition on a group profile. Numeric conditions compare the group's mean in z units (standard
 * deviations of the portfolio, after the log where the attribute is logged): `above` means z ≥ above,
 * `below` means z ≤ below. Categorical conditions hold when the group's share of rows whose value is in
 * `in` reaches `minShare` (0..1).
 */
export const profileConditionSchema = z.union([
  z.object({ attribute: z.string().min(1), above: z.number().finite() }).strict(),
  z.object({ attribute: z.string().min(1), below: z.number().finite() }).strict(),
  z
    .object({
      attribute: z.string().min(1),
      in: z.array(z.string().min(1)).min(1),
      minShare: z.number().min(0).max(1).default(0.4),
    })
    .strict(),
]);
export type ProfileCondition = z.infer<typeof profileConditionSchema>;

/**
 * A product / credit guidance rule attached to groups whose profile matches: every `all` condition holds,
 * and at least one `any` condition when `any` is given. `code` is a product code the UI renders
 * (e.g. `ip_pledge_loan` 知识产权质押贷款).
 */
export const guidanceRuleSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]*$/, "a lower-case code such as ip_pledge_loan"),
    all: z.array(profileConditionSchema).default([]),
    any: z.array(profileConditionSchema).default([]),
  })
  .refine((rule) => rule.all.length + rule.any.length > 0, { message: "a guidance rule needs at least one condition" });
export type GuidanceRule = z.infer<typeof guidanceRuleSchema>;

/**
 * How groups are found (k-prototypes over mixed attributes) and described. Every field has a default, so
 * `{}` is a complete setting.
 */
export const groupingMethodSchema = z.object({
  /**
   * Weight of one categorical mismatch against squared z-units of the numeric part (Huang's γ). null = Huang's
   * suggestion, half the mean standard deviation of the scaled numeric attributes (0.5 after z-scoring).
   */
  gamma: z.number().finite().min(0).nullable().default(null),
  k: kChoiceSchema.default({ min: 2, max: 8 }),
  restarts: z.number().int().min(1).max(100).default(5),
  seed: z.number().int().min(0).default(0),
  maxIterations: z.number().int().min(1).max(1000).default(100),
  /** Rows the mixed-distance silhouette is computed on (seeded sample above this; O(m²)). */
  silhouetteSampleSize: z.number().int().min(50).max(20_000).default(1_000),
  /** When k is a range, each candidate is fitted on a seeded sample of this many rows; the chosen k on all. */
  selectionSampleSize: z.number().int().min(100).default(20_000),
  /** Subsamples (80 % of the rows, at most 10,000) re-grouped to score stability by the adjusted Rand index; 0 skips. */
  stabilityReplicates: z.number().int().min(0).max(20).default(3),
  /** A numeric attribute sets a group apart when |z| of its mean reaches this. */
  minAbsZ: z.number().finite().min(0).default(0.5),
  /** A categorical value sets a group apart when its lift (share in group ÷ share overall) reaches this … */
  minLift: z.number().finite().min(1).default(1.3),
  /** … and its share within the group reaches this (0..1). */
  minShare: z.number().min(0).max(1).default(0.4),
  /** Parts in a group's generated name. */
  maxNameParts: z.number().int().min(1).max(6).default(3),
});
export type GroupingMethod = z.infer<typeof groupingMethodSchema>;

/** The policy's `grouping` section: the method for customer and for project groups, and the guidance rules. */
export const groupingSettingsSchema = z.object({
  customers: groupingMethodSchema.prefault({}),
  projects: groupingMethodSchema.prefault({}),
  guidance: z.array(guidanceRuleSchema).default([]),
});
export type GroupingSettings = z.infer<typeof groupingSettingsSchema>;
