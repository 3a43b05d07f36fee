CREATE TABLE "studio_lesson_classes" (
	"lesson_id" text NOT NULL,
	"class_id" text NOT NULL,
	"published_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "studio_lesson_classes_lesson_id_class_id_pk" PRIMARY KEY("lesson_id","class_id")
);
--> statement-breakpoint
CREATE TABLE "studio_lesson_texts" (
	"lesson_id" text NOT NULL,
	"locale" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"quizzes" text NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "studio_lesson_texts_lesson_id_locale_pk" PRIMARY KEY("lesson_id","locale"),
	CONSTRAINT "studio_lesson_texts_locale_check" CHECK ("studio_lesson_texts"."locale" in ('de', 'en', 'tr', 'ar', 'uk', 'ru', 'fa', 'pl', 'de-easy'))
);
--> statement-breakpoint
CREATE TABLE "studio_lesson_versions" (
	"lesson_id" text NOT NULL,
	"number" integer NOT NULL,
	"snapshot" text NOT NULL,
	"published_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "studio_lesson_versions_lesson_id_number_pk" PRIMARY KEY("lesson_id","number"),
	CONSTRAINT "studio_lesson_versions_number_check" CHECK ("studio_lesson_versions"."number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "studio_lessons" (
	"id" text PRIMARY KEY NOT NULL,
	"author_user_id" text NOT NULL,
	"source_locale" text NOT NULL,
	"minutes" integer NOT NULL,
	"level" text NOT NULL,
	"competences" text NOT NULL,
	"prerequisites" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "studio_lessons_source_locale_check" CHECK ("studio_lessons"."source_locale" in ('de', 'en', 'tr', 'ar', 'uk', 'ru', 'fa', 'pl', 'de-easy')),
	CONSTRAINT "studio_lessons_level_check" CHECK ("studio_lessons"."level" in ('foundation', 'intermediate', 'advanced')),
	CONSTRAINT "studio_lessons_status_check" CHECK ("studio_lessons"."status" in ('draft', 'published')),
	CONSTRAINT "studio_lessons_minutes_check" CHECK ("studio_lessons"."minutes" between 1 and 10)
);
--> statement-breakpoint
ALTER TABLE "studio_lesson_classes" ADD CONSTRAINT "studio_lesson_classes_lesson_id_studio_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."studio_lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_lesson_classes" ADD CONSTRAINT "studio_lesson_classes_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_lesson_texts" ADD CONSTRAINT "studio_lesson_texts_lesson_id_studio_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."studio_lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_lesson_versions" ADD CONSTRAINT "studio_lesson_versions_lesson_id_studio_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."studio_lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_lessons" ADD CONSTRAINT "studio_lessons_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "studio_lesson_classes_class_id_index" ON "studio_lesson_classes" USING btree ("class_id");--> statement-breakpoint
CREATE INDEX "studio_lessons_author_user_id_index" ON "studio_lessons" USING btree ("author_user_id");