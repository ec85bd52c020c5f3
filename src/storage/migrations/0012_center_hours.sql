CREATE TABLE `center_hours` (
	`center_id` text PRIMARY KEY NOT NULL,
	`hours` text NOT NULL,
	`source` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`center_id`) REFERENCES `centers`(`id`) ON UPDATE no action ON DELETE no action
);
