CREATE SCHEMA "wmo";
--> statement-breakpoint
CREATE TABLE "wmo"."contactmoment" (
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
CREATE TABLE "wmo"."dossier" (
	"id" uuid PRIMARY KEY NOT NULL,
	"huishouden_id" text NOT NULL,
	"geopend_op" date NOT NULL,
	"gesloten_op" date,
	"contactpersoon_naam" text NOT NULL,
	"contactpersoon_telefoon" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wmo"."melding" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"bsn" text NOT NULL,
	"meldingsdatum" date NOT NULL,
	"onderwerp" text NOT NULL,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wmo"."voorziening" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"bsn" text NOT NULL,
	"productcategorie" text NOT NULL,
	"ingangsdatum" date NOT NULL,
	"einddatum" date
);
--> statement-breakpoint
ALTER TABLE "wmo"."contactmoment" ADD CONSTRAINT "contactmoment_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "wmo"."dossier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wmo"."melding" ADD CONSTRAINT "melding_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "wmo"."dossier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wmo"."voorziening" ADD CONSTRAINT "voorziening_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "wmo"."dossier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contactmoment_dossier_tijdstip_idx" ON "wmo"."contactmoment" USING btree ("dossier_id","tijdstip");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_huishouden_idx" ON "wmo"."dossier" USING btree ("huishouden_id");--> statement-breakpoint
CREATE INDEX "melding_dossier_idx" ON "wmo"."melding" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "voorziening_dossier_idx" ON "wmo"."voorziening" USING btree ("dossier_id");