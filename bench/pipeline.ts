import { type ArticleJob, type Config, ConfigSchema, DEFAULT_EVENT_TYPES } from "@zw/core";
import { extractorService } from "@zw/extractor";
import { notifierService } from "@zw/notifier";
import { createLogger, createMetrics } from "@zw/observability";
import { articleJobId, type Connection, createQueues, DEFAULT_JOB_OPTIONS, type Queues } from "@zw/queue";
import { connectRedis } from "@zw/redis";
import { ClaimLedger, GuildStore } from "@zw/store";
import { Queue, Worker } from "bullmq";
import { type BenchArticle, generateArticles } from "./corpus";
import {
  type Benchmark,
  fmt,
  load,
  percentile,
  printTable,
  redisCommandCount,
  redisCpuSeconds,
  startBenchRedis,
  until,
} from "./measure";

/**
 * The article → extractor → alert → notifier path as `zw start` runs it without a Discord token:
 * extractorService with its real deps (extractFigures, ClaimLedger, GuildStore, the alert queue) and
 * notifierService with its console sink, whose lines the benchmark counts instead of printing. Against it, bare BullMQ: the same payloads, queue options and concurrency,
 * a processor that does nothing, on the same redis-server in the same run.
 */

/** The only tuning: config.concurrency, as an operator would set it in zw.config.json. */
export const PIPELINE_CONCURRENCY = { extractor: 8, notifier: 1 } as const;

/** Channels subscribed to the default events, in two guilds: every event fans out to each. */
const CHANNELS = [
  { guildId: "400000000000000001", channelId: "400000000000000011" },
  { guildId: "400000000000000001", channelId: "400000000000000012" },
  { guildId: "400000000000000002", channelId: "400000000000000021" },
];

export interface PhaseResult {
  articles: number;
  seconds: number;
  perSecond: number;
  failed: number;
  alerts: number;
  /** Enqueue of the article to delivery of each alert it caused, ms, sorted. */
  alertLatencyMs: number[];
  commandsPerArticle: number;
  /** CPU of this process (all services) and of redis-server, per article. */
  nodeCpuMsPerArticle: number;
  redisCpuMsPerArticle: number;
}

export interface Pipeline {
  connection: Connection;
  ledger: ClaimLedger;
  /** Enqueues the articles (all at once, or paced at `ratePerSecond`) and waits until every alert is out. */
  push(articles: ArticleJob[], ratePerSecond?: number): Promise<PhaseResult>;
  stop(): Promise<void>;
}

export function benchConfig(concurrency: { extractor: number; notifier: number }): Config {
  return ConfigSchema.parse({
    feeds: [],
    httpPort: 0,
    logLevel: "warn",
    concurrency: { fetcher: 16, ...concurrency },
  });
}

/** The extractor and notifier services on `redisUrl`, with channels subscribed. */
export async function startPipeline(
  redisUrl: string,
  concurrency: { extractor: number; notifier: number } = PIPELINE_CONCURRENCY,
): Promise<Pipeline> {
  const config = benchConfig(concurrency);
  const connection = connectRedis(redisUrl, "zw-bench");
  const logger = createLogger(config, { name: "bench" });
  const metrics = createMetrics();
  const guilds = new GuildStore(connection);
  for (const channel of CHANNELS)
    await guilds.upsertSubscription({ ...channel, events: [...DEFAULT_EVENT_TYPES] });

  const enqueuedAt = new Map<string, number>();
  let latencies: number[] = [];
  let alertCount = 0;
  const stopCapture = captureConsoleAlerts((text) => {
    alertCount++;
    const caused = causingArticle(text, enqueuedAt);
    if (caused !== undefined) latencies.push(Date.now() - caused);
  });
  const extractor = await extractorService({ config, connection, logger, metrics });
  const notifier = await notifierService({ config, connection, logger, metrics });
  const queues: Queues = createQueues(connection);

  return {
    connection,
    ledger: new ClaimLedger(connection, { thresholds: config.thresholds }),
    async push(articles, ratePerSecond) {
      latencies = [];
      const failedBefore = (await queues.article.getJobCounts("failed")).failed!;
      const alertsBefore = alertCount;
      const result = await measurePhase(connection, articles.length, async () => {
        await enqueue(articles, ratePerSecond, (job) => {
          enqueuedAt.set(job.url, Date.now());
          return queues.enqueueArticle(job);
        });
        // Everything is enqueued, so both queues empty means done: an article job stays active
        // until its alerts are enqueued. (Completed counts would not do: retention caps them.)
        await until(
          async () => (await busy(queues.article)) === 0 && (await busy(queues.alert)) === 0,
          600_000,
        );
      });
      return {
        ...result,
        failed: (await queues.article.getJobCounts("failed")).failed! - failedBefore,
        alerts: alertCount - alertsBefore,
        alertLatencyMs: latencies.sort((a, b) => a - b),
      };
    },
    async stop() {
      await notifier.stop();
      await extractor.stop();
      await queues.close();
      await connection.quit();
      stopCapture();
    },
  };
}

