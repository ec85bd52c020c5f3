CREATE TABLE `staff_hire_dates` (
	`center_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`hire_date` text NOT NULL,
	`source` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	PRIMARY KEY(`center_id`, `staff_id`),
	FOREIGN KEY (`center_id`) REFERENCES `centers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `staff_training` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`center_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`topic` text,
	`hours` real NOT NULL,
	`completed_on` text NOT NULL,
	`provider` text NOT NULL,
	`reference` text,
	`source` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`center_id`) REFERENCES `centers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_training_once` ON `staff_training` (`center_id`,`dedupe_key`);--> statement-breakpoint
CREATE INDEX `staff_training_staff` ON `staff_training` (`center_id`,`staff_id`,`completed_on`);