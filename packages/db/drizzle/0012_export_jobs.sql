CREATE TABLE IF NOT EXISTS "export_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requested_by" text NOT NULL,
	"format" text NOT NULL,
	"selection" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"worker" text,
	"heartbeat_at" timestamp with time zone,
	"rows_written" integer DEFAULT 0 NOT NULL,
	"total_rows" integer,
	"file_name" text,
	"size" bigint,
	"error" text,
	"failure" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "export_jobs_status" CHECK ("export_jobs"."status" in ('queued', 'running', 'succeeded', 'failed')),
	CONSTRAINT "export_jobs_format" CHECK ("export_jobs"."format" in ('csv', 'xlsx')),
	CONSTRAINT "export_jobs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "export_job_chunks" (
	"job_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "export_job_chunks_job_id_seq_pk" PRIMARY KEY("job_id","seq"),
	CONSTRAINT "export_job_chunks_job_id_export_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."export_jobs"("id") ON DELETE cascade ON UPDATE no action
);

--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "export_jobs_status_index" ON "export_jobs" USING btree ("status");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "export_jobs_expires_at_index" ON "export_jobs" USING btree ("expires_at");