/** The same payloads through a queue with the article queue's options and a processor that does nothing. */
export async function runBareBullmq(
  redisUrl: string,
  jobs: ArticleJob[],
  concurrency: number,
): Promise<PhaseResult> {
  const connection = connectRedis(redisUrl, "zw-bench-bare");
  const queue = new Queue("bench-bare", { connection, defaultJobOptions: DEFAULT_JOB_OPTIONS.article });
  let done = 0;
  const worker = new Worker("bench-bare", async () => {}, { connection, concurrency });
  worker.on("completed", () => done++);
  try {
    const result = await measurePhase(connection, jobs.length, async () => {
      await enqueue(jobs, undefined, (job) => queue.add(queue.name, job, { jobId: articleJobId(job.url) }));
      await until(() => done >= jobs.length, 600_000);
    });
    return { ...result, failed: 0, alerts: 0, alertLatencyMs: [] };
  } finally {
    await worker.close();
    await queue.close();
    await connection.quit();
  }
}

/** Jobs waiting, active or delayed: not yet done. */
async function busy(queue: Queue): Promise<number> {
  const counts = await queue.getJobCounts("waiting", "active", "delayed", "prioritized");
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

async function measurePhase(
  redis: Connection,
  count: number,
  work: () => Promise<void>,
): Promise<Omit<PhaseResult, "failed" | "alerts" | "alertLatencyMs">> {
  const commands = await redisCommandCount(redis);
  const redisCpu = await redisCpuSeconds(redis);
  const cpu = process.cpuUsage();
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return {
    articles: count,
    seconds,
    perSecond: count / seconds,
    commandsPerArticle: ((await redisCommandCount(redis)) - commands) / count,
    nodeCpuMsPerArticle: (used.user + used.system) / 1000 / count,
    redisCpuMsPerArticle: (((await redisCpuSeconds(redis)) - redisCpu) * 1000) / count,
  };
}

/** All at once (500 adds in flight, as ioredis pipelines them), or paced at `ratePerSecond`. */
async function enqueue(
  jobs: ArticleJob[],
  ratePerSecond: number | undefined,
  add: (job: ArticleJob) => Promise<unknown>,
): Promise<void> {
  if (ratePerSecond === undefined) {
    for (let i = 0; i < jobs.length; i += 500) await Promise.all(jobs.slice(i, i + 500).map(add));
    return;
  }
  const started = performance.now();
  const pending: Promise<unknown>[] = [];
  let next = 0;
  while (next < jobs.length) {
    const due = Math.min(jobs.length, Math.floor(((performance.now() - started) / 1000) * ratePerSecond) + 1);
    while (next < due) pending.push(add(jobs[next++]!));
    await new Promise((ok) => setTimeout(ok, 5));
  }
  await Promise.all(pending);
}

/**
 * Without a Discord token the notifier service prints each alert to stdout in one write that
 * starts with "── alert →" (services/notifier console-sink.ts). The benchmark takes those writes
 * instead of printing them; everything else goes through.
 */
function captureConsoleAlerts(onAlert: (text: string) => void): () => void {
  const write = process.stdout.write;
  process.stdout.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    if (typeof chunk === "string" && chunk.startsWith("── alert →")) {
      onAlert(chunk);
      return true;
    }
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof process.stdout.write;
  return () => {
    process.stdout.write = write;
  };
}

/** The article that caused an alert: of the articles it links to, the one enqueued last. */
function causingArticle(text: string, enqueuedAt: Map<string, number>): number | undefined {
  let latest: number | undefined;
  for (const match of text.matchAll(/https:\/\/news\.example\/[^\s)>\]]+/g)) {
    const at = enqueuedAt.get(match[0]);
    if (at !== undefined && (latest === undefined || at > latest)) latest = at;
  }
  return latest;
}

