import { mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "@zw/config";
import { Lang, type Thresholds, ThresholdsSchema } from "@zw/core";
import { eventSummary } from "@zw/estimates";
import { extractFigures } from "@zw/extract";
import { plainText } from "@zw/format";
import {
  connectRedisForCommand,
  isConnectionFailure,
  type RedisServer,
  RedisServerMissingError,
  startRedisServer,
} from "@zw/redis";
import { ClaimLedger, loadBaseline } from "@zw/store";
import { type Command, UsageError } from "../command";
import { type ReplayStep, readArchive, replayArticle, replayLine } from "../replay";

export const replay: Command = {
  name: "replay",
  summary: "backtest: judge an archive of articles in date order and print what the bot would have said",
  usage: `Usage: zw replay FILE [--json] [--thresholds NAME=VALUE,...] [--no-baseline] [--seeds DIR] [--lang de|en]

Reads FILE, JSON Lines of articles {"id"?, "url"?, "date", "lang"?, "title"?, "outlet"? (or
"source"), "text"}, and judges them in date order (equal dates in file order) on a ledger of its
own: an embedded redis-server in a temporary directory, removed afterwards (also on an error or
Ctrl-C); the configured Redis is never touched. The ledger starts from the seed baseline (DIR,
default seeds; --no-baseline: empty). For each article it prints its figures, the events they
caused and the message a channel with the default subscription would have got (in --lang,
default en), as plain text. A bad line is reported on stderr and skipped.
--thresholds overrides thresholds of the configuration (zw.config.json), e.g.
--thresholds changeRelative=0.2,conflictWindowDays=14.
--json writes one line per article: {"id","date","url","figures":[…],"events":[…],"alerted":[event
ids],"messages":0|1}; every claim in an event carries the "url" it was read at.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: "boolean" },
        thresholds: { type: "string" },
        "no-baseline": { type: "boolean" },
        seeds: { type: "string" },
        lang: { type: "string" },
      },
    });
    if (positionals.length !== 1) throw new UsageError("give one FILE (see zw replay --help)");
    const lang = Lang.safeParse(values.lang ?? "en");
    if (!lang.success) throw new UsageError(`--lang must be de or en, not "${values.lang}"`);
    const thresholds = thresholdsOf(loadConfig({ env: io.env, cwd: io.cwd }).thresholds, values.thresholds);
    const path = resolve(io.cwd, positionals[0]!);
    const text = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read ${path}: ${error.code ?? error.message}`);
    });
    const { articles, bad } = readArchive(text);
    for (const { line, error } of bad) io.stderr.write(`zw replay: ${path}:${line}: ${error}; skipped\n`);
    const seedsDir = values["no-baseline"] ? null : resolve(io.cwd, values.seeds ?? "seeds");
    const steps = await onOwnLedger(thresholds, async (ledger) => {
      if (seedsDir) await loadBaseline(ledger, { seedsDir, extractFigures });
      const done: ReplayStep[] = [];
      for (const article of articles) {
        // One article the ledger refuses (a figure it cannot take) is reported, not the end of the
        // run; a ledger gone (Ctrl-C closed it) is.
        const step = await replayArticle(ledger, article, lang.data).catch((error: unknown) => {
          if (isConnectionFailure(error)) throw error;
          const why = error instanceof Error ? error.message : String(error);
          io.stderr.write(`zw replay: ${path}:${article.line} (${article.id}): ${why}; skipped\n`);
          return null;
        });
        if (!step) continue;
        io.stdout.write(values.json ? `${JSON.stringify(replayLine(step))}\n` : stepText(step));
        done.push(step);
      }
      return done;
    });
    if (!values.json) io.stdout.write(summary(steps, bad.length));
    return 0;
  },
};

/** The configured thresholds with `NAME=VALUE,...` laid over them, each checked. */
function thresholdsOf(configured: Thresholds, overrides: string | undefined): Thresholds {
  if (overrides === undefined) return configured;
  const names = Object.keys(ThresholdsSchema.shape);
  const given: Record<string, number> = {};
  for (const pair of overrides.split(",").filter((p) => p.trim())) {
    const [name, value, ...rest] = pair.split("=").map((p) => p.trim());
    if (!name || value === undefined || rest.length > 0 || !names.includes(name)) {
      throw new UsageError(`--thresholds: "${pair}" is not NAME=VALUE with NAME one of ${names.join(", ")}`);
    }
    given[name] = Number(value);
  }
  const parsed = ThresholdsSchema.safeParse({ ...configured, ...given });
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new UsageError(`--thresholds: ${why}`);
  }
  return parsed.data;
}

/**
 * Runs `use` on a ledger in a redis-server of its own, in a temporary directory that is removed
 * afterwards, whatever happens: an error, or Ctrl-C (then the process exits 130 once it is clean).
 */
async function onOwnLedger<T>(thresholds: Thresholds, use: (ledger: ClaimLedger) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "zw-replay-"));
  let cleaning: Promise<void> | null = null;
  let server: RedisServer | null = null;
  let redis: ReturnType<typeof connectRedisForCommand> | null = null;
  const cleanUp = () => {
    cleaning ??= (async () => {
      redis?.disconnect();
      await server?.stop().catch(() => server?.kill());
      rmSync(dir, { recursive: true, force: true });
    })();
    return cleaning;
  };
  const interrupted = () => void cleanUp().finally(() => process.exit(130));
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    server = await startOwnRedis(dir);
    redis = connectRedisForCommand(server.url, "zw-replay");
    return await use(new ClaimLedger(redis, { thresholds }));
  } finally {
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
    await cleanUp();
  }
}

/**
 * A redis-server on a free port in `dir`. The port is free when picked, but another process may take
 * it before the server binds it: then the server exits and the next attempt picks another.
 */
async function startOwnRedis(dir: string, attempts = 3): Promise<RedisServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startRedisServer({ dir, appendonly: false });
    } catch (error) {
      if (attempt >= attempts || error instanceof RedisServerMissingError) throw error;
    }
  }
}

function stepText({ article, figures, events, message }: ReplayStep): string {
  const lines = [
    `━━ ${article.date} · ${article.outlet ?? article.url} · ${article.id}: ${figures.length} figures, ${events.length} events, ${message ? 1 : 0} message`,
    ...events.map((e) => `  ${eventSummary(e)}`),
  ];
  if (message) lines.push(plainText(message).replace(/^/gm, "  │ "));
  return `${lines.join("\n")}\n`;
}

function summary(steps: ReplayStep[], skipped: number): string {
  const byType = new Map<string, number>();
  for (const step of steps) for (const e of step.events) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
  const events = [...byType].map(([type, n]) => `${type} ${n}`).join(", ") || "none";
  const messages = steps.filter((s) => s.message).length;
  return `\n${steps.length} articles (${skipped} lines skipped): events ${events}; ${messages} messages\n`;
}
