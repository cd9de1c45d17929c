CREATE SCHEMA "werkplein";
--> statement-breakpoint
CREATE TABLE "werkplein"."contactmoment" (
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
CREATE TABLE "werkplein"."dossier" (
	"id" uuid PRIMARY KEY NOT NULL,
	"huishouden_id" text NOT NULL,
	"geopend_op" date NOT NULL,
	"gesloten_op" date,
	"contactpersoon_naam" text NOT NULL,
	"contactpersoon_telefoon" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "werkplein"."traject" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"bsn" text NOT NULL,
	"soort" text NOT NULL,
	"startdatum" date NOT NULL,
	"einddatum" date
);
--> statement-breakpoint
CREATE TABLE "werkplein"."uitkering" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"bsn" text NOT NULL,
	"regeling" text NOT NULL,
	"norm" text NOT NULL,
	"ingangsdatum" date NOT NULL,
	"einddatum" date
);
--> statement-breakpoint
ALTER TABLE "werkplein"."contactmoment" ADD CONSTRAINT "contactmoment_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "werkplein"."dossier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "werkplein"."traject" ADD CONSTRAINT "traject_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "werkplein"."dossier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "werkplein"."uitkering" ADD CONSTRAINT "uitkering_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "werkplein"."dossier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contactmoment_dossier_tijdstip_idx" ON "werkplein"."contactmoment" USING btree ("dossier_id","tijdstip");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_huishouden_idx" ON "werkplein"."dossier" USING btree ("huishouden_id");--> statement-breakpoint
CREATE INDEX "traject_dossier_idx" ON "werkplein"."traject" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "uitkering_dossier_idx" ON "werkplein"."uitkering" USING btree ("dossier_id");