CREATE TABLE "replaced_join_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"class_id" text NOT NULL,
	"replaced_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "replaced_join_codes" ADD CONSTRAINT "replaced_join_codes_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "replaced_join_codes_class_id_index" ON "replaced_join_codes" USING btree ("class_id");