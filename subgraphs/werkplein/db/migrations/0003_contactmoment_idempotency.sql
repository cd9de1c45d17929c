ALTER TABLE "werkplein"."contactmoment" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "werkplein"."contactmoment" ADD COLUMN "aangemaakt_door_sub" text;--> statement-breakpoint
ALTER TABLE "werkplein"."contactmoment" ADD COLUMN "invoer_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "contactmoment_idempotency_idx" ON "werkplein"."contactmoment" USING btree ("idempotency_key");