import type { Figure, MetricId, SourceId } from "@zw/core";
import { connectRedis } from "@zw/redis";
import type { ClaimLedger } from "@zw/store";
import { FIGURE_KINDS, generateArticles } from "./corpus";
import { type Benchmark, fmt, load, median, printTable, startBenchRedis } from "./measure";
import { articleJobs, type PhaseResult, PIPELINE_CONCURRENCY, startPipeline } from "./pipeline";

/**
 * The pipeline at 1×, 4× and 16× the articles (and feeds): the cost per article should stay flat.
 * After each size, the ledger's per-metric reads: `estimate` and `history` of the metrics the
 * articles fill, and of a control metric whose claims stay the same while the total grows.
 */

const FACTORS = [1, 4, 16];
/** A metric the generated articles never report: its claims stay these while the others grow. */
const CONTROL: MetricId = "mlrs_delivered";
const CONTROL_CLAIMS = 40;
const SOURCES: SourceId[] = ["NIS", "JCS", "HUR", "UA_GOV", "US_GOV", "UK_GOV", "NATO", "WEST"];

function figure(metric: MetricId, value: number, source: SourceId, date: string): Figure {
  return {
    metric,
    min: value,
    max: value,
    qualifier: "approx",
    source,
    modality: "reported",
    region: null,
    date,
    quote: `About ${value}.`,
    span: [0, 10],
  };
}

async function addControlClaims(ledger: ClaimLedger): Promise<void> {
  for (let i = 0; i < CONTROL_CLAIMS; i++) {
    const date = new Date(Date.UTC(2025, 0, 1 + i * 3)).toISOString().slice(0, 10);
    const report = { url: `https://control.example/${i}`, outlet: null, title: null, publishedAt: date };
    await ledger.ingestArticle(report, [figure(CONTROL, 200 + 10 * i, SOURCES[i % SOURCES.length]!, date)]);
  }
}

/** What ingesting one new figure reads and judges (preview: the same reads, no writes). */
const previewNewFigure = (ledger: ClaimLedger) =>
  ledger.preview({ url: "https://preview.example/1", outlet: null, title: null, publishedAt: "2026-06-01" }, [
    figure("troops_deployed_total", 30_000, "NIS", "2026-06-01"),
  ]);

/** Median ms of one call, over `times` calls in a row. */
async function readTime(times: number, read: () => Promise<unknown>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await read();
    ms.push(performance.now() - start);
  }
  return median(ms);
}

interface GrowthRow {
  factor: number;
  result: PhaseResult;
  claims: number;
  filled: { claims: number; estimateMs: number; historyMs: number };
  control: { estimateMs: number; historyMs: number };
  previewMs: number;
}

export const growthBench: Benchmark = {
  name: "growth",
  about: "pipeline cost per article at 1×/4×/16× articles; ledger reads at 1×/4×/16× claims",
  async run({ quick }) {
    const base = quick ? 250 : 1_000;
    const server = await startBenchRedis();
    const admin = connectRedis(server.url, "zw-bench-admin");
    const rows: GrowthRow[] = [];
    try {
      // A throwaway round first, so the 1× figures are not the JIT compiling.
      const warmUp = await startPipeline(server.url, PIPELINE_CONCURRENCY);
      await warmUp.push(articleJobs(generateArticles(base, { seed: 20 }), "warm-up", 50));
      await warmUp.ledger.history("troops_deployed_total");
      await warmUp.stop();
      for (const factor of FACTORS) {
        await admin.flushall();
        const pipeline = await startPipeline(server.url, PIPELINE_CONCURRENCY);
        await addControlClaims(pipeline.ledger);
        const articles = generateArticles(base * factor, { seed: 21 });
        const result = await pipeline.push(articleJobs(articles, `x${factor}`, 50 * factor));
        const metrics = FIGURE_KINDS.map((k) => k.metric);
        const claimsOf = async (metric: MetricId) => admin.hlen(`zw:ledger:claims:${metric}`);
        const filledClaims = (await Promise.all(metrics.map(claimsOf))).reduce((a, b) => a + b, 0);
        const reads = quick ? 10 : 30;
        await readTime(reads, () => pipeline.ledger.estimate(CONTROL));
        const perMetric = async (read: (m: MetricId) => Promise<unknown>) =>
          median(await Promise.all(metrics.map(async (m) => readTime(reads, () => read(m)))));
        rows.push({
          factor,
          result,
          claims: filledClaims + CONTROL_CLAIMS,
          filled: {
            claims: filledClaims / metrics.length,
            estimateMs: await perMetric((m) => pipeline.ledger.estimate(m)),
            historyMs: await perMetric((m) => pipeline.ledger.history(m)),
          },
          control: {
            estimateMs: await readTime(reads, () => pipeline.ledger.estimate(CONTROL)),
            historyMs: await readTime(reads, () => pipeline.ledger.history(CONTROL)),
          },
          previewMs: await readTime(reads, () => previewNewFigure(pipeline.ledger)),
        });
        await pipeline.stop();
        console.log(`${factor}×: ${base * factor} articles done (${load()})`);
      }
    } finally {
      await admin.quit();
      await server.stop();
    }

    const first = rows[0]!.result;
    printTable(
      `growth: pipeline cost per article (extractor concurrency ${PIPELINE_CONCURRENCY.extractor}); ${load()}`,
      [
        "size",
        "articles",
        "feeds",
        "articles/s",
        "wall ms/article",
        "node CPU ms/article",
        "redis CPU ms/article",
        "redis cmds/article",
        "alerts/article",
        "CPU vs 1×",
      ],
      rows.map((r) => [
        `${r.factor}×`,
        fmt(r.result.articles),
        String(50 * r.factor),
        fmt(r.result.perSecond),
        fmt(1000 / r.result.perSecond, 2),
        fmt(r.result.nodeCpuMsPerArticle, 2),
        fmt(r.result.redisCpuMsPerArticle, 2),
        fmt(r.result.commandsPerArticle),
        fmt(r.result.alerts / r.result.articles, 2),
        `${fmt(
          (r.result.nodeCpuMsPerArticle + r.result.redisCpuMsPerArticle) /
            (first.nodeCpuMsPerArticle + first.redisCpuMsPerArticle),
          2,
        )}×`,
      ]),
    );
    printTable(
      `growth: ledger reads, median ms per call; ${load()}`,
      [
        "size",
        "claims in all",
        "claims per filled metric",
        "estimate (filled)",
        "history (filled)",
        `estimate (${CONTROL}, ${CONTROL_CLAIMS} claims)`,
        `history (${CONTROL})`,
        "judge one new figure (preview)",
      ],
      rows.map((r) => [
        `${r.factor}×`,
        fmt(r.claims),
        fmt(r.filled.claims),
        fmt(r.filled.estimateMs, 2),
        fmt(r.filled.historyMs, 2),
        fmt(r.control.estimateMs, 2),
        fmt(r.control.historyMs, 2),
        fmt(r.previewMs, 2),
      ]),
    );
  },
};
