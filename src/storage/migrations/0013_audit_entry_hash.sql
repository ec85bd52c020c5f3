-- Hand-written: the append trigger also checks the new entry's own hash, so a row whose hash does
-- not match its fields (a forged entry with a made-up hash) is refused on insert, not only found
-- later by `audit verify`. `audit_entry_hash` is registered on every connection the service opens
-- (storage/db.ts, storage/audit-hash.ts); a tool without it cannot append at all.
DROP TRIGGER `audit_log_append_at_end`;
--> statement-breakpoint
CREATE TRIGGER `audit_log_append_at_end` BEFORE INSERT ON `audit_log`
WHEN NEW.`seq` <> COALESCE((SELECT MAX(`seq`) FROM `audit_log`), 0) + 1
  OR NEW.`prev_hash` <> COALESCE(
    (SELECT `hash` FROM `audit_log` ORDER BY `seq` DESC LIMIT 1),
    '0000000000000000000000000000000000000000000000000000000000000000'
  )
  OR NEW.`hash` IS NOT audit_entry_hash(
    NEW.`prev_hash`, NEW.`seq`, NEW.`at`, NEW.`actor`, NEW.`action`, NEW.`center_id`,
    NEW.`subject`, NEW.`source_ids`, NEW.`correlation_id`, NEW.`data`
  )
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: an entry must follow the last one (next seq, its hash as prev_hash) and carry the hash of its own fields');
END;
