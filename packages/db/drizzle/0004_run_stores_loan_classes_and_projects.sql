-- Runs now store each loan line's classification and each project as they read it, so dashboard NPL figures and an
-- officer's project groups are computed from what the run stored. Rows of earlier runs are filled from the period's
-- rows as they are now (the best record left); a project no longer loaded keeps neutral values.
ALTER TABLE "contribution_lines" ADD COLUMN "classification" "classification";--> statement-breakpoint
UPDATE "contribution_lines" cl SET "classification" = l."classification"
  FROM "segment_runs" r, "loans" l
  WHERE cl."account_kind" = 'loan' AND r."id" = cl."run_id" AND l."period" = r."period" AND l."loan_id" = cl."account_id";--> statement-breakpoint
UPDATE "contribution_lines" SET "classification" = 'normal' WHERE "account_kind" = 'loan' AND "classification" IS NULL;--> statement-breakpoint
ALTER TABLE "project_results" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "project_results" ADD COLUMN "industry" text;--> statement-breakpoint
ALTER TABLE "project_results" ADD COLUMN "region" text;--> statement-breakpoint
ALTER TABLE "project_results" ADD COLUMN "total_investment_fen" bigint;--> statement-breakpoint
ALTER TABLE "project_results" ADD COLUMN "loan_amount_fen" bigint;--> statement-breakpoint
ALTER TABLE "project_results" ADD COLUMN "risk_level" text;--> statement-breakpoint
ALTER TABLE "project_results" ADD COLUMN "status" text;--> statement-breakpoint
ALTER TABLE "project_results" ADD COLUMN "overdue_days" integer;--> statement-breakpoint
ALTER TABLE "project_results" ADD COLUMN "is_downgraded" boolean;--> statement-breakpoint
UPDATE "project_results" pr SET "name" = p."name", "industry" = p."industry", "region" = p."region",
    "total_investment_fen" = p."total_investment_fen", "loan_amount_fen" = p."loan_amount_fen",
    "risk_level" = p."risk_level", "status" = p."status", "overdue_days" = p."overdue_days", "is_downgraded" = p."is_downgraded"
  FROM "segment_runs" r, "projects" p
  WHERE r."id" = pr."run_id" AND p."period" = r."period" AND p."project_id" = pr."project_id";--> statement-breakpoint
UPDATE "project_results" SET "name" = coalesce("name", ''), "industry" = coalesce("industry", ''),
    "region" = coalesce("region", ''), "total_investment_fen" = coalesce("total_investment_fen", 0),
    "loan_amount_fen" = coalesce("loan_amount_fen", 0), "risk_level" = coalesce("risk_level", ''),
    "status" = coalesce("status", ''), "overdue_days" = coalesce("overdue_days", 0),
    "is_downgraded" = coalesce("is_downgraded", false)
  WHERE "name" IS NULL;--> statement-breakpoint
ALTER TABLE "project_results" ALTER COLUMN "name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "project_results" ALTER COLUMN "industry" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "project_results" ALTER COLUMN "region" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "project_results" ALTER COLUMN "total_investment_fen" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "project_results" ALTER COLUMN "loan_amount_fen" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "project_results" ALTER COLUMN "risk_level" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "project_results" ALTER COLUMN "status" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "project_results" ALTER COLUMN "overdue_days" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "project_results" ALTER COLUMN "is_downgraded" SET NOT NULL;
