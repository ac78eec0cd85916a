import { PollJobSchema, QueueName } from "@zw/core";
import type { Worker } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestRedis, type TestRedis } from "../../../tests/fixtures/redis";
import { waitFor } from "../../../tests/fixtures/wait-for";
import { queueDepths } from "./depths";
import { InvalidJobError } from "./job-schema";
import { createQueues, type Queues } from "./queues";
import { closeAll } from "./shutdown";
import { type QueueLogger, startWorker, type WorkerMetrics } from "./worker";

const quiet: QueueLogger = { debug() {}, info() {}, warn() {}, error() {} };
const feedUrl = "https://example.org/feed.xml";

function countingMetrics() {
  const counts = { done: 0, failed: 0 };
  const metrics: WorkerMetrics = {
    jobsDone: { inc: () => void counts.done++ },
    jobsFailed: { inc: () => void counts.failed++ },
  };
  return { counts, metrics };
}

describe("queues and workers on a real Redis", () => {
  let redis: TestRedis;
  let connection: Redis;
  let queues: Queues;
  let workers: Worker[] = [];

  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await redis.dispose();
  });

  async function setUp(options: Parameters<typeof createQueues>[1] = {}) {
    connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    await connection.flushall();
    queues = createQueues(connection, options);
    workers = [];
  }
  afterEach(async () => {
    await closeAll(workers, queues.list, { deadlineMs: 1_000, connections: [connection] });
  });

  it("sends a job failing its schema to the failed set with the reason, without retrying", async () => {
    await setUp();
    let handled = 0;
    const { counts, metrics } = countingMetrics();
    workers.push(
      startWorker(QueueName.poll, PollJobSchema, async () => void handled++, {
        connection,
        logger: quiet,
        metrics,
      }),
    );
    // Bypasses the producer's validation, as a foreign or outdated producer would.
    await queues.poll.add("poll", { feedUrl: "not a url", slot: 7 } as never, {
      jobId: "bad-1",
      attempts: 3,
    });
    const job = await waitFor("the job to fail", async () => {
      // The state first, then the job: a job read before it failed would lack its failedReason.
      if ((await queues.poll.getJobState("bad-1")) !== "failed") return null;
      return queues.poll.getJob("bad-1");
    });
    expect(job.failedReason).toMatch(/invalid zw-poll job/);
    expect(job.failedReason).toMatch(/feedUrl/);
    expect(job.failedReason).toMatch(/slot/);
    expect(job.attemptsMade).toBe(1);
    expect(handled).toBe(0);
    expect(counts).toEqual({ done: 0, failed: 1 });
  });

  it("retries a throwing handler with exponential backoff until it succeeds", async () => {
    await setUp({ jobOptions: { poll: { attempts: 4, backoff: { type: "exponential", delay: 200 } } } });
    const calls: number[] = [];
    const { counts, metrics } = countingMetrics();
    workers.push(
      startWorker(
        QueueName.poll,
        PollJobSchema,
        async () => {
          calls.push(Date.now());
          if (calls.length < 3) throw new Error(`transient failure ${calls.length}`);
        },
        { connection, logger: quiet, metrics },
      ),
    );
    const id = await queues.enqueuePoll({ feedUrl, slot: "5m-1" });
    await waitFor("the job to complete", async () => (await queues.poll.getJob(id))?.finishedOn);
    const job = await queues.poll.getJob(id);
    expect(await job?.getState()).toBe("completed");
    expect(calls).toHaveLength(3);
    const [first, second, third] = calls as [number, number, number];
    expect(second - first).toBeGreaterThanOrEqual(200);
    expect(third - second).toBeGreaterThanOrEqual(400);
    expect(counts).toEqual({ done: 1, failed: 0 });
  });

  it("keeps one job when the same id is enqueued twice, and rejects invalid payloads", async () => {
    await setUp();
    const first = await queues.enqueuePoll({ feedUrl, slot: "5m-9" });
    const second = await queues.enqueuePoll({ feedUrl, slot: "5m-9" });
    expect(second).toBe(first);
    expect(first).not.toContain(":");
    await expect(queues.enqueuePoll({ feedUrl: "nope", slot: "5m-9" })).rejects.toThrow(InvalidJobError);
    const depths = await queueDepths(queues.list);
    expect(depths[QueueName.poll]).toMatchObject({ waiting: 1, active: 0, failed: 0 });
    expect(depths[QueueName.article]?.waiting).toBe(0);
  });

  it("lets an in-flight job finish when it can", async () => {
    await setUp();
    const worker = startWorker(
      QueueName.poll,
      PollJobSchema,
      () => new Promise((ok) => setTimeout(ok, 300)),
      { connection, logger: quiet },
    );
    const id = await queues.enqueuePoll({ feedUrl, slot: "5m-2" });
    await waitFor("the job to start", async () => (await queues.poll.getJob(id))?.processedOn);
    const result = await closeAll([worker], [], { deadlineMs: 5_000 });
    expect(result.forced).toBe(false);
    expect(await (await queues.poll.getJob(id))?.getState()).toBe("completed");
  });

  it("closes within the deadline despite a hung handler, and the job is released to another worker", async () => {
    await setUp();
    const hung = startWorker(QueueName.poll, PollJobSchema, () => new Promise(() => {}), {
      connection,
      logger: quiet,
      lockDuration: 1_000,
      stalledInterval: 500,
    });
    const id = await queues.enqueuePoll({ feedUrl, slot: "5m-3" });
    await waitFor("the job to start", async () => (await queues.poll.getJob(id))?.processedOn);
    const started = Date.now();
    const result = await closeAll([hung], [], { deadlineMs: 500 });
    const elapsed = Date.now() - started;
    expect(result.forced).toBe(true);
    expect(elapsed).toBeLessThan(1_500);

    let handled = 0;
    workers.push(
      startWorker(QueueName.poll, PollJobSchema, async () => void handled++, {
        connection,
        logger: quiet,
        lockDuration: 1_000,
        stalledInterval: 500,
      }),
    );
    await waitFor("the released job to complete", async () => (await queues.poll.getJob(id))?.finishedOn);
    expect(handled).toBe(1);
  });

  // Last: it kills the shared server and starts it again.
  it("closes within the deadline when Redis is gone", async () => {
    await setUp();
    workers.push(startWorker(QueueName.poll, PollJobSchema, async () => {}, { connection, logger: quiet }));
    await queues.enqueuePoll({ feedUrl, slot: "5m-4" });
    await waitFor(
      "the job to complete",
      async () => (await queues.poll.getJobCounts("completed")).completed === 1,
    );
    await redis.kill();
    const started = Date.now();
    await closeAll(workers, queues.list, { deadlineMs: 1_000, connections: [connection] });
    expect(Date.now() - started).toBeLessThan(2_500);
    workers = [];
    await redis.restart("kill");
  });
});
