CREATE TABLE `studio_images` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`alt` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`byte_size` integer NOT NULL,
	`data` blob NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "studio_images_alt_check" CHECK(length("studio_images"."alt") > 0),
	CONSTRAINT "studio_images_size_check" CHECK("studio_images"."width" > 0 and "studio_images"."height" > 0 and "studio_images"."byte_size" > 0)
);
--> statement-breakpoint
CREATE INDEX `studio_images_user_id_index` ON `studio_images` (`user_id`);