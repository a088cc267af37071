// Publishing a build by atomic swap, one-step rollback, and recovery from a run killed midway.
//   dist/           the published site
//   dist.next/      the build being made and checked
//   dist.previous/  the build published before, for --rollback
import { existsSync } from "node:fs";
import { readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { discardTree } from "../site/build/discard-tree.ts";

export interface PublishDirs {
  live: string;
  next: string;
  previous: string;
}

export function publishDirs(outputDir: string): PublishDirs {
  const live = path.resolve(outputDir);
  return { live, next: `${live}.next`, previous: `${live}.previous` };
}

/**
 * Puts things right after a run that was killed: a live site missing between the two renames of
 * a publish is restored from the previous one, and half-made builds are removed.
 */
export async function recoverInterrupted(dirs: PublishDirs): Promise<string[]> {
  const notes: string[] = [];
  if (!existsSync(dirs.live) && existsSync(dirs.previous)) {
    await rename(dirs.previous, dirs.live);
    notes.push(`restored ${path.basename(dirs.live)}/ from ${path.basename(dirs.previous)}/ (a publish was interrupted)`);
  }
  const parent = path.dirname(dirs.live);
  const base = path.basename(dirs.live);
  const leftover = new RegExp(`^${escapeRegExp(base)}\\.(next|rollback)(\\b|$)|^${escapeRegExp(base)}(\\.next)?\\.(staging|old)-`);
  for (const name of await readdir(parent)) {
    if (leftover.test(name)) {
      await rm(path.join(parent, name), { recursive: true, force: true });
      notes.push(`removed ${name}/ left by an interrupted run`);
    }
  }
  return notes;
}

/**
 * next → live, live → previous. Two renames; recoverInterrupted() mends a kill between them. The
 * build published before the previous one is renamed aside and deleted in the background.
 */
export async function publish(dirs: PublishDirs): Promise<void> {
  if (existsSync(dirs.previous)) {
    const aside = `${dirs.live}.old-${process.pid}-${Date.now()}`;
    await rename(dirs.previous, aside);
    discardTree(aside);
  }
  if (existsSync(dirs.live)) await rename(dirs.live, dirs.previous);
  await rename(dirs.next, dirs.live);
}

/** Swaps live and previous, so a second rollback undoes the first. */
export async function rollback(dirs: PublishDirs): Promise<void> {
  if (!existsSync(dirs.previous)) throw new Error(`no previous build to roll back to (${dirs.previous} does not exist)`);
  const aside = `${dirs.live}.rollback`;
  await rm(aside, { recursive: true, force: true });
  if (existsSync(dirs.live)) await rename(dirs.live, aside);
  await rename(dirs.previous, dirs.live);
  if (existsSync(aside)) await rename(aside, dirs.previous);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
