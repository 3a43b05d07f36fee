CREATE TABLE `instructor_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`note` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`decided_at` integer,
	`decided_by_user_id` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "instructor_requests_status_check" CHECK("instructor_requests"."status" in ('open', 'granted', 'declined'))
);
--> statement-breakpoint
CREATE INDEX `instructor_requests_user_id_index` ON `instructor_requests` (`user_id`);--> statement-breakpoint
CREATE INDEX `instructor_requests_decided_by_user_id_index` ON `instructor_requests` (`decided_by_user_id`);--> statement-breakpoint
CREATE TABLE `retired_usernames` (
	`username_key_hash` text PRIMARY KEY NOT NULL,
	`retired_until` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`class_id` text NOT NULL,
	`kind` text NOT NULL,
	`target` text NOT NULL,
	`due_at` integer,
	`note` text,
	`assigned_by_user_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assigned_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "assignments_kind_check" CHECK("assignments"."kind" in ('course', 'lesson'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assignments_class_target_unique` ON `assignments` (`class_id`,`kind`,`target`);--> statement-breakpoint
CREATE INDEX `assignments_assigned_by_user_id_index` ON `assignments` (`assigned_by_user_id`);--> statement-breakpoint
CREATE TABLE `class_instructors` (
	`class_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`added_at` integer NOT NULL,
	PRIMARY KEY(`class_id`, `user_id`),
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "class_instructors_role_check" CHECK("class_instructors"."role" in ('owner', 'co'))
);
--> statement-breakpoint
CREATE INDEX `class_instructors_user_id_index` ON `class_instructors` (`user_id`);--> statement-breakpoint
CREATE TABLE `class_members` (
	`class_id` text NOT NULL,
	`user_id` text NOT NULL,
	`joined_at` integer NOT NULL,
	PRIMARY KEY(`class_id`, `user_id`),
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `class_members_user_id_index` ON `class_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `classes` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`schedule` text,
	`course_locale` text,
	`join_code` text NOT NULL,
	`created_at` integer NOT NULL,
	`archived_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `classes_join_code_unique` ON `classes` (`join_code`);--> statement-breakpoint
ALTER TABLE `users` ADD `must_change_password` integer DEFAULT false NOT NULL;