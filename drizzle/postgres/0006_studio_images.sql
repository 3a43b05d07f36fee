CREATE TABLE "studio_images" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"alt" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"byte_size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "studio_images_alt_check" CHECK (length("studio_images"."alt") > 0),
	CONSTRAINT "studio_images_size_check" CHECK ("studio_images"."width" > 0 and "studio_images"."height" > 0 and "studio_images"."byte_size" > 0)
);
--> statement-breakpoint
ALTER TABLE "studio_images" ADD CONSTRAINT "studio_images_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "studio_images_user_id_index" ON "studio_images" USING btree ("user_id");