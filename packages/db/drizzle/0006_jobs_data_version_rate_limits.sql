CREATE TABLE "data_version" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_version_single_row" CHECK ("data_version"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"count" integer NOT NULL,
	"last_request" bigint NOT NULL,
	CONSTRAINT "rate_limits_key_unique" UNIQUE("key")
);
--> statement-breakpoint
ALTER TABLE "segment_runs" ADD COLUMN "cancelled_by" text;--> statement-breakpoint
ALTER TABLE "segment_runs" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "segment_runs" ADD CONSTRAINT "segment_runs_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
INSERT INTO "data_version" ("id", "version") VALUES (1, 0) ON CONFLICT DO NOTHING;--> statement-breakpoint
-- Every statement that changes what the web tier caches bumps the version inside its own transaction. Statement-level:
-- a COPY of 100,000 customers bumps once. The row lock is held to the end of the writer's transaction, so such writers
-- commit one after another (imports already do; a run's final transaction waits at most for an import's commit).
CREATE FUNCTION "bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_version" SET "version" = "version" + 1, "changed_at" = now() WHERE "id" = 1;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "customers_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "customers" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();--> statement-breakpoint
CREATE TRIGGER "import_batches_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "import_batches" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();--> statement-breakpoint
CREATE TRIGGER "overrides_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "overrides" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();--> statement-breakpoint
-- Progress and heartbeat writes do not bump: only a run's status or its current flag changes what is cached.
CREATE TRIGGER "segment_runs_bump_data_version" AFTER UPDATE OF "status", "is_current" OR DELETE OR TRUNCATE ON "segment_runs" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
