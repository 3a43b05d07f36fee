CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_id` text NOT NULL,
	`reason` text,
	`note` text,
	`details` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `audit_log_created_index` ON `audit_log` (`created_at`);--> statement-breakpoint
CREATE INDEX `audit_log_action_index` ON `audit_log` (`action`,`created_at`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_index` ON `audit_log` (`actor_id`);--> statement-breakpoint
CREATE TABLE `account_blocks` (
	`user_id` text PRIMARY KEY NOT NULL,
	`blocked_by` text,
	`reason` text NOT NULL,
	`note` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`blocked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "account_blocks_reason_check" CHECK("account_blocks"."reason" in ('spam', 'insult', 'discrimination', 'personal_data', 'off_topic', 'illegal', 'other'))
);
--> statement-breakpoint
CREATE TABLE `moderation_appeals` (
	`id` text PRIMARY KEY NOT NULL,
	`decision_id` text NOT NULL,
	`author_id` text NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL,
	`outcome` text,
	`decided_at` integer,
	`decided_by` text,
	FOREIGN KEY (`decision_id`) REFERENCES `moderation_decisions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "moderation_appeals_outcome_check" CHECK("moderation_appeals"."outcome" is null or "moderation_appeals"."outcome" in ('upheld', 'restored'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `moderation_appeals_decision_unique` ON `moderation_appeals` (`decision_id`);--> statement-breakpoint
CREATE INDEX `moderation_appeals_open_index` ON `moderation_appeals` (`decided_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `moderation_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`moderator_id` text,
	`comment_id` text,
	`proposal_id` text,
	`action` text NOT NULL,
	`reason` text,
	`note` text,
	`opened_at` integer NOT NULL,
	`decided_at` integer NOT NULL,
	FOREIGN KEY (`moderator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`comment_id`) REFERENCES `participation_comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`proposal_id`) REFERENCES `participation_proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "moderation_decisions_action_check" CHECK("moderation_decisions"."action" in ('approve', 'reject', 'hide', 'restore', 'dismiss_reports')),
	CONSTRAINT "moderation_decisions_reason_check" CHECK("moderation_decisions"."reason" is null or "moderation_decisions"."reason" in ('spam', 'insult', 'discrimination', 'personal_data', 'off_topic', 'illegal', 'other')),
	CONSTRAINT "moderation_decisions_target_check" CHECK(("moderation_decisions"."comment_id" is null) <> ("moderation_decisions"."proposal_id" is null))
);
--> statement-breakpoint
CREATE INDEX `moderation_decisions_comment_index` ON `moderation_decisions` (`comment_id`);--> statement-breakpoint
CREATE INDEX `moderation_decisions_proposal_index` ON `moderation_decisions` (`proposal_id`);--> statement-breakpoint
CREATE INDEX `moderation_decisions_decided_index` ON `moderation_decisions` (`decided_at`);--> statement-breakpoint
CREATE TABLE `moderation_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`reporter_id` text NOT NULL,
	`comment_id` text,
	`proposal_id` text,
	`reason` text NOT NULL,
	`details` text,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`comment_id`) REFERENCES `participation_comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`proposal_id`) REFERENCES `participation_proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "moderation_reports_reason_check" CHECK("moderation_reports"."reason" in ('spam', 'offensive', 'off_topic', 'personal_data', 'other')),
	CONSTRAINT "moderation_reports_target_check" CHECK(("moderation_reports"."comment_id" is null) <> ("moderation_reports"."proposal_id" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `moderation_reports_reporter_comment_unique` ON `moderation_reports` (`reporter_id`,`comment_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `moderation_reports_reporter_proposal_unique` ON `moderation_reports` (`reporter_id`,`proposal_id`);--> statement-breakpoint
CREATE INDEX `moderation_reports_open_index` ON `moderation_reports` (`resolved_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `moderation_reports_comment_index` ON `moderation_reports` (`comment_id`);--> statement-breakpoint
CREATE INDEX `moderation_reports_proposal_index` ON `moderation_reports` (`proposal_id`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`params` text NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "notifications_kind_check" CHECK("notifications"."kind" in ('post_approved', 'post_rejected', 'post_hidden', 'post_restored', 'appeal_upheld', 'appeal_restored', 'account_blocked', 'account_unblocked', 'project_timeline', 'project_result', 'comment_reply'))
);
--> statement-breakpoint
CREATE INDEX `notifications_user_index` ON `notifications` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `participation_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text,
	`proposal_id` text,
	`parent_id` text,
	`author_id` text,
	`locale` text NOT NULL,
	`body` text NOT NULL,
	`state` text NOT NULL,
	`created_at` integer NOT NULL,
	`edited_at` integer,
	`deleted_at` integer,
	FOREIGN KEY (`project_id`) REFERENCES `participation_projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`proposal_id`) REFERENCES `participation_proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `participation_comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "participation_comments_state_check" CHECK("participation_comments"."state" in ('pending', 'published', 'hidden')),
	CONSTRAINT "participation_comments_target_check" CHECK(("participation_comments"."project_id" is null) <> ("participation_comments"."proposal_id" is null)),
	CONSTRAINT "participation_comments_length_check" CHECK(length("participation_comments"."body") <= 2000 and ("participation_comments"."deleted_at" is not null or length("participation_comments"."body") >= 1))
);
--> statement-breakpoint
CREATE INDEX `participation_comments_project_index` ON `participation_comments` (`project_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `participation_comments_proposal_index` ON `participation_comments` (`proposal_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `participation_comments_parent_index` ON `participation_comments` (`parent_id`);--> statement-breakpoint
CREATE INDEX `participation_comments_author_index` ON `participation_comments` (`author_id`);--> statement-breakpoint
CREATE TABLE `participation_field_texts` (
	`field_id` text NOT NULL,
	`locale` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	PRIMARY KEY(`field_id`, `locale`),
	FOREIGN KEY (`field_id`) REFERENCES `participation_fields`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "participation_field_texts_locale_check" CHECK("participation_field_texts"."locale" in ('de', 'en', 'tr', 'ar', 'uk', 'ru', 'fa', 'pl', 'easy'))
);
--> statement-breakpoint
CREATE TABLE `participation_fields` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`position` integer NOT NULL,
	`is_example` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `participation_fields_slug_unique` ON `participation_fields` (`slug`);--> statement-breakpoint
CREATE TABLE `participation_phases` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`kind` text NOT NULL,
	`starts_at` integer,
	`ends_at` integer,
	FOREIGN KEY (`project_id`) REFERENCES `participation_projects`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "participation_phases_kind_check" CHECK("participation_phases"."kind" in ('information', 'discussion', 'support', 'closed')),
	CONSTRAINT "participation_phases_dates_check" CHECK("participation_phases"."starts_at" is null or "participation_phases"."ends_at" is null or "participation_phases"."starts_at" < "participation_phases"."ends_at")
);
--> statement-breakpoint
CREATE INDEX `participation_phases_project_index` ON `participation_phases` (`project_id`);--> statement-breakpoint
CREATE TABLE `participation_project_texts` (
	`project_id` text NOT NULL,
	`locale` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`description` text NOT NULL,
	`result_text` text,
	PRIMARY KEY(`project_id`, `locale`),
	FOREIGN KEY (`project_id`) REFERENCES `participation_projects`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "participation_project_texts_locale_check" CHECK("participation_project_texts"."locale" in ('de', 'en', 'tr', 'ar', 'uk', 'ru', 'fa', 'pl', 'easy'))
);
--> statement-breakpoint
CREATE TABLE `participation_projects` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`field_id` text NOT NULL,
	`status` text NOT NULL,
	`is_example` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`field_id`) REFERENCES `participation_fields`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "participation_projects_status_check" CHECK("participation_projects"."status" in ('announced', 'in_progress', 'piloting', 'done'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `participation_projects_slug_unique` ON `participation_projects` (`slug`);--> statement-breakpoint
CREATE INDEX `participation_projects_field_index` ON `participation_projects` (`field_id`);--> statement-breakpoint
CREATE TABLE `participation_proposals` (
	`id` text PRIMARY KEY NOT NULL,
	`field_id` text NOT NULL,
	`author_id` text,
	`locale` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`problem` text,
	`state` text NOT NULL,
	`created_at` integer NOT NULL,
	`edited_at` integer,
	FOREIGN KEY (`field_id`) REFERENCES `participation_fields`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "participation_proposals_state_check" CHECK("participation_proposals"."state" in ('pending', 'published', 'hidden')),
	CONSTRAINT "participation_proposals_length_check" CHECK(length("participation_proposals"."title") between 1 and 120 and length("participation_proposals"."description") between 1 and 5000 and ("participation_proposals"."problem" is null or length("participation_proposals"."problem") <= 2000))
);
--> statement-breakpoint
CREATE INDEX `participation_proposals_field_index` ON `participation_proposals` (`field_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `participation_proposals_author_index` ON `participation_proposals` (`author_id`);--> statement-breakpoint
CREATE INDEX `participation_proposals_state_index` ON `participation_proposals` (`state`,`created_at`);--> statement-breakpoint
CREATE TABLE `participation_supports` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`project_id` text,
	`proposal_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `participation_projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`proposal_id`) REFERENCES `participation_proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "participation_supports_target_check" CHECK(("participation_supports"."project_id" is null) <> ("participation_supports"."proposal_id" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `participation_supports_user_project_unique` ON `participation_supports` (`user_id`,`project_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `participation_supports_user_proposal_unique` ON `participation_supports` (`user_id`,`proposal_id`);--> statement-breakpoint
CREATE INDEX `participation_supports_project_index` ON `participation_supports` (`project_id`);--> statement-breakpoint
CREATE INDEX `participation_supports_proposal_index` ON `participation_supports` (`proposal_id`);--> statement-breakpoint
CREATE TABLE `participation_timeline_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`status` text NOT NULL,
	`happened_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `participation_projects`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "participation_timeline_entries_status_check" CHECK("participation_timeline_entries"."status" in ('announced', 'in_progress', 'piloting', 'done'))
);
--> statement-breakpoint
CREATE INDEX `participation_timeline_entries_project_index` ON `participation_timeline_entries` (`project_id`,`happened_at`);--> statement-breakpoint
CREATE TABLE `participation_timeline_texts` (
	`entry_id` text NOT NULL,
	`locale` text NOT NULL,
	`text` text NOT NULL,
	PRIMARY KEY(`entry_id`, `locale`),
	FOREIGN KEY (`entry_id`) REFERENCES `participation_timeline_entries`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "participation_timeline_texts_locale_check" CHECK("participation_timeline_texts"."locale" in ('de', 'en', 'tr', 'ar', 'uk', 'ru', 'fa', 'pl', 'easy'))
);
