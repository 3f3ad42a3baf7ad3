DROP INDEX "import_batches_committed_checksum_uq";--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "load_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "import_batches_committed_load_key_uq" ON "import_batches" USING btree ("kind","period","load_key") WHERE status = 'committed';