CREATE TABLE "wijkteam"."casus_lid" (
	"casus_id" uuid NOT NULL,
	"medewerker_sub" text NOT NULL,
	"naam" text NOT NULL,
	"rol" text NOT NULL,
	CONSTRAINT "casus_lid_casus_id_medewerker_sub_pk" PRIMARY KEY("casus_id","medewerker_sub")
);
--> statement-breakpoint
CREATE TABLE "wijkteam"."grondslag" (
	"id" uuid PRIMARY KEY NOT NULL,
	"casus_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"soort" text NOT NULL,
	"domeinen" text[] NOT NULL,
	"geldig_van" date NOT NULL,
	"geldig_tot" date,
	"toelichting" text NOT NULL,
	"vastgelegd_door" text NOT NULL,
	"vastgelegd_door_sub" text NOT NULL,
	"vastgelegd_op" timestamp with time zone NOT NULL,
	"ingetrokken_op" timestamp with time zone,
	"ingetrokken_door" text,
	"intrekkingsreden" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wijkteam"."verwerking" (
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
ALTER TABLE "wijkteam"."casus" ADD COLUMN "gemeente_code" text NOT NULL;--> statement-breakpoint
ALTER TABLE "wijkteam"."casus" ADD COLUMN "clienten" text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "wijkteam"."casus_lid" ADD CONSTRAINT "casus_lid_casus_id_casus_id_fk" FOREIGN KEY ("casus_id") REFERENCES "wijkteam"."casus"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wijkteam"."grondslag" ADD CONSTRAINT "grondslag_casus_id_casus_id_fk" FOREIGN KEY ("casus_id") REFERENCES "wijkteam"."casus"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "grondslag_idempotency_key_idx" ON "wijkteam"."grondslag" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "grondslag_casus_idx" ON "wijkteam"."grondslag" USING btree ("casus_id");--> statement-breakpoint
CREATE INDEX "verwerking_betrokkene_tijdstip_idx" ON "wijkteam"."verwerking" USING btree ("betrokkene","tijdstip");