import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, utimes, writeFile } from "node:fs/promises";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { acquireLock, LockedError, type LockHolder } from "../../scripts/digest/run-lock.ts";
import { tempDir } from "../helpers/shared.ts";

const RUN_LOCK = pathToFileURL(path.resolve(import.meta.dirname, "../../scripts/digest/run-lock.ts")).href;

async function lockFile(): Promise<string> {
  const dir = path.join(await tempDir("gazette-lock-"), ".cache");
  await mkdir(dir);
  return path.join(dir, "digest.lock");
}

/** A separate node process that takes the lock, says "held", then runs `then` (JS source). */
async function childHolding(file: string, then: string): Promise<ChildProcess> {
  const code = `const { acquireLock } = await import(${JSON.stringify(RUN_LOCK)});
    await acquireLock(process.env.LOCK_FILE); console.log("held"); ${then}`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { env: { ...process.env, LOCK_FILE: file }, stdio: ["ignore", "pipe", "inherit"] });
  const [chunk] = (await once(child.stdout!, "data")) as [Buffer];
  assert.equal(chunk.toString().trim(), "held");
  return child;
}

function holderIn(text: string): LockHolder {
  return JSON.parse(text) as LockHolder;
}

test("the lock file names its holder, and release removes it", async () => {
  const file = await lockFile();
  const lock = await acquireLock(file);
  const holder = holderIn(await readFile(file, "utf8"));
  assert.equal(holder.pid, process.pid);
  assert.equal(holder.hostname, os.hostname());
  assert.ok(Math.abs(Date.parse(holder.startedAt) - Date.now()) < 10_000);
  assert.equal(await lock.isHeld(), true);
  await lock.release();
  assert.equal(existsSync(file), false);
  await lock.release();
});

test("a second run refuses with a LockedError naming the holder's pid and start time; SIGTERM releases the lock", async () => {
  const file = await lockFile();
  const child = await childHolding(file, "setInterval(() => {}, 1000);");
  try {
    const holder = holderIn(await readFile(file, "utf8"));
    assert.equal(holder.pid, child.pid);
    await assert.rejects(acquireLock(file), (err: unknown) => {
      assert.ok(err instanceof LockedError);
      assert.equal(err.holder.pid, child.pid);
      assert.match(err.message, new RegExp(`pid ${child.pid} on .*, started ${holder.startedAt}`));
      return true;
    });
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const [code, signal] = (await exited) as [number | null, string | null];
    assert.deepEqual([code, signal], [null, "SIGTERM"], "the child still ends as SIGTERM would end it");
    assert.equal(existsSync(file), false);
  } finally {
    child.kill("SIGKILL");
  }
  await (await acquireLock(file)).release();
});

test("a run that exits without releasing leaves no lock behind", async () => {
  const file = await lockFile();
  const child = await childHolding(file, "process.exit(0);");
  if (child.exitCode === null) await once(child, "exit");
  assert.equal(existsSync(file), false);
});

test("a lock left by a killed run (its pid gone) is stale and taken over", async () => {
  const file = await lockFile();
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  await once(child, "spawn");
  const dead = child.pid!;
  child.kill("SIGKILL");
  await once(child, "exit");
  await writeFile(file, JSON.stringify({ pid: dead, hostname: os.hostname(), startedAt: new Date().toISOString(), token: "killed" }));

  const lock = await acquireLock(file);
  assert.equal(lock.tookOver?.holder?.pid, dead);
  assert.match(lock.tookOver!.reason, new RegExp(`pid ${dead} is no longer running`));
  assert.equal(holderIn(await readFile(file, "utf8")).pid, process.pid);
  await lock.release();
  assert.equal(existsSync(file), false);
});

test("a lock from another host counts until it is older than staleAfterMs", async () => {
  const file = await lockFile();
  const elsewhere = (startedAt: Date) => JSON.stringify({ pid: 1, hostname: `not-${os.hostname()}`, startedAt: startedAt.toISOString(), token: "remote" });
  await writeFile(file, elsewhere(new Date(Date.now() - 60_000)));
  await assert.rejects(acquireLock(file, { staleAfterMs: 3_600_000 }), LockedError);
  await writeFile(file, elsewhere(new Date(Date.now() - 7 * 3_600_000)));
  const lock = await acquireLock(file);
  assert.match(lock.tookOver!.reason, /older than 21600000 ms/);
  await lock.release();
});

test("runs racing to take over one stale lock: exactly one wins, the others are refused", async () => {
  const file = await lockFile();
  await writeFile(file, JSON.stringify({ pid: 1, hostname: `not-${os.hostname()}`, startedAt: "2000-01-01T00:00:00.000Z", token: "ancient" }));
  const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => acquireLock(file)));
  const winners = outcomes.filter((o) => o.status === "fulfilled");
  assert.equal(winners.length, 1);
  assert.ok(outcomes.every((o) => o.status === "fulfilled" || o.reason instanceof LockedError));
  assert.equal(await winners[0].value.isHeld(), true);
  await winners[0].value.release();
});

test("an empty lock file is a run being started, until it is old", async () => {
  const file = await lockFile();
  await writeFile(file, "");
  await assert.rejects(acquireLock(file), /another digest run holds the lock .*: a run being started/);
  const old = new Date(Date.now() - 60_000);
  await utimes(file, old, old);
  const lock = await acquireLock(file);
  assert.equal(lock.tookOver?.reason, "unreadable lock file");
  await lock.release();
});

test("release leaves alone a lock that is no longer ours", async () => {
  const file = await lockFile();
  const lock = await acquireLock(file);
  const other = JSON.stringify({ pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString(), token: "someone-else" });
  await writeFile(file, other);
  assert.equal(await lock.isHeld(), false);
  await lock.release();
  assert.equal(await readFile(file, "utf8"), other);
});
