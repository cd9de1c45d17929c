CREATE SCHEMA "brp";
--> statement-breakpoint
CREATE TABLE "brp"."buurt" (
	"code" text PRIMARY KEY NOT NULL,
	"naam" text NOT NULL,
	"wijk_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "brp"."huishouden" (
	"id" text PRIMARY KEY NOT NULL,
	"straat" text NOT NULL,
	"huisnummer" integer NOT NULL,
	"huisletter" text,
	"huisnummertoevoeging" text,
	"postcode" text NOT NULL,
	"woonplaats" text NOT NULL,
	"wijk_code" text NOT NULL,
	"buurt_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "brp"."persoon" (
	"bsn" text PRIMARY KEY NOT NULL,
	"voornamen" text NOT NULL,
	"voorvoegsel" text,
	"geslachtsnaam" text NOT NULL,
	"geboortedatum" date NOT NULL,
	"geslacht" text NOT NULL,
	"huishouden_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "brp"."wijk" (
	"code" text PRIMARY KEY NOT NULL,
	"naam" text NOT NULL,
	"gemeente_code" text NOT NULL,
	"gemeente_naam" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "brp"."buurt" ADD CONSTRAINT "buurt_wijk_code_wijk_code_fk" FOREIGN KEY ("wijk_code") REFERENCES "brp"."wijk"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brp"."huishouden" ADD CONSTRAINT "huishouden_wijk_code_wijk_code_fk" FOREIGN KEY ("wijk_code") REFERENCES "brp"."wijk"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brp"."huishouden" ADD CONSTRAINT "huishouden_buurt_code_buurt_code_fk" FOREIGN KEY ("buurt_code") REFERENCES "brp"."buurt"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brp"."persoon" ADD CONSTRAINT "persoon_huishouden_id_huishouden_id_fk" FOREIGN KEY ("huishouden_id") REFERENCES "brp"."huishouden"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "huishouden_wijk_id_idx" ON "brp"."huishouden" USING btree ("wijk_code","id");--> statement-breakpoint
CREATE INDEX "persoon_huishouden_idx" ON "brp"."persoon" USING btree ("huishouden_id");