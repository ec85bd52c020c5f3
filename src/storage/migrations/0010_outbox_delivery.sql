ALTER TABLE `outbox` ADD `in_doubt` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `failing_since` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `failover_of` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `failed_over_at` text;--> statement-breakpoint
CREATE INDEX `outbox_channel_due` ON `outbox` (`channel`,`status`,`next_attempt_at`);