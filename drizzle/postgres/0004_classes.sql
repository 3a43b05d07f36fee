CREATE TABLE "instructor_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"note" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"decided_at" timestamp (3) with time zone,
	"decided_by_user_id" text,
	CONSTRAINT "instructor_requests_status_check" CHECK ("instructor_requests"."status" in ('open', 'granted', 'declined'))
);
--> statement-breakpoint
CREATE TABLE "retired_usernames" (
	"username_key_hash" text PRIMARY KEY NOT NULL,
	"retired_until" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" text PRIMARY KEY NOT NULL,
	"class_id" text NOT NULL,
	"kind" text NOT NULL,
	"target" text NOT NULL,
	"due_at" timestamp (3) with time zone,
	"note" text,
	"assigned_by_user_id" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "assignments_kind_check" CHECK ("assignments"."kind" in ('course', 'lesson'))
);
--> statement-breakpoint
CREATE TABLE "class_instructors" (
	"class_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"added_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "class_instructors_class_id_user_id_pk" PRIMARY KEY("class_id","user_id"),
	CONSTRAINT "class_instructors_role_check" CHECK ("class_instructors"."role" in ('owner', 'co'))
);
--> statement-breakpoint
CREATE TABLE "class_members" (
	"class_id" text NOT NULL,
	"user_id" text NOT NULL,
	"joined_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "class_members_class_id_user_id_pk" PRIMARY KEY("class_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "classes" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"schedule" text,
	"course_locale" text,
	"join_code" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"archived_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "instructor_requests" ADD CONSTRAINT "instructor_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructor_requests" ADD CONSTRAINT "instructor_requests_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_assigned_by_user_id_users_id_fk" FOREIGN KEY ("assigned_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_instructors" ADD CONSTRAINT "class_instructors_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_instructors" ADD CONSTRAINT "class_instructors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_members" ADD CONSTRAINT "class_members_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_members" ADD CONSTRAINT "class_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "instructor_requests_user_id_index" ON "instructor_requests" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "instructor_requests_decided_by_user_id_index" ON "instructor_requests" USING btree ("decided_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_class_target_unique" ON "assignments" USING btree ("class_id","kind","target");--> statement-breakpoint
CREATE INDEX "assignments_assigned_by_user_id_index" ON "assignments" USING btree ("assigned_by_user_id");--> statement-breakpoint
CREATE INDEX "class_instructors_user_id_index" ON "class_instructors" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "class_members_user_id_index" ON "class_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "classes_join_code_unique" ON "classes" USING btree ("join_code");