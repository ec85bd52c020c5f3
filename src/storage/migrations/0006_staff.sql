CREATE TABLE `credential_renewals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`center_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`credential_type` text NOT NULL,
	`expires_on` text NOT NULL,
	`status` text NOT NULL,
	`opened_status` text NOT NULL,
	`reminder_approval_id` integer,
	`task_outbox_key` text NOT NULL,
	`opened_at` text NOT NULL,
	`cleared_at` text,
	`cleared_by_expires_on` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `credential_renewals_once` ON `credential_renewals` (`center_id`,`staff_id`,`credential_type`,`expires_on`);--> statement-breakpoint
CREATE INDEX `credential_renewals_center` ON `credential_renewals` (`center_id`,`status`);