import { type ImportBudgets, resolveBudgets } from "@creditseg/ingest";
import { uploadBudgetOverrides } from "~/env";

/** What one upload may cost: the ingest package's defaults with the UPLOAD_MAX_* environment overrides. */
export const uploadBudgets: ImportBudgets = resolveBudgets(uploadBudgetOverrides);
