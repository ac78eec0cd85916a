import { type ChildProcess, spawn } from "node:child_process";
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
  freePort,
  isConnectionFailure,
  ping,
  RedisServerMissingError,
} from "@zw/redis";
import { ClaimLedger, loadBaseline } from "@zw/store";
import { type Command, UsageError } from "../command";
import { type ReplayStep, readArchive, replayArticle, replayLine } from "../replay";

export const replay: Command = {
  name: "replay",
  summary: "backtest: judge an archive of articles in date order and print what the bot would have said",
  usage: `Usage: zw replay FILE [--json] [--thresholds NAME=VALUE,...] [--no-baseline] [--seeds DIR] [--lang de|en]

Reads FILE, JSON Lines of articles {"id"?, "url"?, "date", "lang"?, "title"?, "outlet"? (or
"source"), "text"}, and judges them in the order of their day (the date's YYYY-MM-DD as written;
equal days in file order) on a ledger of its own: an embedded redis-server in a temporary
directory, removed afterwards (also on an error, Ctrl-C, SIGTERM or a closed pipe); the configured
Redis is never touched. The ledger starts from the seed baseline (DIR, default seeds;
--no-baseline: empty). For each article it prints its figures, the events they caused and the
message a channel with the default subscription would have got (in --lang, default en), as plain
text. A bad line (a date that is no day of the calendar too) is reported on stderr and skipped; a
repeated id or url is reported.
--thresholds overrides thresholds of the configuration (zw.config.json), e.g.
--thresholds changeRelative=0.2,conflictWindowDays=14.
--json writes one line per article: {"id" (a string),"date","url","figures":[…],"events":[…],
"alerted":[event ids],"messages":0|1}; every claim in an event carries the "url" it was read at,
a corroboration's "report" the article that told it again (see README.md).`,
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
    const { articles, bad, duplicates } = readArchive(text);
    for (const { line, error } of bad) io.stderr.write(`zw replay: ${path}:${line}: ${error}; skipped\n`);
    for (const { line, error } of duplicates) io.stderr.write(`zw replay: ${path}:${line}: ${error}\n`);
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

/** The exit status after a signal, as a shell reports it: 128 + its number. */
const SIGNAL_EXIT: Record<"SIGINT" | "SIGTERM" | "SIGHUP", number> = {
  SIGINT: 130,
  SIGTERM: 143,
  SIGHUP: 129,
};

/**
 * Runs `use` on a ledger in a redis-server of its own, in a temporary directory that is removed
 * afterwards, whatever happens: an error, a signal (SIGINT, SIGTERM, SIGHUP: the process exits
 * 128 + its number once it is clean), or anything that ends the process at once (process.exit on
 * EPIPE from `zw replay … | head`, an uncaught error): then a synchronous exit handler kills the
 * server and removes the directory. Only SIGKILL, which no process can catch, leaves them.
 */
async function onOwnLedger<T>(thresholds: Thresholds, use: (ledger: ClaimLedger) => Promise<T>): Promise<T> {
  const own = new OwnRedis(mkdtempSync(join(tmpdir(), "zw-replay-")));
  let redis: ReturnType<typeof connectRedisForCommand> | null = null;
  const atExit = () => {
    redis?.disconnect();
    own.killNow();
  };
  process.on("exit", atExit);
  let cleaning: Promise<void> | null = null;
  const cleanUp = () => {
    cleaning ??= (async () => {
      redis?.disconnect();
      await own.stop();
    })();
    return cleaning;
  };
  // Not `once`: a second Ctrl-C during the clean-up must not end the process before it is done.
  const interrupted = (signal: keyof typeof SIGNAL_EXIT) =>
    void cleanUp().finally(() => process.exit(SIGNAL_EXIT[signal]));
  const signals = Object.keys(SIGNAL_EXIT) as (keyof typeof SIGNAL_EXIT)[];
  for (const signal of signals) process.on(signal, interrupted);
  try {
    const url = await own.start();
    redis = connectRedisForCommand(url, "zw-replay");
    return await use(new ClaimLedger(redis, { thresholds }));
  } finally {
    for (const signal of signals) process.off(signal, interrupted);
    await cleanUp();
    process.off("exit", atExit);
  }
}

/**
 * The replay's redis-server, held from the moment it is spawned (not only once it answers), so that
 * an interruption during its start-up stops it too. No persistence: the data goes with the directory.
 */
class OwnRedis {
  private readonly children = new Map<ChildProcess, Promise<void>>();
  private stopping = false;

  constructor(readonly dir: string) {}

  /**
   * Starts it on a free port and returns its URL. The port is free when picked, but another process
   * may take it before the server binds it: then the server exits and the next attempt picks another.
   */
  async start(attempts = 3): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.startOnce();
      } catch (error) {
        if (attempt >= attempts || this.stopping || error instanceof RedisServerMissingError) throw error;
      }
    }
  }

  private async startOnce(): Promise<string> {
    const port = await freePort();
    if (this.stopping) throw new Error("zw replay: stopped before its redis-server started");
    const child = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--dir", this.dir].concat([
        "--appendonly",
        "no",
        "--save",
        "",
        "--maxmemory-policy",
        "noeviction",
        "--daemonize",
        "no",
      ]),
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    this.children.set(child, new Promise((ok) => child.once("exit", () => ok())));
    let output = "";
    const keep = (chunk: Buffer) => {
      if (output.length < 10_000) output += chunk.toString();
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    const spawnError = await new Promise<NodeJS.ErrnoException | null>((ok) => {
      child.once("error", ok);
      child.once("spawn", () => ok(null));
    });
    if (spawnError) {
      this.children.delete(child);
      if (spawnError.code === "ENOENT") throw new RedisServerMissingError();
      throw spawnError;
    }
    const url = `redis://127.0.0.1:${port}`;
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !this.stopping) {
      if (!alive(child)) throw new Error(`redis-server exited during start-up:\n${output}`);
      if (await ping(url, 300)) return url;
      await new Promise((ok) => setTimeout(ok, 50));
    }
    child.kill("SIGKILL");
    throw new Error(
      this.stopping ? "zw replay: stopped" : `redis-server did not answer within 10 s:\n${output}`,
    );
  }

  /** Stops every server it spawned (SIGTERM, then SIGKILL after 5 s), waits for them, removes the directory. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.children].map(async ([child, exited]) => {
        if (alive(child)) child.kill("SIGTERM");
        const timer = setTimeout(() => alive(child) && child.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(timer);
      }),
    );
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** For an exit handler, which cannot wait: kills what still runs and removes the directory. */
  killNow(): void {
    this.stopping = true;
    for (const child of this.children.keys()) if (alive(child)) child.kill("SIGKILL");
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function alive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
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
