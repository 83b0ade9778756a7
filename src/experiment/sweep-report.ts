// The comparison page (report.html) an earlier `sweep --report` or `ecsim report` left in a
// sweep's folder: drawn from the earlier sweep.csv and runs/, it would be stale beside the
// new ones, so a sweep or a merge removes it with its write (`--report` then writes a new
// one). Only ecsim's page of a sweep, a regular file, is removed: a report.html of the
// user's own (any other file, a link, a folder) is left alone.

import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { besideFileInTheWay } from '../output/staging.js';
import { isSweepPage } from '../output/report/sections/page.js';

/** `[<dir>/report.html]` when it is an earlier sweep's comparison page, else `[]`. */
export function staleSweepReport(dir: string): string[] {
  const path = join(dir, 'report.html');
  let isFile = false;
  try {
    isFile = lstatSync(path, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return []; // not ours to look at: not ours to remove
  }
  return isFile && besideFileInTheWay(path, isSweepPage, { head: true }) === null ? [path] : [];
}
