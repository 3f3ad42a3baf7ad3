CREATE TABLE IF NOT EXISTS "run_summaries" (
	"run_id" integer NOT NULL,
	"scope_key" text NOT NULL,
	"summary" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "run_summaries_run_id_scope_key_pk" PRIMARY KEY("run_id","scope_key"),
	CONSTRAINT "run_summaries_run_id_segment_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."segment_runs"("id") ON DELETE cascade ON UPDATE no action
);
