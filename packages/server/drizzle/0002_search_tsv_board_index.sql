DROP INDEX "cases_stage_updated_idx";--> statement-breakpoint
DROP INDEX "search_docs_fts_idx";--> statement-breakpoint
ALTER TABLE "search_docs" ADD COLUMN "tsv" "tsvector";--> statement-breakpoint
UPDATE "search_docs" SET "tsv" = to_tsvector('german', "title" || ' ' || "body");--> statement-breakpoint
CREATE INDEX "cases_open_stage_idx" ON "cases" USING btree ("stage","updated_at" DESC NULLS LAST,"id") WHERE "cases"."status" = 'open';--> statement-breakpoint
CREATE INDEX "search_docs_tsv_idx" ON "search_docs" USING gin ("tsv");