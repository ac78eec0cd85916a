import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Event } from "@zw/core";
import { eventSummary } from "@zw/estimates";
import { connectRedis } from "@zw/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRedis, type TestRedis } from "../../../../tests/fixtures/redis";
import { waitFor } from "../../../../tests/fixtures/wait-for";
import { runZw } from "../testing/run-zw";

const root = join(import.meta.dirname, "../../../..");
/** Articles written for this test, in German and English, covering every rule of alerts.md. */
const archive = join(root, "tests/fixtures/replay-archive.jsonl");

/** How many keys the configured Redis holds. */
async function keysIn(server: TestRedis): Promise<number> {
  const redis = connectRedis(server.url);
  try {
    return await redis.dbsize();
  } finally {
    redis.disconnect();
  }
}

/** The processes below `pid` (children, theirs, …) running redis-server (or a script of that name), from /proc. */
function redisServersUnder(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // "pid (comm) state ppid …": comm may hold spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parent.set(Number(entry), ppid);
    } catch {
      // Gone meanwhile.
    }
  }
  const under = (p: number): boolean => {
    for (let up = parent.get(p); up !== undefined && up > 1; up = parent.get(up)) if (up === pid) return true;
    return false;
  };
  return [...parent.keys()].filter((p) => {
    if (!under(p)) return false;
    try {
      return readFileSync(`/proc/${p}/cmdline`, "utf8").includes("redis-server");
    } catch {
      return false;
    }
  });
}

