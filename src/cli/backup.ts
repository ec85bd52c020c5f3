/**
 * @module cli/backup
 * `backup FILE`: an online backup of the database at DATABASE_PATH to FILE, safe while the service
 * runs (SQLite's backup API). Restoring is a copy back while the service is stopped (README).
 */
import { backupDatabase, type Db } from "../storage/index.js";
import type { CliOutput } from "./ratio.js";

export async function runBackupCommand(args: string[], db: Db): Promise<CliOutput> {
  const [file, ...rest] = args;
  if (!file || rest.length > 0 || file.startsWith("-")) {
    return { stdout: "", stderr: "usage: cli backup FILE\n", code: 2 };
  }
  const result = await backupDatabase(db, file);
  return { stdout: `backed up ${result.pages} pages to ${result.file}\n`, stderr: "", code: 0 };
}
