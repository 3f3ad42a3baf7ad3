CREATE TYPE "public"."classification" AS ENUM('normal', 'special_mention', 'substandard', 'doubtful', 'loss');--> statement-breakpoint
CREATE TYPE "public"."deposit_product" AS ENUM('demand', 'time');--> statement-breakpoint
CREATE TYPE "public"."enterprise_size" AS ENUM('micro', 'small', 'medium', 'large');--> statement-breakpoint
CREATE TYPE "public"."ftp_side" AS ENUM('loan', 'deposit');--> statement-breakpoint
CREATE TYPE "public"."grade" AS ENUM('AAA', 'AA', 'A', 'B');--> statement-breakpoint
CREATE TYPE "public"."guarantee_type" AS ENUM('credit', 'guarantee', 'collateral', 'pledge');--> statement-breakpoint
CREATE TYPE "public"."import_kind" AS ENUM('customers', 'loans', 'deposits', 'fees', 'projects', 'ftp');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('validated', 'committed', 'rejected', 'rolled_back', 'duplicate');--> statement-breakpoint
CREATE TYPE "public"."override_status" AS ENUM('proposed', 'approved', 'rejected', 'expired');--> statement-breakpoint
CREATE TYPE "public"."policy_status" AS ENUM('draft', 'submitted', 'active', 'retired', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('admin', 'risk_manager', 'credit_officer');--> statement-breakpoint
CREATE TYPE "public"."run_status" AS ENUM('queued', 'running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" text NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"scope" text,
	"password" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"user_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sessions_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"role" "role" DEFAULT 'credit_officer' NOT NULL,
	"officer_code" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"locale" text DEFAULT 'zh-CN' NOT NULL,
	"failed_login_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_officerCode_unique" UNIQUE("officer_code")
);
--> statement-breakpoint
CREATE TABLE "verifications" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "column_mappings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "column_mappings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"kind" "import_kind" NOT NULL,
	"mapping" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "column_mappings_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "import_kind" NOT NULL,
	"period" text NOT NULL,
	"file_name" text NOT NULL,
	"checksum" text NOT NULL,
	"encoding" text,
	"uploaded_by" text,
	"status" "import_status" NOT NULL,
	"is_accept_valid" boolean DEFAULT false NOT NULL,
	"write_mode" text DEFAULT 'amend' NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_accepted" integer DEFAULT 0 NOT NULL,
	"rows_rejected" integer DEFAULT 0 NOT NULL,
	"total_read_fen" bigint DEFAULT 0 NOT NULL,
	"total_accepted_fen" bigint DEFAULT 0 NOT NULL,
	"total_rejected_fen" bigint DEFAULT 0 NOT NULL,
	"expected_total_fen" bigint,
	"changes" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone,
	"rolled_back_at" timestamp with time zone,
	"rolled_back_by" text
);
--> statement-breakpoint
CREATE TABLE "import_rejects" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_rejects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"batch_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"column" text,
	"value" text,
	"reason_code" text NOT NULL,
	"message_zh" text NOT NULL,
	"message_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_row_history" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_row_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"batch_id" uuid NOT NULL,
	"natural_key" text NOT NULL,
	"before" jsonb
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"customer_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"industry" text NOT NULL,
	"region" text NOT NULL,
	"size" "enterprise_size" NOT NULL,
	"credit_rating" text,
	"officer" text NOT NULL,
	"debt_ratio_pct" numeric(14, 4),
	"current_ratio" numeric(14, 4),
	"roa_pct" numeric(14, 4),
	"revenue_fen" bigint,
	"default_count" integer DEFAULT 0 NOT NULL,
	"import_batch_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customers_default_count_nonneg" CHECK ("customers"."default_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "loans" (
	"period" text NOT NULL,
	"loan_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"product" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"rate_pct" numeric(9, 6) NOT NULL,
	"term_months" integer NOT NULL,
	"start_date" date NOT NULL,
	"maturity_date" date NOT NULL,
	"guarantee" "guarantee_type" NOT NULL,
	"classification" "classification" NOT NULL,
	"avg_daily_balance_fen" bigint NOT NULL,
	"days" integer NOT NULL,
	"import_batch_id" uuid,
	CONSTRAINT "loans_period_loan_id_pk" PRIMARY KEY("period","loan_id"),
	CONSTRAINT "loans_amount_nonneg" CHECK ("loans"."amount_fen" >= 0),
	CONSTRAINT "loans_balance_nonneg" CHECK ("loans"."avg_daily_balance_fen" >= 0),
	CONSTRAINT "loans_rate_range" CHECK ("loans"."rate_pct" >= 0 and "loans"."rate_pct" <= 36),
	CONSTRAINT "loans_term_range" CHECK ("loans"."term_months" > 0 and "loans"."term_months" <= 600),
	CONSTRAINT "loans_days_range" CHECK ("loans"."days" >= 0 and "loans"."days" <= 366),
	CONSTRAINT "loans_dates_order" CHECK ("loans"."maturity_date" >= "loans"."start_date")
);
--> statement-breakpoint
CREATE TABLE "deposits" (
	"period" text NOT NULL,
	"account_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"product" "deposit_product" NOT NULL,
	"avg_daily_balance_fen" bigint NOT NULL,
	"rate_pct" numeric(9, 6) NOT NULL,
	"days" integer NOT NULL,
	"term_months" integer DEFAULT 0 NOT NULL,
	"import_batch_id" uuid,
	CONSTRAINT "deposits_period_account_id_pk" PRIMARY KEY("period","account_id"),
	CONSTRAINT "deposits_balance_nonneg" CHECK ("deposits"."avg_daily_balance_fen" >= 0),
	CONSTRAINT "deposits_rate_range" CHECK ("deposits"."rate_pct" >= 0 and "deposits"."rate_pct" <= 20),
	CONSTRAINT "deposits_days_range" CHECK ("deposits"."days" >= 0 and "deposits"."days" <= 366),
	CONSTRAINT "deposits_term_nonneg" CHECK ("deposits"."term_months" >= 0)
);
--> statement-breakpoint
CREATE TABLE "fee_income" (
	"period" text NOT NULL,
	"line_key" text NOT NULL,
	"customer_id" text NOT NULL,
	"type" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"date" date NOT NULL,
	"import_batch_id" uuid,
	CONSTRAINT "fee_income_period_line_key_pk" PRIMARY KEY("period","line_key")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"period" text NOT NULL,
	"project_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"name" text NOT NULL,
	"industry" text NOT NULL,
	"region" text NOT NULL,
	"total_investment_fen" bigint NOT NULL,
	"loan_amount_fen" bigint NOT NULL,
	"risk_level" text NOT NULL,
	"status" text NOT NULL,
	"overdue_days" integer DEFAULT 0 NOT NULL,
	"is_downgraded" boolean DEFAULT false NOT NULL,
	"import_batch_id" uuid,
	CONSTRAINT "projects_period_project_id_pk" PRIMARY KEY("period","project_id"),
	CONSTRAINT "projects_amounts_nonneg" CHECK ("projects"."total_investment_fen" >= 0 and "projects"."loan_amount_fen" >= 0),
	CONSTRAINT "projects_overdue_nonneg" CHECK ("projects"."overdue_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "ftp_curves" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ftp_curves_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"side" "ftp_side" NOT NULL,
	"max_term_months" integer,
	"rate_pct" numeric(9, 6) NOT NULL,
	"effective_from" date NOT NULL,
	"import_batch_id" uuid,
	CONSTRAINT "ftp_curves_point_uq" UNIQUE NULLS NOT DISTINCT("side","max_term_months","effective_from")
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"version" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"status" "policy_status" DEFAULT 'draft' NOT NULL,
	"document" jsonb NOT NULL,
	"based_on_version" integer,
	"effective_from" date,
	"change_note" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" text,
	"submitted_at" timestamp with time zone,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_comment" text,
	"retired_at" timestamp with time zone,
	CONSTRAINT "policies_four_eyes" CHECK ("policies"."decided_by" is null or "policies"."submitted_by" is null or "policies"."decided_by" <> "policies"."submitted_by")
);
--> statement-breakpoint
CREATE TABLE "cluster_assignments" (
	"run_id" integer NOT NULL,
	"loan_id" text NOT NULL,
	"cluster_no" integer NOT NULL,
	CONSTRAINT "cluster_assignments_run_id_loan_id_pk" PRIMARY KEY("run_id","loan_id")
);
--> statement-breakpoint
CREATE TABLE "clusters" (
	"run_id" integer NOT NULL,
	"cluster_no" integer NOT NULL,
	"size" integer NOT NULL,
	"centroid_raw" jsonb NOT NULL,
	"centroid" jsonb NOT NULL,
	"profile" jsonb NOT NULL,
	"label_zh" text NOT NULL,
	"label_en" text NOT NULL,
	CONSTRAINT "clusters_run_id_cluster_no_pk" PRIMARY KEY("run_id","cluster_no")
);
--> statement-breakpoint
CREATE TABLE "early_warnings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "early_warnings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"run_id" integer NOT NULL,
	"group_key" text NOT NULL,
	"level" text NOT NULL,
	"signal_rate" real NOT NULL,
	"previous_signal_rate" real,
	"reason" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_groups" (
	"run_id" integer NOT NULL,
	"group_key" text NOT NULL,
	"industry" text NOT NULL,
	"region" text NOT NULL,
	"risk_level" text NOT NULL,
	"project_count" integer NOT NULL,
	"loan_amount_fen" bigint NOT NULL,
	"signal_rate" real NOT NULL,
	"profile" jsonb NOT NULL,
	CONSTRAINT "project_groups_run_id_group_key_pk" PRIMARY KEY("run_id","group_key")
);
--> statement-breakpoint
CREATE TABLE "segment_results" (
	"run_id" integer NOT NULL,
	"customer_id" text NOT NULL,
	"officer" text NOT NULL,
	"deposit_contribution_fen" bigint NOT NULL,
	"loan_contribution_fen" bigint NOT NULL,
	"fee_income_fen" bigint NOT NULL,
	"contribution_fen" bigint NOT NULL,
	"loan_balance_fen" bigint NOT NULL,
	"deposit_balance_fen" bigint NOT NULL,
	"classification" "classification" NOT NULL,
	"tier" text NOT NULL,
	"tier_trace" jsonb NOT NULL,
	"grade" "grade" NOT NULL,
	"grade_score" numeric(10, 2) NOT NULL,
	"grade_points" jsonb NOT NULL,
	"cluster" integer,
	"recommendation" jsonb,
	"override_tier" text,
	"override_grade" "grade",
	"override_id" integer,
	CONSTRAINT "segment_results_run_id_customer_id_pk" PRIMARY KEY("run_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "segment_runs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "segment_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"period" text NOT NULL,
	"policy_version" integer NOT NULL,
	"status" "run_status" DEFAULT 'queued' NOT NULL,
	"seed" integer DEFAULT 0 NOT NULL,
	"code_version" text NOT NULL,
	"inputs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"result_checksum" text,
	"stage" text,
	"progress_pct" integer DEFAULT 0 NOT NULL,
	"error" text,
	"is_current" boolean DEFAULT false NOT NULL,
	"summary" jsonb,
	"started_by" text,
	"worker" text,
	"heartbeat_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "overrides" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "overrides_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"customer_id" text NOT NULL,
	"run_id" integer NOT NULL,
	"field" text NOT NULL,
	"computed_value" text NOT NULL,
	"proposed_value" text NOT NULL,
	"reason_code" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"status" "override_status" DEFAULT 'proposed' NOT NULL,
	"proposed_by" text NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_comment" text,
	"expires_on" date,
	CONSTRAINT "overrides_field" CHECK ("overrides"."field" in ('tier', 'grade')),
	CONSTRAINT "overrides_four_eyes" CHECK ("overrides"."decided_by" is null or "overrides"."decided_by" <> "overrides"."proposed_by")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" text,
	"actor_role" "role",
	"action" text NOT NULL,
	"entity_type" text,
	"entity_id" text,
	"detail" jsonb,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "column_mappings" ADD CONSTRAINT "column_mappings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_rolled_back_by_users_id_fk" FOREIGN KEY ("rolled_back_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rejects" ADD CONSTRAINT "import_rejects_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_row_history" ADD CONSTRAINT "import_row_history_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_import_batch_id_import_batches_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_customer_id_customers_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("customer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_import_batch_id_import_batches_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deposits" ADD CONSTRAINT "deposits_customer_id_customers_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("customer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deposits" ADD CONSTRAINT "deposits_import_batch_id_import_batches_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_income" ADD CONSTRAINT "fee_income_customer_id_customers_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("customer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_income" ADD CONSTRAINT "fee_income_import_batch_id_import_batches_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_customer_id_customers_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("customer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_import_batch_id_import_batches_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ftp_curves" ADD CONSTRAINT "ftp_curves_import_batch_id_import_batches_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_assignments" ADD CONSTRAINT "cluster_assignments_run_id_segment_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."segment_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clusters" ADD CONSTRAINT "clusters_run_id_segment_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."segment_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_warnings" ADD CONSTRAINT "early_warnings_run_id_segment_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."segment_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_groups" ADD CONSTRAINT "project_groups_run_id_segment_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."segment_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_results" ADD CONSTRAINT "segment_results_run_id_segment_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."segment_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_runs" ADD CONSTRAINT "segment_runs_policy_version_policies_version_fk" FOREIGN KEY ("policy_version") REFERENCES "public"."policies"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_runs" ADD CONSTRAINT "segment_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overrides" ADD CONSTRAINT "overrides_run_id_segment_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."segment_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overrides" ADD CONSTRAINT "overrides_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overrides" ADD CONSTRAINT "overrides_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_user_id_index" ON "accounts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_id_index" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "users_role_index" ON "users" USING btree ("role");--> statement-breakpoint
CREATE INDEX "import_batches_kind_period_index" ON "import_batches" USING btree ("kind","period");--> statement-breakpoint
CREATE INDEX "import_batches_checksum_index" ON "import_batches" USING btree ("checksum");--> statement-breakpoint
CREATE UNIQUE INDEX "import_batches_committed_checksum_uq" ON "import_batches" USING btree ("kind","period","checksum") WHERE status = 'committed';--> statement-breakpoint
CREATE INDEX "import_rejects_batch_id_row_number_index" ON "import_rejects" USING btree ("batch_id","row_number");--> statement-breakpoint
CREATE INDEX "import_row_history_batch_id_index" ON "import_row_history" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "customers_officer_index" ON "customers" USING btree ("officer");--> statement-breakpoint
CREATE INDEX "customers_industry_index" ON "customers" USING btree ("industry");--> statement-breakpoint
CREATE INDEX "customers_region_index" ON "customers" USING btree ("region");--> statement-breakpoint
CREATE INDEX "loans_period_customer_id_index" ON "loans" USING btree ("period","customer_id");--> statement-breakpoint
CREATE INDEX "deposits_period_customer_id_index" ON "deposits" USING btree ("period","customer_id");--> statement-breakpoint
CREATE INDEX "fee_income_period_customer_id_index" ON "fee_income" USING btree ("period","customer_id");--> statement-breakpoint
CREATE INDEX "projects_period_customer_id_index" ON "projects" USING btree ("period","customer_id");--> statement-breakpoint
CREATE INDEX "ftp_curves_side_effective_from_index" ON "ftp_curves" USING btree ("side","effective_from");--> statement-breakpoint
CREATE INDEX "policies_status_index" ON "policies" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "policies_one_active_uq" ON "policies" USING btree ("status") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "cluster_assignments_run_id_cluster_no_index" ON "cluster_assignments" USING btree ("run_id","cluster_no");--> statement-breakpoint
CREATE INDEX "early_warnings_run_id_index" ON "early_warnings" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "segment_results_run_id_officer_index" ON "segment_results" USING btree ("run_id","officer");--> statement-breakpoint
CREATE INDEX "segment_results_run_id_tier_index" ON "segment_results" USING btree ("run_id","tier");--> statement-breakpoint
CREATE INDEX "segment_results_run_id_grade_index" ON "segment_results" USING btree ("run_id","grade");--> statement-breakpoint
CREATE INDEX "segment_results_run_id_cluster_index" ON "segment_results" USING btree ("run_id","cluster");--> statement-breakpoint
CREATE INDEX "segment_results_customer_id_index" ON "segment_results" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "segment_results_run_id_contribution_fen_index" ON "segment_results" USING btree ("run_id","contribution_fen");--> statement-breakpoint
CREATE INDEX "segment_runs_period_created_at_index" ON "segment_runs" USING btree ("period","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "segment_runs_one_active_per_period_uq" ON "segment_runs" USING btree ("period") WHERE status in ('queued', 'running');--> statement-breakpoint
CREATE UNIQUE INDEX "segment_runs_one_current_per_period_uq" ON "segment_runs" USING btree ("period") WHERE is_current;--> statement-breakpoint
CREATE INDEX "overrides_customer_id_index" ON "overrides" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "overrides_status_index" ON "overrides" USING btree ("status");--> statement-breakpoint
CREATE INDEX "audit_log_at_index" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_action_index" ON "audit_log" USING btree ("action");--> statement-breakpoint
CREATE INDEX "audit_log_actor_id_index" ON "audit_log" USING btree ("actor_id");