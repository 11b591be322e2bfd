import { randomUUID } from "node:crypto";
import { tryLease } from "@soskes/domain";
import type { Services } from "../services.js";

/** Periodic work: how often, and whether one node at a time or every node does it. */
export type Job = {
  name: string;
  everyMs: number;
  /**
   * `one-node`: a lease for the period picks the node (another takes over when it stops);
   * `every-node`: state each node keeps (its own search index).
   */
  runs: "one-node" | "every-node";
  /** Also run once when the node starts. */
  atStart?: boolean;
  run(services: Services): Promise<unknown>;
};

export type Scheduler = { stop(): Promise<void> };

/** Runs each job on its period; a run still going when the next is due is not doubled. */
export function startJobs(services: Services, jobs: Job[]): Scheduler {
  const owner = `${services.nodeId}#${randomUUID().slice(0, 8)}`;
  const running = new Map<string, Promise<void>>();
  const once = (job: Job) => {
    if (running.has(job.name)) return;
    const run = (async () => {
      if (
        job.runs === "one-node" &&
        !(await tryLease(services.db, `job:${job.name}`, owner, job.everyMs - 1000))
      )
        return;
      await job.run(services);
    })()
      .catch((err: unknown) => services.logger.warn({ err, job: job.name }, "job failed"))
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
  };
  const timers = jobs.map((job) => {
    if (job.atStart) once(job);
    const timer = setInterval(() => once(job), job.everyMs);
    timer.unref();
    return timer;
  });
  return {
    async stop() {
      for (const t of timers) clearInterval(t);
      await Promise.all(running.values());
    },
  };
}
