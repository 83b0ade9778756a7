// Worker-thread entry: runs the replication jobs the main thread posts, one at a time,
// and posts back each job's metrics (or its error, as plain data).

import { parentPort } from 'node:worker_threads';
import { runReplication, type ReplicationJob, type ReplicationResult } from './replication-job.js';

export interface JobRequest {
  index: number;
  job: ReplicationJob;
}

export type JobReply =
  | { index: number; result: ReplicationResult }
  | { index: number; error: JobError };

/** An error as plain data: a ScenarioError's file and issues, a system error's code, call and path. */
export interface JobError {
  name: string;
  message: string;
  stack?: string;
  file?: string;
  issues?: unknown;
  code?: string;
  syscall?: string;
  path?: string;
}

parentPort?.on('message', (request: JobRequest) => {
  let reply: JobReply;
  try {
    reply = { index: request.index, result: runReplication(request.job) };
  } catch (e) {
    const err = e as Error & Omit<JobError, 'name' | 'message' | 'stack'>;
    reply = {
      index: request.index,
      error: { name: err.name, message: err.message, stack: err.stack, file: err.file, issues: err.issues, code: err.code, syscall: err.syscall, path: err.path },
    };
  }
  parentPort!.postMessage(reply);
});
