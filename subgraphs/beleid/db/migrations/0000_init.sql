CREATE SCHEMA "beleid";
--> statement-breakpoint
CREATE TABLE "beleid"."publicatie" (
	"gemeente_code" text NOT NULL,
	"periode" text NOT NULL,
	"berekend_op" timestamp with time zone NOT NULL,
	"cijfers" jsonb NOT NULL,
	CONSTRAINT "publicatie_gemeente_code_periode_pk" PRIMARY KEY("gemeente_code","periode")
);
--> statement-breakpoint
CREATE TABLE "beleid"."verwerking" (
	"id" uuid PRIMARY KEY NOT NULL,
	"trace_id" text NOT NULL,
	"tijdstip" timestamp with time zone NOT NULL,
	"handeling" text NOT NULL,
	"operatie" text NOT NULL,
	"actor_sub" text NOT NULL,
	"actor_rol" text NOT NULL,
	"actor_organisatie" text NOT NULL,
	"doel" text,
	"grondslag" text,
	"betrokkene" text NOT NULL,
	"niveau" text NOT NULL,
	"resultaat" text NOT NULL,
	"weigering" text
);
--> statement-breakpoint
CREATE INDEX "verwerking_betrokkene_tijdstip_idx" ON "beleid"."verwerking" USING btree ("betrokkene","tijdstip");--> statement-breakpoint
-- The processing log is append-only in the database itself (as in every subgraph): UPDATE, DELETE and
-- TRUNCATE on it fail, statement-level, so that even a DELETE that matches no row is refused.
CREATE FUNCTION "beleid"."verwerking_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the processing log is append-only: % on %.% is not allowed', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "verwerking_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "beleid"."verwerking"
  FOR EACH STATEMENT EXECUTE FUNCTION "beleid"."verwerking_append_only"();
