CREATE TABLE "customer_group_members" (
	"run_id" integer NOT NULL,
	"customer_id" text NOT NULL,
	"group_no" integer NOT NULL,
	CONSTRAINT "customer_group_members_run_id_customer_id_pk" PRIMARY KEY("run_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "customer_groups" (
	"run_id" integer NOT NULL,
	"group_no" integer NOT NULL,
	"size" integer NOT NULL,
	"name" jsonb NOT NULL,
	"profile" jsonb NOT NULL,
	"prototype" jsonb NOT NULL,
	"tier_mix" jsonb NOT NULL,
	"grade_mix" jsonb NOT NULL,
	"loan_balance_fen" bigint NOT NULL,
	"npl_fen" bigint NOT NULL,
	"npl_ratio_pct" numeric(9, 2),
	"contribution_fen" bigint NOT NULL,
	"guidance" jsonb NOT NULL,
	"previous_group_no" integer,
	"match_cost" real,
	CONSTRAINT "customer_groups_run_id_group_no_pk" PRIMARY KEY("run_id","group_no")
);
--> statement-breakpoint
CREATE TABLE "found_project_group_members" (
	"run_id" integer NOT NULL,
	"project_id" text NOT NULL,
	"group_no" integer NOT NULL,
	CONSTRAINT "found_project_group_members_run_id_project_id_pk" PRIMARY KEY("run_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "found_project_groups" (
	"run_id" integer NOT NULL,
	"group_no" integer NOT NULL,
	"size" integer NOT NULL,
	"name" jsonb NOT NULL,
	"profile" jsonb NOT NULL,
	"prototype" jsonb NOT NULL,
	"total_investment_fen" bigint NOT NULL,
	"loan_amount_fen" bigint NOT NULL,
	"signal_count" integer NOT NULL,
	"signal_rate_pct" numeric(9, 2) NOT NULL,
	"previous_signal_rate_pct" numeric(9, 2),
	"change_pct_points" numeric(9, 2),
	"previous_group_no" integer,
	"match_cost" real,
	CONSTRAINT "found_project_groups_run_id_group_no_pk" PRIMARY KEY("run_id","group_no")
);
--> statement-breakpoint
CREATE TABLE "group_fits" (
	"run_id" integer NOT NULL,
	"subject" text NOT NULL,
	"k" integer,
	"gamma" real,
	"cost" double precision,
	"silhouette" real,
	"selection" jsonb,
	"stability" jsonb,
	"attributes" jsonb,
	"skipped" jsonb,
	CONSTRAINT "group_fits_run_id_subject_pk" PRIMARY KEY("run_id","subject"),
	CONSTRAINT "group_fits_subject_ck" CHECK ("group_fits"."subject" in ('customers', 'projects'))
);
--> statement-breakpoint
CREATE TABLE "project_group_warnings" (
	"run_id" integer NOT NULL,
	"group_no" integer NOT NULL,
	"code" text NOT NULL,
	"params" jsonb NOT NULL,
	CONSTRAINT "project_group_warnings_run_id_group_no_code_pk" PRIMARY KEY("run_id","group_no","code")
);
--> statement-breakpoint
ALTER TABLE "customer_group_members" ADD CONSTRAINT "customer_group_members_run_id_segment_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."segment_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_groups" ADD CONSTRAINT "customer_groups_run_id_segment_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."segment_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "found_project_group_members" ADD CONSTRAINT "found_project_group_members_run_id_segment_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."segment_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "found_project_groups" ADD CONSTRAINT "found_project_groups_run_id_segment_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."segment_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_fits" ADD CONSTRAINT "group_fits_run_id_segment_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."segment_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_group_warnings" ADD CONSTRAINT "project_group_warnings_run_id_segment_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."segment_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_group_members_run_id_group_no_index" ON "customer_group_members" USING btree ("run_id","group_no");--> statement-breakpoint
CREATE INDEX "found_project_group_members_run_id_group_no_index" ON "found_project_group_members" USING btree ("run_id","group_no");