import { readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

const DAY_MS = 86_400_000;
const LOG_FILE_NAME = /^app-(\d{4}-\d{2}-\d{2})-([1-9]\d*)\.log$/;

/** A log file's place in the rotation: the UTC day it was opened on and its number within that day. */
export interface LogFileId {
  /** UTC calendar day, `YYYY-MM-DD`. */
  day: string;
  /** 1 for the first file of the day, then 2, 3, … */
  index: number;
}

/** The UTC calendar day (`YYYY-MM-DD`) of an instant. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Whole UTC days from `earlier` to `later` (both `YYYY-MM-DD`); negative when `later` is before `earlier`. */
export function daysBetween(earlier: string, later: string): number {
  return Math.round((Date.parse(`${later}T00:00:00Z`) - Date.parse(`${earlier}T00:00:00Z`)) / DAY_MS);
}

/** The file name of a log file: `app-YYYY-MM-DD-N.log`. */
export function logFileName({ day, index }: LogFileId): string {
  return `app-${day}-${index}.log`;
}

/** Reads a name written by {@link logFileName}; `undefined` for any other name. */
export function parseLogFileName(name: string): LogFileId | undefined {
  const match = LOG_FILE_NAME.exec(name);
  return match ? { day: match[1], index: Number(match[2]) } : undefined;
}

/** Every log file in `dir`, in no particular order. Other files are left out. */
export function listLogFiles(dir: string): LogFileId[] {
  return readdirSync(dir).flatMap((name) => parseLogFileName(name) ?? []);
}

/**
 * Deletes the log files in `dir` whose day is more than `retentionDays` days before `today`.
 * Best effort: a file that cannot be deleted is skipped, and the next run tries again.
 */
export function deleteExpiredLogFiles(dir: string, today: string, retentionDays: number): void {
  for (const file of listLogFiles(dir)) {
    if (daysBetween(file.day, today) <= retentionDays) continue;
    try {
      unlinkSync(join(dir, logFileName(file)));
    } catch {
      // Left for the next run; retention must never stop logging.
    }
  }
}
