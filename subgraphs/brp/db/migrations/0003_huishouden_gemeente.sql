-- A store that already holds households gets their gemeente from their wijk before the column is required.
ALTER TABLE "brp"."huishouden" ADD COLUMN "gemeente_code" text;--> statement-breakpoint
UPDATE "brp"."huishouden" h SET "gemeente_code" = w."gemeente_code" FROM "brp"."wijk" w WHERE w."code" = h."wijk_code";--> statement-breakpoint
ALTER TABLE "brp"."huishouden" ALTER COLUMN "gemeente_code" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "huishouden_gemeente_id_idx" ON "brp"."huishouden" USING btree ("gemeente_code","id");
