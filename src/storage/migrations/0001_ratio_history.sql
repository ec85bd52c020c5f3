CREATE TABLE `center_policies` (
	`center_id` text PRIMARY KEY NOT NULL,
	`policy` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`center_id`) REFERENCES `centers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `ratio_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`center_id` text NOT NULL,
	`room_id` text NOT NULL,
	`at` text NOT NULL,
	`status` text NOT NULL,
	`previous_status` text,
	`cause` text NOT NULL,
	`evaluation` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `ratio_history_room_time` ON `ratio_history` (`center_id`,`room_id`,`at`);--> statement-breakpoint
CREATE TABLE `ratio_violations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`center_id` text NOT NULL,
	`room_id` text NOT NULL,
	`started_at` text NOT NULL,
	`ended_at` text,
	`worst_status` text NOT NULL,
	`start_cause` text NOT NULL,
	`end_cause` text
);
--> statement-breakpoint
CREATE INDEX `ratio_violations_room` ON `ratio_violations` (`center_id`,`room_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `room_status` (
	`center_id` text NOT NULL,
	`room_id` text NOT NULL,
	`status` text NOT NULL,
	`since` text NOT NULL,
	`open_violation_id` integer,
	`evaluation` text NOT NULL,
	`evaluated_at` text NOT NULL,
	PRIMARY KEY(`center_id`, `room_id`)
);
