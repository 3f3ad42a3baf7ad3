ALTER TABLE "segment_runs" ADD COLUMN "stage_steps_done" integer;--> statement-breakpoint
ALTER TABLE "segment_runs" ADD COLUMN "stage_steps_total" integer;