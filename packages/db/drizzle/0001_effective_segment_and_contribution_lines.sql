CREATE TABLE "contribution_lines" (
	"run_id" integer NOT NULL,
	"customer_id" text NOT NULL,
	"account_kind" text NOT NULL,
	"account_id" text NOT NULL,
	"balance_fen" bigint NOT NULL,
	"rate_pct" numeric(9, 6) NOT NULL,
	"ftp_rate_pct" numeric(9, 6),
	"ftp_max_term_months" integer,
	"ftp_source" text,
	"tax_rate_pct" numeric(9, 6),
	"days" integer NOT NULL,
	"result_fen" bigint NOT NULL,
	CONSTRAINT "contribution_lines_run_id_account_kind_account_id_pk" PRIMARY KEY("run_id","account_kind","account_id"),
	CONSTRAINT "contribution_lines_kind" CHECK ("contribution_lines"."account_kind" in ('loan', 'deposit', 'fee'))
);
--> statement-breakpoint
CREATE TABLE "project_results" (
	"run_id" integer NOT NULL,
	"project_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"group_key" text NOT NULL,
	"has_default_signal" boolean NOT NULL,
	CONSTRAINT "project_results_run_id_project_id_pk" PRIMARY KEY("run_id","project_id")
);
--> statement-breakpoint
ALTER TABLE "segment_results" ADD COLUMN "effective_tier" text;--> statement-breakpoint
ALTER TABLE "segment_results" ADD COLUMN "effective_grade" "grade";--> statement-breakpoint
-- Runs stored before this column existed: the override they carried, else the computed value.
UPDATE "segment_results" SET "effective_tier" = coalesce("override_tier", "tier"), "effective_grade" = coalesce("override_grade", "grade");--> statement-breakpoint
ALTER TABLE "segment_results" ALTER COLUMN "effective_tier" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "segment_results" ALTER COLUMN "effective_grade" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "segment_runs" ADD COLUMN "as_of_date" date;--> statement-breakpoint
ALTER TABLE "segment_runs" ADD COLUMN "ftp_source" jsonb;--> statement-breakpoint
ALTER TABLE "contribution_lines" ADD CONSTRAINT "contribution_lines_run_id_segment_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."segment_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_results" ADD CONSTRAINT "project_results_run_id_segment_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."segment_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contribution_lines_run_id_customer_id_index" ON "contribution_lines" USING btree ("run_id","customer_id");--> statement-breakpoint
CREATE INDEX "project_results_run_id_customer_id_index" ON "project_results" USING btree ("run_id","customer_id");--> statement-breakpoint
CREATE INDEX "project_results_run_id_has_default_signal_index" ON "project_results" USING btree ("run_id","has_default_signal");--> statement-breakpoint
CREATE INDEX "segment_results_run_id_effective_tier_index" ON "segment_results" USING btree ("run_id","effective_tier");--> statement-breakpoint
CREATE INDEX "segment_results_run_id_effective_grade_index" ON "segment_results" USING btree ("run_id","effective_grade");