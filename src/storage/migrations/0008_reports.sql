CREATE TABLE `drill_marks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`drill_id` integer NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_id` text NOT NULL,
	`marked_at` text NOT NULL,
	`marked_by` text NOT NULL,
	FOREIGN KEY (`drill_id`) REFERENCES `drills`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `drill_marks_subject` ON `drill_marks` (`drill_id`,`subject_kind`,`subject_id`);--> statement-breakpoint
CREATE TABLE `drills` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`center_id` text NOT NULL,
	`kind` text DEFAULT 'fire' NOT NULL,
	`started_at` text NOT NULL,
	`started_by` text NOT NULL,
	`expected` text NOT NULL,
	`ended_at` text,
	`ended_by` text,
	FOREIGN KEY (`center_id`) REFERENCES `centers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `drills_center_started` ON `drills` (`center_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `subsidy_authorizations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`center_id` text NOT NULL,
	`child_id` text NOT NULL,
	`program` text NOT NULL,
	`reference` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`hours_per_month` real NOT NULL,
	`days_per_month` integer NOT NULL,
	`absence_days_per_month` integer NOT NULL,
	`source` text NOT NULL,
	`imported_at` text NOT NULL,
	FOREIGN KEY (`center_id`) REFERENCES `centers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subsidy_auth_child_program_start` ON `subsidy_authorizations` (`center_id`,`child_id`,`program`,`start_date`);