CREATE TABLE "cjg"."verwerking" (
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
ALTER TABLE "cjg"."dossier" ADD COLUMN "gemeente_code" text NOT NULL;--> statement-breakpoint
ALTER TABLE "cjg"."dossier" ADD COLUMN "clienten" text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "verwerking_betrokkene_tijdstip_idx" ON "cjg"."verwerking" USING btree ("betrokkene","tijdstip");