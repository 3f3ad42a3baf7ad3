import { z } from "zod";

/** Feature scaling applied after the optional log transform. `zscore` uses the population SD (like scikit-learn's StandardScaler). */
export const SCALE_METHODS = ["zscore", "minmax", "robust", "none"] as const;
export type ScaleMethod = (typeof SCALE_METHODS)[number];

/** Loan features k-means may use; values are in raw units: rate in annual %, amount in CNY (yuan), term in months. */
export const LOAN_FEATURES = ["rate", "amount", "term_months"] as const;

export const kChoiceSchema = z.union([
  z.number().int().min(1).max(50),
  z
    .object({ min: z.number().int().min(2), max: z.number().int().max(50) })
    .refine((r) => r.min <= r.max, { message: "k.min must be ≤ k.max" }),
]);
export type KChoice = z.infer<typeof kChoiceSchema>;

export const clusteringSettingsSchema = z
  .object({
    features: z.array(z.string().min(1)).min(1).default(["rate", "amount", "term_months"]),
    log: z.array(z.string().min(1)).default(["amount"]),
    scale: z.enum(SCALE_METHODS).default("zscore"),
    k: kChoiceSchema.default({ min: 2, max: 8 }),
    restarts: z.number().int().min(1).max(100).default(10),
    seed: z.number().int().min(0).default(0),
    maxIterations: z.number().int().min(1).max(10_000).default(300),
    /** Points above this count use a seeded sample for the silhouette score. */
    silhouetteSampleSize: z.number().int().min(100).default(10_000),
    /**
     * When k is a range and there are more rows than this, every candidate k is fitted on a seeded sample of
     * this many rows and only the chosen k is fitted on all rows: k-means at 100,000 rows picks the same k as
     * at a million in a tenth of the time. Results for up to this many rows are unchanged by the setting.
     */
    selectionSampleSize: z.number().int().min(100).default(100_000),
  })
  .refine((s) => s.log.every((f) => s.features.includes(f)), {
    message: "every log-transformed feature must be one of the features",
    path: ["log"],
  });
export type ClusteringSettings = z.infer<typeof clusteringSettingsSchema>;
