// Runs replication jobs on a pool of worker threads and returns their metrics by job
// index, so results never depend on the number of workers or on finishing order.
//
// Compiled (dist/.../run-jobs.js): workers run dist/.../worker.js beside this file.
// From TypeScript sources (tsx, vitest): workers first register tsx's ESM loader, then
// import worker.ts; if tsx cannot be found, the jobs run in-process one after another.

import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { ScenarioError, type ScenarioIssue } from '../scenario/index.js';
import { OutputPathError } from '../output/results-folder.js';
import { runReplicationPausing, type ReplicationJob, type ReplicationResult } from './replication-job.js';
import { stopOnInterrupt } from '../output/interrupt.js';
import type { JobError, JobReply, JobRequest } from './worker.js';

export interface RunJobsOptions {
  /** Worker threads to use; 1 runs in this thread. */
  jobs: number;
  /** Called after each finished job. */
  onProgress?: (done: number, total: number) => void;
}

export async function runJobs(jobs: readonly ReplicationJob[], options: RunJobsOptions): Promise<ReplicationResult[]> {
  const threads = Math.min(Math.max(1, Math.floor(options.jobs)), jobs.length);
  if (threads <= 1 || !canStartWorkers()) return runInProcess(jobs, options.onProgress);
  return runOnWorkers(jobs, threads, options.onProgress);
}

/** One after another, passing a turn of the event loop now and then (a signal handler may run: interrupt.ts). */
async function runInProcess(jobs: readonly ReplicationJob[], onProgress?: (done: number, total: number) => void): Promise<ReplicationResult[]> {
  const results: ReplicationResult[] = [];
  for (const job of jobs) {
    results.push(await runReplicationPausing(job));
    onProgress?.(results.length, jobs.length);
  }
  return results;
}

function runOnWorkers(jobs: readonly ReplicationJob[], threads: number, onProgress?: (done: number, total: number) => void): Promise<ReplicationResult[]> {
  return new Promise((resolvePromise, reject) => {
    const results: ReplicationResult[] = new Array(jobs.length);
    const workers: Worker[] = [];
    let next = 0;
    let done = 0;
    let failed = false;
    // an interrupted process stops the workers before it removes the folders they write into
    // (the promise is left unsettled then: the process exits)
    let interrupted = false;
    const unregister = stopOnInterrupt(() => {
      interrupted = true;
      return Promise.all(workers.map((w) => w.terminate()));
    });
    const fail = (e: unknown) => {
      if (failed || interrupted) return;
      failed = true;
      unregister();
      for (const w of workers) void w.terminate();
      reject(e);
    };
    const retired = new Set<Worker>();
    const feed = (w: Worker) => {
      if (next >= jobs.length) {
        retired.add(w);
        void w.terminate();
        return;
      }
      const request: JobRequest = { index: next, job: jobs[next] };
      next += 1;
      w.postMessage(request);
    };
    for (let i = 0; i < threads; i++) {
      const w = startWorker();
      workers.push(w);
      w.on('message', (reply: JobReply) => {
        if (failed || interrupted) return;
        if ('error' in reply) {
          fail(rebuildError(reply.error));
          return;
        }
        results[reply.index] = reply.result;
        done += 1;
        onProgress?.(done, jobs.length);
        if (done === jobs.length) {
          unregister();
          for (const x of workers) {
            retired.add(x);
            void x.terminate();
          }
          resolvePromise(results);
        } else feed(w);
      });
      w.on('error', fail);
      w.on('exit', (code) => {
        if (!failed && !retired.has(w) && done < jobs.length) fail(new Error(`worker thread exited with code ${code}`));
      });
      feed(w);
    }
  });
}

function canStartWorkers(): boolean {
  return import.meta.url.endsWith('.js') || tsxLoaderUrl() !== null;
}

function startWorker(): Worker {
  if (import.meta.url.endsWith('.js')) return new Worker(new URL('./worker.js', import.meta.url));
  const loader = tsxLoaderUrl()!;
  const entry = new URL('./worker.ts', import.meta.url).href;
  const bootstrap =
    `import(${JSON.stringify(loader)}).then((m) => { (m.register ?? m.default.register)(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(bootstrap, { eval: true });
}

let tsxLoader: string | null | undefined;

/** tsx's ESM register API, when tsx is installed (development only). */
function tsxLoaderUrl(): string | null {
  if (tsxLoader === undefined) {
    try {
      // require() resolves the CommonJS build (index.cjs); the ESM build sits beside it.
      const path = createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs');
      tsxLoader = existsSync(path) ? pathToFileURL(path).href : null;
    } catch {
      tsxLoader = null;
    }
  }
  return tsxLoader;
}

function rebuildError(e: JobError): Error {
  if (e.name === 'ScenarioError' && e.file !== undefined && Array.isArray(e.issues)) return new ScenarioError(e.file, e.issues as ScenarioIssue[]);
  if (e.name === 'OutputPathError') return new OutputPathError(e.message); // a runs/ folder that is not a results folder
  const err: NodeJS.ErrnoException = new Error(e.message);
  err.name = e.name;
  if (e.stack) err.stack = e.stack;
  // a system error (a results folder that cannot be written) keeps what the CLI reports it by
  if (e.code !== undefined) err.code = e.code;
  if (e.syscall !== undefined) err.syscall = e.syscall;
  if (e.path !== undefined) err.path = e.path;
  return err;
}
