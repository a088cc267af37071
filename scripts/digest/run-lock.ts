// One digest at a time: an exclusive lock file (created with "wx", so exactly one creator wins)
// holding who took it. A lock left by a killed run is recognised as stale (its pid is gone on this
// host, or it is older than staleAfterMs) and taken over; the lock is released on exit and on
// SIGINT/SIGTERM.
import { randomBytes } from "node:crypto";
import { readFileSync, unlinkSync } from "node:fs";
import { mkdir, open, readFile, stat, unlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export interface LockHolder {
  pid: number;
  hostname: string;
  /** ISO 8601. */
  startedAt: string;
  /** Tells this lock apart from a later one by the same pid. */
  token: string;
}

export interface Lock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): Promise<void>;
  /** True while the lock file is still this lock (a check before publishing). */
  isHeld(): Promise<boolean>;
  /** Set when a stale lock was taken over: whose, and why it was judged stale. */
  readonly tookOver?: { holder?: LockHolder; reason: string };
}

export interface AcquireLockOptions {
  /** A lock older than this is stale whatever its pid (default 6 hours). */
  staleAfterMs?: number;
  now?: () => Date;
}

/** A live run holds the lock; the message names its pid, host and start time. */
export class LockedError extends Error {
  constructor(
    readonly file: string,
    readonly holder: Partial<LockHolder>,
  ) {
    const who = holder.pid ? `pid ${holder.pid}${holder.hostname ? ` on ${holder.hostname}` : ""}` : "a run being started";
    super(`another digest run holds the lock ${file}: ${who}${holder.startedAt ? `, started ${holder.startedAt}` : ""}`);
    this.name = "LockedError";
  }
}

const DEFAULT_STALE_AFTER_MS = 6 * 60 * 60 * 1000;
// A lock file is written right after it is created; one still empty after this long was orphaned.
const UNWRITTEN_GRACE_MS = 10_000;
// How long runs racing for a stale lock keep trying before giving up.
const CONTENTION_LIMIT_MS = 5_000;
const ORPHANED_GUARD_MS = 30_000;
const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM"];

export async function acquireLock(file: string, opts: AcquireLockOptions = {}): Promise<Lock> {
  const now = opts.now ?? (() => new Date());
  const staleAfterMs = opts.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  await mkdir(path.dirname(file), { recursive: true });
  const deadline = Date.now() + CONTENTION_LIMIT_MS;
  let tookOver: Lock["tookOver"];
  while (Date.now() < deadline) {
    const holder: LockHolder = { pid: process.pid, hostname: os.hostname(), startedAt: now().toISOString(), token: randomBytes(8).toString("hex") };
    if (await createLockFile(file, holder)) return heldLock(file, holder, tookOver);

    const existing = await readLockFile(file);
    if (!existing) continue; // released between our attempt and the read: try again
    const stale = staleReason(existing, now(), staleAfterMs);
    if (!stale) throw new LockedError(file, existing.holder ?? {});
    if (await removeStaleLock(file, existing.text)) tookOver = { holder: existing.holder, reason: stale };
    else await sleep(10 + Math.random() * 40); // another run is taking it over: look again shortly
  }
  throw new Error(`${file}: could not take the lock within ${CONTENTION_LIMIT_MS} ms (other runs keep taking it)`);
}

async function createLockFile(file: string, holder: LockHolder): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, "wx");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
  try {
    await handle.writeFile(`${JSON.stringify(holder)}\n`);
  } finally {
    await handle.close();
  }
  return true;
}

type ExistingLock = { text: string; holder?: LockHolder; mtimeMs: number };

async function readLockFile(file: string): Promise<ExistingLock | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(file, "utf8"), stat(file)]);
    return { text, holder: parseHolder(text), mtimeMs: info.mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const data = JSON.parse(text) as Partial<LockHolder>;
    if (Number.isInteger(data.pid) && typeof data.hostname === "string" && typeof data.startedAt === "string" && typeof data.token === "string") {
      return data as LockHolder;
    }
  } catch {
    // not JSON: judged by its age below
  }
  return undefined;
}

/** Why this lock is stale, or undefined while its holder may still be running. */
function staleReason(lock: ExistingLock, now: Date, staleAfterMs: number): string | undefined {
  const { holder } = lock;
  if (!holder) return now.getTime() - lock.mtimeMs > UNWRITTEN_GRACE_MS ? "unreadable lock file" : undefined;
  const started = Date.parse(holder.startedAt);
  const age = now.getTime() - (Number.isNaN(started) ? lock.mtimeMs : started);
  if (age > staleAfterMs) return `older than ${staleAfterMs} ms`;
  // A pid only means something on the host that wrote it.
  if (holder.hostname === os.hostname() && !isAlive(holder.pid)) return `pid ${holder.pid} is no longer running`;
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes a stale lock, under a takeover guard (itself a "wx" file) so that runs taking over at
 * once cannot remove a fresh lock one of them just made: under the guard the lock is removed only
 * if it is still the very file judged stale. False when another run holds the guard.
 */
async function removeStaleLock(file: string, judgedText: string): Promise<boolean> {
  const guard = `${file}.takeover`;
  let handle;
  try {
    handle = await open(guard, "wx");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    await removeOrphanedGuard(guard);
    return false;
  }
  try {
    await handle.close();
    const current = await readFile(file, "utf8").catch(() => undefined);
    if (current === judgedText) await unlink(file).catch(() => {});
    return current === judgedText;
  } finally {
    await unlink(guard).catch(() => {});
  }
}

/** A guard is held for milliseconds; one this old was left by a run killed mid-takeover. */
async function removeOrphanedGuard(guard: string): Promise<void> {
  const info = await stat(guard).catch(() => undefined);
  if (info && Date.now() - info.mtimeMs > ORPHANED_GUARD_MS) await unlink(guard).catch(() => {});
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function heldLock(file: string, holder: LockHolder, tookOver: Lock["tookOver"]): Lock {
  let released = false;
  const ownsFile = (text: string) => parseHolder(text)?.token === holder.token;

  const releaseSync = () => {
    if (released) return;
    released = true;
    detach();
    try {
      if (ownsFile(readFileSync(file, "utf8"))) unlinkSync(file);
    } catch {
      // already gone
    }
  };
  const onExit = () => releaseSync();
  const onSignal = (signal: NodeJS.Signals) => {
    releaseSync();
    // With no other handler, end as the signal would have; otherwise the other handler decides.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const detach = () => {
    process.off("exit", onExit);
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
  process.on("exit", onExit);
  for (const signal of SIGNALS) process.on(signal, onSignal);

  return {
    file,
    holder,
    tookOver,
    async release() {
      if (released) return;
      released = true;
      detach();
      const text = await readFile(file, "utf8").catch(() => "");
      if (ownsFile(text)) await unlink(file).catch(() => {});
    },
    async isHeld() {
      if (released) return false;
      return ownsFile(await readFile(file, "utf8").catch(() => ""));
    },
  };
}
