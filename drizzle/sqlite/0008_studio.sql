CREATE TABLE `studio_lesson_classes` (
	`lesson_id` text NOT NULL,
	`class_id` text NOT NULL,
	`published_at` integer NOT NULL,
	PRIMARY KEY(`lesson_id`, `class_id`),
	FOREIGN KEY (`lesson_id`) REFERENCES `studio_lessons`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `studio_lesson_classes_class_id_index` ON `studio_lesson_classes` (`class_id`);--> statement-breakpoint
CREATE TABLE `studio_lesson_texts` (
	`lesson_id` text NOT NULL,
	`locale` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body` text NOT NULL,
	`quizzes` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`lesson_id`, `locale`),
	FOREIGN KEY (`lesson_id`) REFERENCES `studio_lessons`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "studio_lesson_texts_locale_check" CHECK("studio_lesson_texts"."locale" in ('de', 'en', 'tr', 'ar', 'uk', 'ru', 'fa', 'pl', 'de-easy'))
);
--> statement-breakpoint
CREATE TABLE `studio_lesson_versions` (
	`lesson_id` text NOT NULL,
	`number` integer NOT NULL,
	`snapshot` text NOT NULL,
	`published_at` integer NOT NULL,
	PRIMARY KEY(`lesson_id`, `number`),
	FOREIGN KEY (`lesson_id`) REFERENCES `studio_lessons`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "studio_lesson_versions_number_check" CHECK("studio_lesson_versions"."number" >= 1)
);
--> statement-breakpoint
CREATE TABLE `studio_lessons` (
	`id` text PRIMARY KEY NOT NULL,
	`author_user_id` text NOT NULL,
	`source_locale` text NOT NULL,
	`minutes` integer NOT NULL,
	`level` text NOT NULL,
	`competences` text NOT NULL,
	`prerequisites` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "studio_lessons_source_locale_check" CHECK("studio_lessons"."source_locale" in ('de', 'en', 'tr', 'ar', 'uk', 'ru', 'fa', 'pl', 'de-easy')),
	CONSTRAINT "studio_lessons_level_check" CHECK("studio_lessons"."level" in ('foundation', 'intermediate', 'advanced')),
	CONSTRAINT "studio_lessons_status_check" CHECK("studio_lessons"."status" in ('draft', 'published')),
	CONSTRAINT "studio_lessons_minutes_check" CHECK("studio_lessons"."minutes" between 1 and 10)
);
--> statement-breakpoint
CREATE INDEX `studio_lessons_author_user_id_index` ON `studio_lessons` (`author_user_id`);