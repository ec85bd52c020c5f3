/**
 * @module storage/backup
 * Online backups of the SQLite file through SQLite's backup API (better-sqlite3 `backup()`): a
 * consistent copy taken page by page while the service keeps writing, never a file copy of a
 * database in WAL mode. Scheduled copies are named by their UTC time and pruned to the newest N.
 */
import { mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Db } from "./db.js";

export interface BackupResult {
  file: string;
  pages: number;
}

/**
 * Writes a consistent copy of the database to `file` (replaced if it exists). The copy is written
 * beside it under a temporary name and renamed, so `file` is never a half-written database.
 */
export async function backupDatabase(db: Db, file: string): Promise<BackupResult> {
  const target = resolve(file);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const { totalPages } = await db.$client.backup(partial);
  renameSync(partial, target);
  return { file: target, pages: totalPages };
}

const scheduledName = /^centerline-(\d{8}T\d{6}Z)\.db$/;

/** The name of a scheduled backup taken at `at`: sorts by time. */
export function scheduledBackupName(at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  return `centerline-${stamp}.db`;
}

/** Takes a scheduled backup into `dir` and removes all but the newest `keep` there. */
export async function scheduledBackup(
  db: Db,
  dir: string,
  keep: number,
  at: Date,
): Promise<{ taken: BackupResult; removed: string[] }> {
  const taken = await backupDatabase(db, join(dir, scheduledBackupName(at)));
  const ours = readdirSync(dir)
    .filter((name) => scheduledName.test(name))
    .sort()
    .reverse();
  const removed = ours.slice(keep).map((name) => join(resolve(dir), name));
  for (const file of removed) rmSync(file, { force: true });
  return { taken, removed };
}
