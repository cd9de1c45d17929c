-- The processing log is append-only in the database itself, whoever connects: UPDATE, DELETE and TRUNCATE
-- on it fail. Statement-level, so that even a DELETE that matches no row is refused.
CREATE FUNCTION "werkplein"."verwerking_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the processing log is append-only: % on %.% is not allowed', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "verwerking_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "werkplein"."verwerking"
  FOR EACH STATEMENT EXECUTE FUNCTION "werkplein"."verwerking_append_only"();
