CREATE TABLE `replaced_join_codes` (
	`code` text PRIMARY KEY NOT NULL,
	`class_id` text NOT NULL,
	`replaced_at` integer NOT NULL,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `replaced_join_codes_class_id_index` ON `replaced_join_codes` (`class_id`);