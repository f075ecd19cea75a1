CREATE TABLE "case_stage_counts" (
	"stage" text PRIMARY KEY NOT NULL,
	"open" integer DEFAULT 0 NOT NULL
);--> statement-breakpoint
-- Open cases per stage for the board, kept by statement triggers in the transaction that writes cases (every
-- write path: services, intake, restore). Rows are changed in stage order, so two transactions moving cases
-- between the same stages in opposite directions lock them in the same order and cannot deadlock.
CREATE FUNCTION "case_stage_counts_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO case_stage_counts AS s (stage, open)
      SELECT stage, count(*) FROM new_rows WHERE status = 'open' GROUP BY stage ORDER BY stage
      ON CONFLICT (stage) DO UPDATE SET open = s.open + excluded.open;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO case_stage_counts AS s (stage, open)
      SELECT stage, -count(*) FROM old_rows WHERE status = 'open' GROUP BY stage ORDER BY stage
      ON CONFLICT (stage) DO UPDATE SET open = s.open + excluded.open;
  ELSE
    -- most updates (updated_at, scores, …) move nothing: no row is written, no lock taken
    INSERT INTO case_stage_counts AS s (stage, open)
      SELECT stage, sum(d) FROM (
        SELECT stage, 1 AS d FROM new_rows WHERE status = 'open'
        UNION ALL SELECT stage, -1 FROM old_rows WHERE status = 'open') u
      GROUP BY stage HAVING sum(d) <> 0 ORDER BY stage
      ON CONFLICT (stage) DO UPDATE SET open = s.open + excluded.open;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "cases_stage_counts_insert" AFTER INSERT ON "cases" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_stage_counts_apply();--> statement-breakpoint
CREATE TRIGGER "cases_stage_counts_update" AFTER UPDATE ON "cases" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_stage_counts_apply();--> statement-breakpoint
CREATE TRIGGER "cases_stage_counts_delete" AFTER DELETE ON "cases" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_stage_counts_apply();--> statement-breakpoint
CREATE FUNCTION "case_stage_counts_reset"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM case_stage_counts;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "cases_stage_counts_truncate" AFTER TRUNCATE ON "cases"
  FOR EACH STATEMENT EXECUTE FUNCTION case_stage_counts_reset();--> statement-breakpoint
INSERT INTO "case_stage_counts" ("stage", "open")
  SELECT "stage", count(*) FROM "cases" WHERE "status" = 'open' GROUP BY "stage";
