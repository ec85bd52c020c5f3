CREATE TABLE `agent_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job` text NOT NULL,
	`center_id` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`input` text NOT NULL,
	`trigger_event_id` text,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`run_after` text NOT NULL,
	`lease_owner` text,
	`lease_until` text,
	`last_error` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agent_jobs_dedupe` ON `agent_jobs` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `agent_jobs_due` ON `agent_jobs` (`state`,`run_after`);--> statement-breakpoint
CREATE TABLE `agent_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`job_id` integer,
	`job` text NOT NULL,
	`center_id` text NOT NULL,
	`trigger_event_id` text,
	`prompt_id` text NOT NULL,
	`prompt_version` text NOT NULL,
	`model` text NOT NULL,
	`status` text NOT NULL,
	`end_reason` text,
	`turns` integer DEFAULT 0 NOT NULL,
	`input_tokens` integer DEFAULT 0 NOT NULL,
	`output_tokens` integer DEFAULT 0 NOT NULL,
	`cache_creation_input_tokens` integer DEFAULT 0 NOT NULL,
	`cache_read_input_tokens` integer DEFAULT 0 NOT NULL,
	`lease_owner` text,
	`lease_until` text,
	`started_at` text NOT NULL,
	`ended_at` text
);
--> statement-breakpoint
CREATE INDEX `agent_runs_status` ON `agent_runs` (`status`);--> statement-breakpoint
CREATE INDEX `agent_runs_job` ON `agent_runs` (`job_id`);--> statement-breakpoint
CREATE TABLE `agent_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` text NOT NULL,
	`seq` integer NOT NULL,
	`type` text NOT NULL,
	`data` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `agent_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agent_steps_run_seq` ON `agent_steps` (`run_id`,`seq`);--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`prefix` text NOT NULL,
	`scopes` text NOT NULL,
	`created_at` text NOT NULL,
	`last_used_at` text,
	`revoked_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `approvals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`center_id` text NOT NULL,
	`room_id` text,
	`subject` text,
	`title` text NOT NULL,
	`state` text NOT NULL,
	`draft_source` text NOT NULL,
	`draft` text NOT NULL,
	`edited` text,
	`content_hash` text NOT NULL,
	`platform_call` text,
	`context` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`agent_run_id` text,
	`prompt_id` text,
	`prompt_version` text,
	`trigger_event_id` text,
	`decided_by` text,
	`decided_at` text,
	`decision_reason` text,
	`outbox_id` integer,
	`executed_at` text,
	`last_error` text,
	`expires_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `approvals_dedupe` ON `approvals` (`dedupe_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `approvals_idempotency` ON `approvals` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `approvals_center_state` ON `approvals` (`center_id`,`state`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`center_id` text,
	`subject` text,
	`source_ids` text NOT NULL,
	`correlation_id` text,
	`data` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_center_at` ON `audit_log` (`center_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_correlation` ON `audit_log` (`correlation_id`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`user_id` text NOT NULL,
	`center_id` text NOT NULL,
	`role` text NOT NULL,
	`room_ids` text NOT NULL,
	PRIMARY KEY(`user_id`, `center_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `model_calls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` text NOT NULL,
	`turn` integer NOT NULL,
	`model` text NOT NULL,
	`stop_reason` text,
	`input_tokens` integer NOT NULL,
	`output_tokens` integer NOT NULL,
	`cache_creation_input_tokens` integer NOT NULL,
	`cache_read_input_tokens` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `agent_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `model_calls_run` ON `model_calls` (`run_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`csrf_token` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text,
	`created_at` text NOT NULL,
	`disabled_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `approval_id` integer;--> statement-breakpoint
CREATE INDEX `outbox_approval` ON `outbox` (`approval_id`);