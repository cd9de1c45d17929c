CREATE SCHEMA "wijkteam";
--> statement-breakpoint
CREATE TABLE "wijkteam"."casus" (
	"id" uuid PRIMARY KEY NOT NULL,
	"huishouden_id" text NOT NULL,
	"startdatum" date NOT NULL,
	"einddatum" date,
	"regisseur_naam" text NOT NULL,
	"regisseur_telefoon" text NOT NULL,
	"team" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wijkteam"."contactmoment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"tijdstip" timestamp with time zone NOT NULL,
	"kanaal" text NOT NULL,
	"onderwerp" text NOT NULL,
	"notitie" text NOT NULL,
	"medewerker" text NOT NULL,
	"bsn" text
);
--> statement-breakpoint
CREATE TABLE "wijkteam"."doel" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"domein" text NOT NULL,
	"score_start" integer NOT NULL,
	"score_actueel" integer NOT NULL,
	"omschrijving" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wijkteam"."plan" (
	"id" uuid PRIMARY KEY NOT NULL,
	"casus_id" uuid NOT NULL,
	"vastgesteld_op" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "wijkteam"."contactmoment" ADD CONSTRAINT "contactmoment_dossier_id_casus_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "wijkteam"."casus"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wijkteam"."doel" ADD CONSTRAINT "doel_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "wijkteam"."plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wijkteam"."plan" ADD CONSTRAINT "plan_casus_id_casus_id_fk" FOREIGN KEY ("casus_id") REFERENCES "wijkteam"."casus"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "casus_huishouden_idx" ON "wijkteam"."casus" USING btree ("huishouden_id");--> statement-breakpoint
CREATE INDEX "contactmoment_dossier_tijdstip_idx" ON "wijkteam"."contactmoment" USING btree ("dossier_id","tijdstip");--> statement-breakpoint
CREATE INDEX "doel_plan_idx" ON "wijkteam"."doel" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_casus_idx" ON "wijkteam"."plan" USING btree ("casus_id");