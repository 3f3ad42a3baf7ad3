CREATE TABLE IF NOT EXISTS "policy_previews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requested_by" text NOT NULL,
	"requested_role" text NOT NULL,
	"version" integer NOT NULL,
	"period" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"worker" text,
	"heartbeat_at" timestamp with time zone,
	"result" jsonb,
	"error" text,
	"failure" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "policy_previews_status" CHECK ("policy_previews"."status" in ('queued', 'running', 'succeeded', 'failed')),
	CONSTRAINT "policy_previews_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "policy_previews_status_index" ON "policy_previews" USING btree ("status");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "policy_previews_version_period_index" ON "policy_previews" USING btree ("version","period");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "policy_previews_created_at_index" ON "policy_previews" USING btree ("created_at");