/** True while `pid` is a process, even a zombie nobody reaped yet: only a gone pid makes kill(pid, 0) throw. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

interface ReplayLine {
  id: string;
  date: string;
  url: string;
  figures: unknown[];
  events: Event[];
  alerted: string[];
  messages: number;
}

describe("zw replay", () => {
  let configured: TestRedis;
  let cwd: string;

  beforeAll(async () => {
    configured = await startTestRedis();
    cwd = mkdtempSync(join(tmpdir(), "zw-replay-test-"));
  });
  afterAll(async () => {
    await configured.dispose();
    rmSync(cwd, { recursive: true, force: true });
  });

  const run = (args: string[]) => runZw(["replay", ...args], { env: { REDIS_URL: configured.url }, cwd });
  const byId = (out: string) =>
    new Map(
      out
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as ReplayLine)
        .map((line) => [line.id, line] as const),
    );

  it("judges the archive in date order and says, per article, exactly what was caused and posted", async () => {
    const { code, out, err } = await run([archive, "--json", "--no-baseline"]);
    expect(code, err).toBe(0);
    // Bad lines are named and skipped; the rest is read.
    expect(err.split("\n").filter(Boolean)).toEqual([
      expect.stringMatching(/replay-archive\.jsonl:2: not JSON: .*; skipped$/),
      expect.stringMatching(/replay-archive\.jsonl:3: date: expected a date as YYYY-MM-DD.*; skipped$/),
    ]);
    const lines = byId(out);
    const dates = [...lines.values()].map((l) => l.date);
    expect(dates).toEqual([...dates].sort());
    const told = (id: string) => {
      const line = lines.get(id)!;
      return [line.events.map(eventSummary), line.messages];
    };
    // Oct 2024: HUR and NIS on soldiers in training, a week apart: one conflict, no change.
    expect(told("hur-training")).toEqual([["new_metric troops_in_training: ~11000 (HUR, 2024-10-18)"], 1]);
    expect(told("nis-training")).toEqual([
      ["conflict troops_in_training: ~11000 (HUR, 2024-10-18) vs ~1500 (NIS, 2024-10-23)"],
      1,
    ]);
    expect(told("us-total")).toEqual([["new_metric troops_deployed_total: ~11000 (US_GOV, 2024-11-10)"], 1]);
    // A denial is kept and shown, not posted by the default subscription.
    expect(told("kremlin-denies")).toEqual([
      ["denial troops_deployed_total: 11000 (RU_GOV, 2024-11-12, denied)"],
      0,
    ]);
    // NIS on the dead: at least 100, about 300, about 600, about 2,000: three revisions.
    expect(told("nis-killed-100")).toEqual([["new_metric killed: ≥100 (NIS, 2024-12-05)"], 1]);
    expect(told("nis-killed-300")).toEqual([
      [
        "estimate_changed killed: revision ≥100 (NIS, 2024-12-05) → ~300 (NIS, 2025-01-14), +200 (+200.0 %) up",
      ],
      1,
    ]);
    expect(told("nis-killed-600")).toEqual([
      [
        "estimate_changed killed: revision ~300 (NIS, 2025-01-14) → ~600 (NIS, 2025-04-10), +300 (+100.0 %) up",
      ],
      1,
    ]);
    expect(told("nis-killed-2000")).toEqual([
      [
        "estimate_changed killed: revision ~600 (NIS, 2025-04-10) → ~2000 (NIS, 2025-09-04), +1400 (+233.3 %) up",
      ],
      1,
    ]);
    // Dec 2024: JCS about 1,100 casualties, Zelensky more than 3,000 the same day: one conflict.
    expect(told("jcs-casualties")).toEqual([["new_metric casualties_total: ~1100 (JCS, 2024-12-20)"], 1]);
    expect(told("zelensky-casualties")).toEqual([
      ["conflict casualties_total: ~1100 (JCS, 2024-12-20) vs >3000 (UA_GOV, 2024-12-20)"],
      1,
    ]);
    // Mar 2025: at least 3,000 more, and a total of about 11,000, what was said before.
    expect(told("jcs-more")).toEqual([
      [
        "new_metric troops_additional: ≥3000 (JCS, 2025-03-27)",
        "inconsistency troops_deployed_total: additional_mismatch, expected 14000, reported 11000",
      ],
      1,
    ]);
    expect(told("nis-could-send")).toEqual([
      ["projection troops_deployed_total: ≤30000 (NIS, 2025-05-02, projected)"],
      0,
    ]);
    // A new voice moves the median of the sources of the last 90 days; its copy a day later is no news.
    expect(told("uk-total")).toEqual([
      [
        "estimate_changed troops_deployed_total: consensus 11000 → 12500 (UK_GOV, JCS) on ~14000 (UK_GOV, 2025-06-15), +1500 (+13.6 %) up",
      ],
      1,
    ]);
    expect(told("uk-copy")).toEqual([
      ["corroboration troops_deployed_total: ~14000 (UK_GOV, 2025-06-15) reprinted by Beispiel-Zeitung"],
      0,
    ]);
    // Three events of one article: one message. HUR's 6,000 casualties are no consensus move
    // from 2,050: December's JCS and Zelensky figures have left the window, so no member is in
    // the consensus before and after (review finding 8): HUR's number, not a change.
    expect(told("hur-losses")).toEqual([
      [
        "estimate_changed killed: consensus 600 → 800 (HUR, NIS) on 1000 (HUR, 2025-06-20), +200 (+33.3 %) up",
        "new_metric wounded: 3200 (HUR, 2025-06-20)",
        "inconsistency casualties_total: sum_mismatch, expected 4200, reported 6000",
      ],
      1,
    ]);
    // HUR lowering its own count of the dead: a revision and a count that cannot fall, one message.
    expect(told("hur-lower")).toEqual([
      [
        "estimate_changed killed: revision 1000 (HUR, 2025-06-20) → ~500 (HUR, 2025-07-20), -500 (-50.0 %) down",
        "inconsistency killed: cumulative_fell, expected 1000, reported 500",
      ],
      1,
    ]);
    // Nov 2025: NIS's "at least 600" told again after its 2,000: old news, no alert.
    expect(told("repeat-600")).toEqual([
      ["corroboration killed: ~600 (NIS, 2025-04-10) reprinted by Other Wire"],
      0,
    ]);
    // Dec 2025: North Korea names nine dead, never "killed fell to 9": a party's claim against
    // NIS's about 2,000, a conflict (where soldiers died is no region of its own: the reader gives
    // casualty figures none, so both are one series).
    expect(told("kp-nine")).toEqual([
      ["conflict killed: ~2000 (NIS, 2025-09-04) vs 9 (KP_GOV, 2025-12-01)"],
      1,
    ]);
    // A first wave told again, in either language, moves nothing.
    expect(told("first-wave-de")).toEqual([[], 0]);
    expect(told("first-wave-en")).toEqual([[], 0]);
    expect(lines.get("first-wave-de")!.figures).toEqual([expect.objectContaining({ historical: true })]);
    // Every claim of every event carries the URL of the article it was read in.
    const zelensky = lines.get("zelensky-casualties")!.events[0]!;
    expect(zelensky.type === "conflict" && zelensky.claims.map((c) => c.url)).toEqual([
      "https://archive.example/de/jcs-verluste",
      "https://archive.example/en/zelensky-casualties",
    ]);
    // Three: no consensus move of casualties (review finding 8).
    expect(lines.get("hur-losses")!.alerted).toHaveLength(3);
    // Its own ledger only: the configured Redis stays empty.
    expect(await keysIn(configured)).toBe(0);
  });

  it("prints each article's message as plain text in the language asked, and a summary", async () => {
    const { code, out } = await run([archive, "--no-baseline", "--lang", "de"]);
    expect(code).toBe(0);
    expect(out).toContain("━━ 2025-06-20 · Example Wire · hur-losses: 3 figures, 3 events, 1 message");
    expect(out).toContain("■ Gefallene: Konsens 600 → 800");
    expect(out).toContain("<https://archive.example/en/hur-losses>");
    expect(out).not.toMatch(/\*\*|\]\(/);
    expect(out).toMatch(/\n20 articles \(2 lines skipped\): events .*; 14 messages\n$/);
  });

  it("starts from the seed baseline unless told not to, and takes other thresholds", async () => {
    const seeded = byId((await run([archive, "--json", "--seeds", join(root, "seeds")])).out);
    // The seeds already hold troops deployed: the US figure is no new metric there.
    expect(seeded.get("us-total")!.events.map((e) => e.type)).not.toContain("new_metric");
    // Wider intervals and a higher bar: 300 → 600 overlaps and is under +250 %; 600 → 2,000 is
    // apart but +233 %, under the bar too: a revision needs both (alerts.md, review finding 2).
    const strict = byId(
      (await run([archive, "--json", "--no-baseline", "--thresholds", "approxWiden=0.5,changeRelative=2.5"]))
        .out,
    );
    expect(strict.get("nis-killed-600")!.events).toEqual([]);
    expect(strict.get("nis-killed-2000")!.events).toEqual([]);
    const bad = await run([archive, "--thresholds", "changeRelative=-1"]);
    expect([bad.code, bad.err]).toEqual([2, expect.stringMatching(/--thresholds: changeRelative: /)]);
    const unknown = await run([archive, "--thresholds", "speed=3"]);
    expect([unknown.code, unknown.err]).toEqual([2, expect.stringMatching(/"speed=3" is not NAME=VALUE/)]);
  });

  it("writes every id as a string, names duplicate ids and urls, and skips a day the calendar lacks", async () => {
    const text = "About 11,000 North Korean soldiers were sent to Russia, South Korea's NIS said.";
    const file = join(cwd, "duplicates.jsonl");
    const lines = [
      { id: 1, date: "2025-01-01", url: "https://a.example/1", text },
      { id: "1", date: "2025-01-02", url: "https://a.example/2", text },
      { id: "b", date: "2025-01-03", url: "https://a.example/1", text },
      { id: "c", date: "2025-02-30", text },
    ];
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join("\n"));
    const { code, out, err } = await run([file, "--json", "--no-baseline"]);
    expect(code, err).toBe(0);
    expect(
      out
        .trim()
        .split("\n")
        .map((l) => (JSON.parse(l) as ReplayLine).id),
    ).toEqual(["1", "1", "b"]);
    expect(err.split("\n").filter(Boolean)).toEqual([
      expect.stringMatching(/duplicates\.jsonl:4: date: 2025-02-30 is not a day of the calendar; skipped$/),
      expect.stringMatching(/duplicates\.jsonl:2: id "1" is also the id of line 1$/),
      expect.stringMatching(/duplicates\.jsonl:3: url https:\/\/a\.example\/1 is also the url of line 1$/),
    ]);
  });

  it("README documents every field --json writes, the corroborating report's url too", async () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Backtest: `zw replay`"));
    const documented = section.slice(0, section.indexOf("\n## ", 1));
    const lines = [...byId((await run([archive, "--json", "--no-baseline"])).out).values()];
    const fields = new Set<string>();
    for (const line of lines) {
      for (const key of Object.keys(line)) fields.add(key);
      for (const event of line.events) {
        for (const key of Object.keys(event)) fields.add(key);
        if (event.type === "corroboration") for (const key of Object.keys(event.report)) fields.add(key);
        if (event.type === "estimate_changed") for (const key of Object.keys(event.change)) fields.add(key);
      }
    }
    // A claim is a figure (FigureSchema, documented with the extractor) plus where it was read.
    for (const key of ["url", "outlet", "title", "publishedAt", "reports"]) fields.add(key);
    expect(fields).toContain("report");
    expect([...fields].filter((key) => !documented.includes(`\`${key}\``))).toEqual([]);
  });

  /** An archive big enough to still be running when the test acts on it. */
  function bigArchive(): string {
    const big = join(cwd, "big.jsonl");
    const line = readFileSync(archive, "utf8").split("\n")[3]!;
    const copies = Array.from({ length: 3000 }, (_, i) =>
      line.replace('"id":"hur-training"', `"id":"copy-${i}"`).replace("/en/hur-training", `/en/copy-${i}`),
    );
    writeFileSync(big, `${copies.join("\n")}\n`);
    return big;
  }

  /** `zw replay` as its own process, its temporary directories under `scratch`. */
  function spawnReplay(scratch: string, file: string, env: NodeJS.ProcessEnv = {}) {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(root, "services/cli/src/main.ts"), "replay", file, "--no-baseline"],
      {
        cwd: root,
        env: { ...process.env, TMPDIR: scratch, REDIS_URL: configured.url, ...env },
        stdio: "pipe",
      },
    );
    const exited = new Promise<number | null>((ok) => child.once("exit", (code) => ok(code)));
    child.stderr.resume();
    const replayDirs = () => readdirSync(scratch).filter((d) => d.startsWith("zw-replay-"));
    return { child, exited, replayDirs };
  }

  it("removes its redis-server and directory when interrupted", async () => {
    const scratch = mkdtempSync(join(tmpdir(), "zw-replay-tmp-"));
    try {
      const { child, exited, replayDirs } = spawnReplay(scratch, bigArchive());
      await new Promise<void>((ok) => child.stdout.once("data", () => ok()));
      // Read on, so that a full pipe never holds the child.
      child.stdout.resume();
      expect(replayDirs()).toHaveLength(1);
      const servers = redisServersUnder(child.pid!);
      expect(servers).toHaveLength(1);
      child.kill("SIGINT");
      expect(await exited).toBe(130);
      expect(replayDirs()).toEqual([]);
      // Stopped and waited for before the exit, not left to run on.
      expect(servers.filter(isRunning)).toEqual([]);
      expect(await keysIn(configured)).toBe(0);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 120_000);

  it("removes its redis-server and directory when its reader stops early (zw replay … | head)", async () => {
    const scratch = mkdtempSync(join(tmpdir(), "zw-replay-tmp-"));
    try {
      const { child, exited, replayDirs } = spawnReplay(scratch, bigArchive());
      await new Promise<void>((ok) => child.stdout.once("data", () => ok()));
      const servers = redisServersUnder(child.pid!);
      expect(servers).toHaveLength(1);
      // As `head` does once it has its lines: the next write of zw replay fails with EPIPE.
      child.stdout.destroy();
      expect(await exited).toBe(0);
      expect(replayDirs()).toEqual([]);
      // Killed at the exit; the orphan it leaves for a moment is reaped by init.
      await waitFor("the redis-server to be gone", () => servers.every((pid) => !isRunning(pid)) || null);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 120_000);

  it("stops a redis-server still starting when killed (SIGTERM) before it answers", async () => {
    const scratch = mkdtempSync(join(tmpdir(), "zw-replay-tmp-"));
    // A redis-server that takes its time to start: the window between its spawn and its first answer.
    const bin = join(scratch, "bin");
    mkdirSync(bin);
    const real = execFileSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" }).trim();
    writeFileSync(join(bin, "redis-server"), `#!/bin/sh\nsleep 8\nexec ${real} "$@"\n`, { mode: 0o755 });
    try {
      const { child, exited, replayDirs } = spawnReplay(scratch, archive, {
        PATH: `${bin}:${process.env.PATH ?? ""}`,
      });
      child.stdout.resume();
      const servers = await waitFor("the slow redis-server to be spawned", async () => {
        const found = redisServersUnder(child.pid!);
        return found.length > 0 ? found : null;
      });
      expect(replayDirs()).toHaveLength(1);
      child.kill("SIGTERM");
      const code = await exited;
      // Held since its spawn: stopped and waited for, though it never answered.
      expect(servers.filter(isRunning)).toEqual([]);
      expect(replayDirs()).toEqual([]);
      expect(code).toBe(143);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 120_000);
});
