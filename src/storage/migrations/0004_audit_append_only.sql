-- The audit log is append-only in the database itself, not only by convention in the code: an
-- UPDATE or DELETE of an entry aborts, and an INSERT must extend the chain at its end (next seq,
-- previous hash). The last trigger also stops INSERT OR REPLACE, which deletes the row it
-- replaces without firing DELETE triggers. Someone with the file can still drop these triggers;
-- the hash chain (`audit verify`) is what catches that.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: an entry cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: an entry cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_append_at_end` BEFORE INSERT ON `audit_log`
WHEN NEW.`seq` <> COALESCE((SELECT MAX(`seq`) FROM `audit_log`), 0) + 1
  OR NEW.`prev_hash` <> COALESCE(
    (SELECT `hash` FROM `audit_log` ORDER BY `seq` DESC LIMIT 1),
    '0000000000000000000000000000000000000000000000000000000000000000'
  )
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: an entry must follow the last one (next seq, its hash as prev_hash)');
END;