/** Article jobs as the fetcher makes them from feed items: item text only (fullText false). */
export function articleJobs(articles: BenchArticle[], run: string, feeds: number): ArticleJob[] {
  return articles.map((a, i) => ({
    url: `https://news.example/${run}/${a.lang}/${a.id}`,
    feedUrl: `https://feeds.example/${i % feeds}.xml`,
    title: a.title,
    outlet: "Bench Wire",
    publishedAt: `${a.date}T08:00:00Z`,
    // Half the feeds declare their language, the others leave it to detection.
    lang: i % 2 === 0 ? a.lang : null,
    content: a.text,
    fullText: false,
  }));
}

export const pipelineBench: Benchmark = {
  name: "pipeline",
  about: "articles/s through extractor and notifier vs bare BullMQ; latency; Redis commands per article",
  async run({ quick }) {
    const count = quick ? 4_000 : 20_000;
    const concurrency = PIPELINE_CONCURRENCY;
    const generated = generateArticles(count, { seed: 11 });
    const burst = articleJobs(generated, "burst", 500);
    const newShare = generated.filter((a) => a.figures === "new").length;
    const server = await startBenchRedis();
    try {
      const admin = connectRedis(server.url, "zw-bench-admin");
      const bare1 = await runBareBullmq(server.url, burst, concurrency.extractor);
      await admin.flushall();
      const pipeline = await startPipeline(server.url, concurrency);
      const full = await pipeline.push(burst);
      // Latency at a steady rate well below capacity: a quarter of the rate just measured.
      const pacedCount = quick ? 1_000 : 2_000;
      const paced = articleJobs(
        generateArticles(pacedCount, { seed: 12, startDate: "2026-04-01" }),
        "paced",
        500,
      );
      const rate = Math.max(25, Math.round(full.perSecond / 4));
      const steady = await pipeline.push(paced, rate);
      await pipeline.stop();
      await admin.flushall();
      const bare2 = await runBareBullmq(server.url, burst, concurrency.extractor);
      await admin.quit();

      const bareRate = (bare1.perSecond + bare2.perSecond) / 2;
      const row = (name: string, r: PhaseResult) => [
        name,
        fmt(r.articles),
        fmt(r.seconds),
        fmt(r.perSecond),
        fmt(r.commandsPerArticle),
        fmt(r.nodeCpuMsPerArticle, 2),
        fmt(r.redisCpuMsPerArticle, 2),
        fmt(r.alerts),
        r.alertLatencyMs.length
          ? `${fmt(percentile(r.alertLatencyMs, 50))} / ${fmt(percentile(r.alertLatencyMs, 99))}`
          : "",
      ];
      printTable(
        `pipeline, extractor concurrency ${concurrency.extractor}, notifier ${concurrency.notifier}, ` +
          `${CHANNELS.length} subscribed channels, ${newShare} articles with new figures; ${load()}`,
        [
          "run",
          "articles",
          "s",
          "per s",
          "redis cmds/article",
          "node CPU ms/article",
          "redis CPU ms/article",
          "alerts",
          "alert latency p50/p99 ms",
        ],
        [
          row("bare BullMQ (before)", bare1),
          row("pipeline, all enqueued at once", full),
          row(`pipeline, paced at ${rate}/s`, steady),
          row("bare BullMQ (after)", bare2),
        ],
      );
      console.log(
        `pipeline ${fmt(full.perSecond)} articles/s = ${fmt((100 * full.perSecond) / bareRate)} % of bare BullMQ ` +
          `(${fmt(bareRate)} jobs/s) (targets ≥ 1,000/s and ≥ 40 %); failed articles: ${full.failed + steady.failed}`,
      );
    } finally {
      await server.stop();
    }
  },
};
