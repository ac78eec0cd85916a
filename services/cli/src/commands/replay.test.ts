import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Event } from "@zw/core";
import { eventSummary } from "@zw/estimates";
import { connectRedis } from "@zw/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRedis, type TestRedis } from "../../../../tests/fixtures/redis";
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
    // Dec 2025: North Korea names nine dead, never "killed fell to 9". This text says they died
    // "in Kursk", and NIS's 2,000 names no place: claims of different regions do not conflict
    // (alerts.md "same metric and region", review finding 3), so it is the first word on Kursk.
    expect(told("kp-nine")).toEqual([["new_metric killed: 9 (KP_GOV, 2025-12-01)"], 1]);
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

  it("removes its redis-server and directory when interrupted", async () => {
    const big = join(cwd, "big.jsonl");
    const line = readFileSync(archive, "utf8").split("\n")[3]!;
    const copies = Array.from({ length: 3000 }, (_, i) =>
      line.replace('"id":"hur-training"', `"id":"copy-${i}"`).replace("/en/hur-training", `/en/copy-${i}`),
    );
    writeFileSync(big, `${copies.join("\n")}\n`);
    const scratch = mkdtempSync(join(tmpdir(), "zw-replay-tmp-"));
    try {
      const child = spawn(
        process.execPath,
        ["--import", "tsx", join(root, "services/cli/src/main.ts"), "replay", big, "--no-baseline"],
        { cwd: root, env: { ...process.env, TMPDIR: scratch, REDIS_URL: configured.url }, stdio: "pipe" },
      );
      const exited = new Promise<number | null>((ok) => child.once("exit", (code) => ok(code)));
      await new Promise<void>((ok) => child.stdout.once("data", () => ok()));
      // Read on, so that a full pipe never holds the child.
      child.stdout.resume();
      child.stderr.resume();
      const replayDirs = () => readdirSync(scratch).filter((d) => d.startsWith("zw-replay-"));
      expect(replayDirs()).toHaveLength(1);
      child.kill("SIGINT");
      expect(await exited).toBe(130);
      expect(replayDirs()).toEqual([]);
      expect(await keysIn(configured)).toBe(0);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 120_000);
});
