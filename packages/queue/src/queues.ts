import {
  type AlertJob,
  AlertJobSchema,
  type ArticleJob,
  ArticleJobSchema,
  type PollJob,
  PollJobSchema,
  QueueName,
} from "@zw/core";
import { type JobsOptions, Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { z } from "zod";
import { alertJobId, articleAlertJobId, articleJobId, pollJobId } from "./job-ids";
import { parseJob } from "./job-schema";

/** The ioredis connection queues and workers share; see connectRedis in @zw/redis. */
export type Connection = Redis;

export type QueueKey = keyof typeof QueueName;

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Retries and retention per queue. A job id only deduplicates while the job is kept, so finished
 * jobs stay long enough to outlive the window in which the same id could be enqueued again.
 */
export const DEFAULT_JOB_OPTIONS: Record<QueueKey, JobsOptions> = {
  // Feed errors are recorded by the fetcher and backed off by the scheduler; retries here only
  // cover the fetcher's own trouble (Redis hiccups). A slot lasts at most a day (the longest
  // interval), so a day's retention keeps every slot's id for as long as it can be enqueued.
  poll: {
    attempts: 3,
    backoff: { type: "exponential", delay: 5_000 },
    removeOnComplete: { age: DAY_SECONDS },
    removeOnFail: { age: 7 * DAY_SECONDS },
  },
  // Article pages can be briefly unreachable; the fetcher's markSeen is the long-term dedupe.
  article: {
    attempts: 5,
    backoff: { type: "exponential", delay: 30_000 },
    removeOnComplete: { age: 3 * DAY_SECONDS, count: 20_000 },
    removeOnFail: { age: 30 * DAY_SECONDS },
  },
  // Discord may rate-limit or be down for a while; one alert per event and channel, ever.
  alert: {
    attempts: 8,
    backoff: { type: "exponential", delay: 5_000 },
    removeOnComplete: { age: 14 * DAY_SECONDS },
    removeOnFail: { age: 30 * DAY_SECONDS },
  },
};

/** The article an alert job is the message of: its URL and the content hash the ledger knows it by. */
export interface ArticleKey {
  url: string;
  contentHash: string;
}

export interface QueuesOptions {
  /** Overrides of DEFAULT_JOB_OPTIONS, merged per queue (tests shorten backoff). */
  jobOptions?: Partial<Record<QueueKey, JobsOptions>>;
}

/** The three queues between the services, with typed producers that validate before adding. */
export interface Queues {
  poll: Queue<PollJob>;
  article: Queue<ArticleJob>;
  alert: Queue<AlertJob>;
  list: Queue[];
  /** Each returns the job id; adding an id that is already kept is a no-op. */
  enqueuePoll(job: z.input<typeof PollJobSchema>): Promise<string>;
  enqueueArticle(job: z.input<typeof ArticleJobSchema>): Promise<string>;
  /**
   * An article's message (`article` given) is keyed by the article and channel, not by the events in
   * it: a retry that finds other events worth posting adds nothing. Otherwise (feed-health notices)
   * by the alerts it carries.
   */
  enqueueAlert(job: z.input<typeof AlertJobSchema>, article?: ArticleKey): Promise<string>;
  /** Closes the queues; the shared connection stays open for its owner to close. */
  close(): Promise<void>;
}

export function createQueues(connection: Connection, options: QueuesOptions = {}): Queues {
  const open = <T>(key: QueueKey) =>
    new Queue<T>(QueueName[key], {
      connection,
      defaultJobOptions: { ...DEFAULT_JOB_OPTIONS[key], ...options.jobOptions?.[key] },
    });
  const poll = open<PollJob>("poll");
  const article = open<ArticleJob>("article");
  const alert = open<AlertJob>("alert");
  const list = [poll, article, alert] as Queue[];
  return {
    poll,
    article,
    alert,
    list,
    enqueuePoll: producer(poll, PollJobSchema, (job) => pollJobId(job.feedUrl, job.slot)),
    enqueueArticle: producer(article, ArticleJobSchema, (job) => articleJobId(job.url)),
    enqueueAlert: (job, article) =>
      producer(alert, AlertJobSchema, (data) =>
        article
          ? articleAlertJobId(article.url, article.contentHash, data.channelId)
          : alertJobId(
              data.alerts.map((a) => a.id),
              data.channelId,
            ),
      )(job),
    close: async () => {
      await Promise.all(list.map((queue) => queue.close()));
    },
  };
}

function producer<S extends z.ZodType>(
  queue: Queue,
  schema: S,
  idOf: (job: z.output<S>) => string,
): (job: z.input<S>) => Promise<string> {
  return async (job) => {
    const data = parseJob(queue.name, schema, job);
    const jobId = idOf(data);
    await queue.add(queue.name, data, { jobId });
    return jobId;
  };
}
