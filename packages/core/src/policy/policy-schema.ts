import { z } from "zod";
import { CLASSIFICATIONS, ENTERPRISE_SIZES, GRADES } from "../constants";
import { toDecimal } from "../money/decimal";
import { LOAN_FEATURES, clusteringSettingsSchema } from "../clustering/settings";
import { groupingSettingsSchema } from "../grouping/settings";
import { CUSTOMER_GROUP_ATTRIBUTE_NAMES } from "../grouping/attributes";

/** Annual percent, e.g. 4.35 = 4.35%. Bounded so that a value typed in basis points (435) is caught. */
const ratePctSchema = z.number().finite().min(0).max(100);

/** Whole yuan or yuan with up to two decimals (fen); policies state amounts in CNY. */
const yuanSchema = z
  .number()
  .finite()
  .min(-1e15)
  .max(1e15)
  .refine((n) => toDecimal(n).decimalPlaces() <= 2, {
    message: "amount in CNY may have at most two decimals (fen)",
    params: { rule: "amount_two_decimals" },
  });

const ftpBucketSchema = z.object({
  /** Inclusive upper bound of the term bucket in months; null = no upper bound (catch-all, last). */
  maxTermMonths: z.number().int().min(0).nullable(),
  rate: ratePctSchema,
});

/** An ordered FTP curve for one side: ascending upper bounds, ending with the catch-all (null) bucket. */
const ftpCurveSchema = z
  .array(ftpBucketSchema)
  .min(1)
  .superRefine((buckets, ctx) => {
    buckets.forEach((bucket, index) => {
      const isLast = index === buckets.length - 1;
      if (isLast && bucket.maxTermMonths !== null) {
        ctx.addIssue({
          code: "custom",
          path: [index, "maxTermMonths"],
          message: "the last FTP bucket must be the catch-all (maxTermMonths: null)",
          params: { rule: "ftp_last_not_catch_all" },
        });
      }
      if (!isLast && bucket.maxTermMonths === null) {
        ctx.addIssue({
          code: "custom",
          path: [index, "maxTermMonths"],
          message: "only the last FTP bucket may have no upper bound (null)",
          params: { rule: "ftp_only_last_open" },
        });
      }
      const previous = buckets[index - 1];
      if (
        previous &&
        previous.maxTermMonths !== null &&
        bucket.maxTermMonths !== null &&
        bucket.maxTermMonths <= previous.maxTermMonths
      ) {
        ctx.addIssue({
          code: "custom",
          path: [index, "maxTermMonths"],
          message: "FTP buckets must be ordered by strictly increasing maxTermMonths",
          params: { rule: "ftp_order" },
        });
      }
    });
  });

const tierRuleSchema = z.object({
  name: z.string().min(1).max(40),
  labelZh: z.string().min(1).max(40).optional(),
  /** Minimum contribution in CNY (inclusive); absent = no lower bound. */
  minContribution: yuanSchema.optional(),
  /** Classifications the customer's worst loan may have; absent = any. */
  classifications: z.array(z.enum(CLASSIFICATIONS)).min(1).optional(),
});

const tiersSchema = z
  .array(tierRuleSchema)
  .min(1)
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((rule, index) => {
      if (seen.has(rule.name))
        ctx.addIssue({
          code: "custom",
          path: [index, "name"],
          message: `tier name "${rule.name}" is used twice`,
          params: { rule: "tier_name_duplicate", name: rule.name },
        });
      seen.add(rule.name);
      const isCatchAll = rule.minContribution === undefined && rule.classifications === undefined;
      const isLast = index === rules.length - 1;
      if (isLast && !isCatchAll) {
        ctx.addIssue({
          code: "custom",
          path: [index],
          message: "the last tier must be a catch-all (no minContribution, no classifications)",
          params: { rule: "tier_last_not_catch_all" },
        });
      }
      if (!isLast && isCatchAll) {
        ctx.addIssue({
          code: "custom",
          path: [index],
          message: "only the last tier may be a catch-all; later tiers could never match",
          params: { rule: "tier_only_last_catch_all" },
        });
      }
    });
  });

