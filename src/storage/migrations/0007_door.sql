CREATE TABLE `checkin_exceptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`center_id` text NOT NULL,
	`child_id` text NOT NULL,
	`room_id` text NOT NULL,
	`event_id` text NOT NULL,
	`occurred_at` text NOT NULL,
	`local_date` text NOT NULL,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`details` text NOT NULL,
	`state` text NOT NULL,
	`resolved_by` text,
	`resolved_by_name` text,
	`resolved_at` text,
	`resolution` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `checkin_exceptions_once` ON `checkin_exceptions` (`event_id`,`kind`);--> statement-breakpoint
CREATE INDEX `checkin_exceptions_day` ON `checkin_exceptions` (`center_id`,`local_date`);--> statement-breakpoint
CREATE TABLE `custody_restrictions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`center_id` text NOT NULL,
	`child_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `custody_restrictions_child` ON `custody_restrictions` (`center_id`,`child_id`);--> statement-breakpoint
CREATE TABLE `door_policies` (
	`center_id` text PRIMARY KEY NOT NULL,
	`policy` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `pickup_holds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`center_id` text NOT NULL,
	`child_id` text NOT NULL,
	`room_id` text,
	`event_id` text NOT NULL,
	`event_type` text NOT NULL,
	`event` text NOT NULL,
	`occurred_at` text NOT NULL,
	`person_name` text,
	`method` text NOT NULL,
	`decision` text NOT NULL,
	`reason` text NOT NULL,
	`near_matches` text NOT NULL,
	`state` text NOT NULL,
	`outcome` text,
	`released_by` text,
	`released_by_name` text,
	`released_at` text,
	`release_reason` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pickup_holds_event_id_unique` ON `pickup_holds` (`event_id`);--> statement-breakpoint
CREATE INDEX `pickup_holds_center` ON `pickup_holds` (`center_id`,`state`,`occurred_at`);