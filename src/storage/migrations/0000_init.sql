CREATE TABLE `attendance_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`center_id` text NOT NULL,
	`source` text NOT NULL,
	`provider` text NOT NULL,
	`source_event_id` text NOT NULL,
	`seq` integer NOT NULL,
	`type` text NOT NULL,
	`subject_id` text,
	`room_id` text,
	`occurred_at` text NOT NULL,
	`recorded_at` text NOT NULL,
	`applied` integer NOT NULL,
	`payload` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_source_event` ON `attendance_events` (`provider`,`source_event_id`,`seq`);--> statement-breakpoint
CREATE INDEX `attendance_center_time` ON `attendance_events` (`center_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `centers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`provider` text NOT NULL,
	`external_id` text NOT NULL,
	`jurisdiction` text NOT NULL,
	`time_zone` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `centers_provider_external` ON `centers` (`provider`,`external_id`);--> statement-breakpoint
CREATE TABLE `children` (
	`id` text PRIMARY KEY NOT NULL,
	`center_id` text NOT NULL,
	`external_id` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`birth_date` text NOT NULL,
	`home_room_id` text,
	`family_id` text,
	`authorized_pickups` text NOT NULL,
	`schedule` text NOT NULL,
	FOREIGN KEY (`center_id`) REFERENCES `centers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `children_center_external` ON `children` (`center_id`,`external_id`);--> statement-breakpoint
CREATE TABLE `families` (
	`id` text PRIMARY KEY NOT NULL,
	`center_id` text NOT NULL,
	`external_id` text NOT NULL,
	`name` text NOT NULL,
	`guardians` text NOT NULL,
	FOREIGN KEY (`center_id`) REFERENCES `centers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `families_center_external` ON `families` (`center_id`,`external_id`);--> statement-breakpoint
CREATE TABLE `presence` (
	`center_id` text NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_id` text NOT NULL,
	`present` integer DEFAULT false NOT NULL,
	`present_at` text,
	`room_id` text,
	`room_at` text,
	`on_break` integer DEFAULT false NOT NULL,
	`break_at` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`center_id`, `subject_kind`, `subject_id`)
);
--> statement-breakpoint
CREATE INDEX `presence_room` ON `presence` (`center_id`,`room_id`);--> statement-breakpoint
CREATE TABLE `reconciliation_repairs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`center_id` text NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_id` text NOT NULL,
	`found` text NOT NULL,
	`platform` text NOT NULL,
	`action` text NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `reconciliation_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `reconciliation_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`center_id` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`as_of` text,
	`status` text NOT NULL,
	`repairs` integer DEFAULT 0 NOT NULL,
	`error` text
);
--> statement-breakpoint
CREATE TABLE `rejected_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider` text NOT NULL,
	`event_id` text,
	`received_at` text NOT NULL,
	`code` text NOT NULL,
	`message` text NOT NULL,
	`field` text,
	`body` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rooms` (
	`id` text PRIMARY KEY NOT NULL,
	`center_id` text NOT NULL,
	`external_id` text NOT NULL,
	`name` text NOT NULL,
	`age_group` text NOT NULL,
	`capacity` integer,
	`platform_ratio` real,
	FOREIGN KEY (`center_id`) REFERENCES `centers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rooms_center_external` ON `rooms` (`center_id`,`external_id`);--> statement-breakpoint
CREATE TABLE `shifts` (
	`id` text PRIMARY KEY NOT NULL,
	`center_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`date` text NOT NULL,
	`start` text NOT NULL,
	`end` text NOT NULL,
	`room_id` text,
	`breaks` text NOT NULL,
	FOREIGN KEY (`center_id`) REFERENCES `centers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `shifts_center_date` ON `shifts` (`center_id`,`date`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` text PRIMARY KEY NOT NULL,
	`center_id` text NOT NULL,
	`external_id` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`birth_date` text NOT NULL,
	`role` text NOT NULL,
	`home_room_id` text,
	`credentials` text NOT NULL,
	FOREIGN KEY (`center_id`) REFERENCES `centers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_center_external` ON `staff` (`center_id`,`external_id`);--> statement-breakpoint
CREATE TABLE `webhook_inbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider` text NOT NULL,
	`event_id` text NOT NULL,
	`received_at` text NOT NULL,
	`body` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`processed_at` text,
	`error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inbox_provider_event` ON `webhook_inbox` (`provider`,`event_id`);--> statement-breakpoint
CREATE INDEX `inbox_status` ON `webhook_inbox` (`status`,`id`);