CREATE SEQUENCE "cjg"."toewijzingnummer_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 20000001 CACHE 1;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ALTER COLUMN "startdatum" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cjg"."contactmoment" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "cjg"."contactmoment" ADD COLUMN "aangemaakt_door_sub" text;--> statement-breakpoint
ALTER TABLE "cjg"."contactmoment" ADD COLUMN "invoer_hash" text;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "aangemaakt_door_sub" text;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "invoer_hash" text;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "productcode" text;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "volume" integer;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "eenheid" text;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "frequentie" text;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "status" text DEFAULT 'IN_ZORG' NOT NULL;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "status_sinds" date;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "verwijzer" text DEFAULT 'GEMEENTE' NOT NULL;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "verwijsdatum" date;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "aanvraag_ontvangen_op" date;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "beschikking_uiterlijk" date;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "beschikkingsdatum" date;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "besluit" text;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "reden_afwijzing" text;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "ingangsdatum" date;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "geldig_tot" date;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "toewijzingnummer" integer;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "aanbieder_agb" text;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "aanbieder_naam" text;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "toewijzingsdatum" date;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "toewijzing_ingangsdatum" date;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "reden_wijziging" text;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "reden_beeindiging" text;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "stap" text;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "stap_sinds" date;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "stap_uiterlijk" date;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "stap_termijn_bron" text;--> statement-breakpoint
ALTER TABLE "cjg"."jeugdhulptraject" ADD COLUMN "behandelaar" text;--> statement-breakpoint
CREATE UNIQUE INDEX "contactmoment_idempotency_idx" ON "cjg"."contactmoment" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "jeugdhulptraject_idempotency_idx" ON "cjg"."jeugdhulptraject" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "jeugdhulptraject_stap_idx" ON "cjg"."jeugdhulptraject" USING btree ("stap_uiterlijk") WHERE "cjg"."jeugdhulptraject"."stap" is not null;;--> statement-breakpoint
-- Trajecten from before the chain (written by hand after drizzle-kit): in care from their startdatum, or
-- ended on their einddatum, referred on the day they started.
UPDATE "cjg"."jeugdhulptraject" SET "status" = CASE WHEN "einddatum" IS NOT NULL THEN 'BEEINDIGD' ELSE 'IN_ZORG' END,
  "status_sinds" = coalesce("einddatum", "startdatum"), "verwijsdatum" = "startdatum", "ingangsdatum" = "startdatum";