/** A numeric scorecard factor: the first bin whose `upTo` is ≥ the value wins (null = no upper bound, last). */
const numericFactorSchema = z.object({
  bins: z
    .array(z.object({ upTo: z.number().finite().nullable(), points: z.number().finite() }))
    .min(1)
    .superRefine((bins, ctx) => {
      bins.forEach((bin, index) => {
        const isLast = index === bins.length - 1;
        if (isLast !== (bin.upTo === null)) {
          ctx.addIssue({
            code: "custom",
            path: [index, "upTo"],
            message: "exactly the last bin has upTo: null (no upper bound)",
            params: { rule: "bins_last_open" },
          });
        }
        const previous = bins[index - 1];
        if (previous?.upTo != null && bin.upTo !== null && bin.upTo <= previous.upTo) {
          ctx.addIssue({
            code: "custom",
            path: [index, "upTo"],
            message: "bins must be ordered by strictly increasing upTo",
            params: { rule: "bins_order" },
          });
        }
      });
    }),
  /** Points when the customer's value is unknown. */
  missingPoints: z.number().finite(),
});

/** A categorical factor: the first bin listing the value wins; `otherPoints` for values no bin lists. */
const categoricalFactorSchema = z.object({
  bins: z.array(z.object({ values: z.array(z.string().min(1)).min(1), points: z.number().finite() })).min(1),
  otherPoints: z.number().finite(),
  missingPoints: z.number().finite(),
});

const pointsBySizeSchema = z.object(
  Object.fromEntries(ENTERPRISE_SIZES.map((s) => [s, z.number().finite()])) as Record<
    (typeof ENTERPRISE_SIZES)[number],
    z.ZodNumber
  >,
);
const pointsByClassificationSchema = z.object(
  Object.fromEntries(CLASSIFICATIONS.map((c) => [c, z.number().finite()])) as Record<
    (typeof CLASSIFICATIONS)[number],
    z.ZodNumber
  >,
);

const gradesSchema = z
  .object({
    factors: z.object({
      creditRating: categoricalFactorSchema,
      /** 资产负债率, percent. */
      debtRatio: numericFactorSchema,
      /** 流动比率, plain ratio. */
      currentRatio: numericFactorSchema,
      /** Return on assets, percent. */
      roa: numericFactorSchema,
      size: pointsBySizeSchema,
      worstClassification: pointsByClassificationSchema,
      /** Number of defaults on record. */
      defaultHistory: numericFactorSchema,
    }),
    /** Minimum total points per grade (inclusive); below `A` the grade is B. */
    cutoffs: z.object({ AAA: z.number().finite(), AA: z.number().finite(), A: z.number().finite() }),
  })
  .superRefine((grades, ctx) => {
    const { AAA, AA, A } = grades.cutoffs;
    if (!(AAA > AA))
      ctx.addIssue({
        code: "custom",
        path: ["cutoffs", "AA"],
        message: "the AA cut-off must be below the AAA cut-off",
        params: { rule: "cutoff_aa_below_aaa" },
      });
    if (!(AA > A))
      ctx.addIssue({
        code: "custom",
        path: ["cutoffs", "A"],
        message: "the A cut-off must be below the AA cut-off",
        params: { rule: "cutoff_a_below_aa" },
      });
  });

const warningsSchema = z.object({
  /** A project is a default signal when overdue strictly more than this many days (or downgraded). */
  overdueDaysThreshold: z.number().int().min(0).max(3650),
  /** A project group is flagged when its default-signal rate (percent of projects) exceeds this. */
  maxSignalRatePct: z.number().finite().min(0).max(100),
  /** Groups with fewer projects are profiled but never flagged: one bad project would swing the rate. */
  minGroupSize: z.number().int().min(1),
  /** Flag a rise of more than this many percentage points against the previous run's rate for the same group. */
  maxRisePctPoints: z.number().finite().min(0).max(100),
});

