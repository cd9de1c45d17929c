CREATE SCHEMA "cjg";
--> statement-breakpoint
CREATE TABLE "cjg"."contactmoment" (
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
CREATE TABLE "cjg"."dossier" (
	"id" uuid PRIMARY KEY NOT NULL,
	"huishouden_id" text NOT NULL,
	"geopend_op" date NOT NULL,
	"gesloten_op" date,
	"contactpersoon_naam" text NOT NULL,
	"contactpersoon_telefoon" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cjg"."jeugdhulptraject" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"bsn" text NOT NULL,
	"productcategorie" text NOT NULL,
	"startdatum" date NOT NULL,
	"einddatum" date
);
--> statement-breakpoint
ALTER TABLE "cjg"."contactmoment" ADD CONSTRAINT "contactmoment_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "cjg"."dossier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD CONSTRAINT "jeugdhulptraject_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "cjg"."dossier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contactmoment_dossier_tijdstip_idx" ON "cjg"."contactmoment" USING btree ("dossier_id","tijdstip");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_huishouden_idx" ON "cjg"."dossier" USING btree ("huishouden_id");--> statement-breakpoint
CREATE INDEX "jeugdhulptraject_dossier_idx" ON "cjg"."jeugdhulptraject" USING btree ("dossier_id");