CREATE SEQUENCE "public"."data_version_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "pending_upload_chunks" (
	"upload_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "pending_upload_chunks_upload_id_seq_pk" PRIMARY KEY("upload_id","seq")
);
--> statement-breakpoint
CREATE TABLE "pending_uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" text NOT NULL,
	"name" text NOT NULL,
	"size" integer,
	"kind" text,
	"period" text,
	"report" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"discarded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"upload_id" uuid,
	"requested_by" text NOT NULL,
	"kind" "import_kind" NOT NULL,
	"period" text,
	"options" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"worker" text,
	"heartbeat_at" timestamp with time zone,
	"phase" text,
	"rows_processed" integer DEFAULT 0 NOT NULL,
	"bytes_read" bigint DEFAULT 0 NOT NULL,
	"total_bytes" bigint,
	"report" jsonb,
	"batch_id" uuid,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "import_jobs_status" CHECK ("import_jobs"."status" in ('queued', 'running', 'succeeded', 'failed'))
);
--> statement-breakpoint
DROP TABLE "data_version" CASCADE;--> statement-breakpoint
ALTER TABLE "pending_upload_chunks" ADD CONSTRAINT "pending_upload_chunks_upload_id_pending_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."pending_uploads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_uploads" ADD CONSTRAINT "pending_uploads_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_upload_id_pending_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."pending_uploads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pending_uploads_expires_at_index" ON "pending_uploads" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "import_jobs_status_index" ON "import_jobs" USING btree ("status");--> statement-breakpoint
-- The data version no longer lives in one row every writer updates (its lock made concurrent imports and runs commit
-- one after another): the triggers of migration 0006 now advance a sequence, which never blocks and is not
-- transactional, and notify the channel the web tier listens on, delivered only when the writer commits. Readers
-- key caches on both (apps/web/src/server/cache/data-version.ts): the sequence makes the writer's own next read
-- miss at once, the notice retires an entry cached from a snapshot taken before the commit.
ALTER FUNCTION "bump_data_version"() RENAME TO "notify_data_changed";--> statement-breakpoint
CREATE OR REPLACE FUNCTION "notify_data_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('data_version_seq');
  -- Notices of one transaction with the same channel and payload are folded into one.
  PERFORM pg_notify('creditseg_data_changed', '');
  RETURN NULL;
END;
$$;--> statement-breakpoint
ALTER TRIGGER "customers_bump_data_version" ON "customers" RENAME TO "customers_notify_data_changed";--> statement-breakpoint
ALTER TRIGGER "import_batches_bump_data_version" ON "import_batches" RENAME TO "import_batches_notify_data_changed";--> statement-breakpoint
ALTER TRIGGER "overrides_bump_data_version" ON "overrides" RENAME TO "overrides_notify_data_changed";--> statement-breakpoint
ALTER TRIGGER "segment_runs_bump_data_version" ON "segment_runs" RENAME TO "segment_runs_notify_data_changed";