export const APPROVAL_LEVELS = ["branch", "regional", "head_office", "credit_committee"] as const;
export type ApprovalLevel = (typeof APPROVAL_LEVELS)[number];

const guidanceEntrySchema = z.object({
  /** Lowest executed rate to offer, annual percent. */
  pricingFloorPct: ratePctSchema,
  maxTermMonths: z.number().int().min(1).max(600),
  requiresCollateral: z.boolean(),
  approvalLevel: z.enum(APPROVAL_LEVELS),
  textZh: z.string().min(1),
  textEn: z.string().min(1),
});

const gradeGuidanceSchema = z.object(
  Object.fromEntries(GRADES.map((g) => [g, guidanceEntrySchema])) as Record<
    (typeof GRADES)[number],
    typeof guidanceEntrySchema
  >,
);

/**
 * A segmentation policy, owned by risk managers. All rates are annual percent (4.35 = 4.35%); amounts are CNY.
 * See DEFAULT_POLICY for the documented default and the package README for every field.
 */
export const policySchema = z
  .object({
    /** Tax and surcharge on interest income, percent (5.5 = 5.5%). */
    taxRate: z.number().finite().min(0).max(100),
    /** Days in the interest year (360 per docs/DOMAIN.md; 365 allowed). */
    dayCountBasis: z.union([z.literal(360), z.literal(365)]),
    ftp: z.object({ loan: ftpCurveSchema, deposit: ftpCurveSchema }),
    tiers: tiersSchema,
    grades: gradesSchema,
    clustering: clusteringSettingsSchema,
    /** Customer and project groups found in data (k-prototypes) and the guidance attached to group profiles. */
    grouping: groupingSettingsSchema.prefault({}),
    warnings: warningsSchema,
    guidance: z.object({ tiers: z.record(z.string(), guidanceEntrySchema), grades: gradeGuidanceSchema }),
  })
  .superRefine((policy, ctx) => {
    policy.clustering.features.forEach((feature, index) => {
      if (!(LOAN_FEATURES as readonly string[]).includes(feature)) {
        ctx.addIssue({
          code: "custom",
          path: ["clustering", "features", index],
          message: `unknown loan feature "${feature}"; use one of ${LOAN_FEATURES.join(", ")}`,
          params: { rule: "unknown_loan_feature", feature },
        });
      }
    });
    policy.grouping.guidance.forEach((rule, index) => {
      [...rule.all, ...rule.any].forEach((condition) => {
        if (!CUSTOMER_GROUP_ATTRIBUTE_NAMES.includes(condition.attribute))
          ctx.addIssue({
            code: "custom",
            path: ["grouping", "guidance", index],
            message: `unknown customer-group attribute "${condition.attribute}"; use one of ${CUSTOMER_GROUP_ATTRIBUTE_NAMES.join(", ")}`,
            params: { rule: "unknown_group_attribute", attribute: condition.attribute },
          });
      });
    });
    const tierNames = new Set(policy.tiers.map((t) => t.name));
    for (const name of tierNames) {
      if (!(name in policy.guidance.tiers))
        ctx.addIssue({
          code: "custom",
          path: ["guidance", "tiers", name],
          message: `missing guidance for tier "${name}"`,
          params: { rule: "guidance_missing_tier", tier: name },
        });
    }
    for (const name of Object.keys(policy.guidance.tiers)) {
      if (!tierNames.has(name))
        ctx.addIssue({
          code: "custom",
          path: ["guidance", "tiers", name],
          message: `guidance for unknown tier "${name}"`,
          params: { rule: "guidance_unknown_tier", tier: name },
        });
    }
  });

export type Policy = z.infer<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;
export type FtpBucket = Policy["ftp"]["loan"][number];
export type TierRule = Policy["tiers"][number];
export type GradeScorecard = Policy["grades"];
export type NumericFactor = GradeScorecard["factors"]["debtRatio"];
export type CategoricalFactor = GradeScorecard["factors"]["creditRating"];
export type WarningLimits = Policy["warnings"];
export type GuidanceEntry = z.infer<typeof guidanceEntrySchema>;
