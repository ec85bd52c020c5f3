CREATE TABLE `alert_policies` (
	`center_id` text PRIMARY KEY NOT NULL,
	`policy` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`center_id`) REFERENCES `centers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`center_id` text NOT NULL,
	`room_id` text NOT NULL,
	`room_name` text NOT NULL,
	`kind` text NOT NULL,
	`severity` text NOT NULL,
	`room_status` text NOT NULL,
	`state` text NOT NULL,
	`opened_at` text NOT NULL,
	`last_status_at` text NOT NULL,
	`acknowledged_at` text,
	`acknowledged_by` text,
	`acknowledged_severity` text,
	`escalation_level` integer DEFAULT 0 NOT NULL,
	`severity_escalations` integer DEFAULT 0 NOT NULL,
	`escalated_at` text,
	`escalation_due_at` text,
	`resolving_since` text,
	`resolved_at` text,
	`resolution` text,
	`reopen_count` integer DEFAULT 0 NOT NULL,
	`violation_id` integer,
	`cause` text NOT NULL,
	`summary` text NOT NULL,
	`notified` text NOT NULL,
	`shadow` integer DEFAULT false NOT NULL,
	`in_app_delivered_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alerts_one_live` ON `alerts` (`center_id`,`room_id`,`kind`) WHERE "alerts"."state" <> 'resolved';--> statement-breakpoint
CREATE INDEX `alerts_center_state` ON `alerts` (`center_id`,`state`);--> statement-breakpoint
CREATE INDEX `alerts_escalation_due` ON `alerts` (`state`,`escalation_due_at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`alert_id` integer,
	`center_id` text NOT NULL,
	`channel` text NOT NULL,
	`recipient` text NOT NULL,
	`payload` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`lease_owner` text,
	`lease_until` text,
	`last_error` text,
	`sent_at` text,
	`response` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_idempotency_key` ON `outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_alert` ON `outbox` (`alert_id`);