import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connectRedis } from "@zw/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRedis, type TestRedis } from "../../../../tests/fixtures/redis";
import type { Command } from "../command";
import { captureIo } from "../testing/run-zw";
import { baseline } from "./baseline";
import { compare } from "./compare";
import { estimate } from "./estimate";
import { history } from "./history";

const seedsDir = join(import.meta.dirname, "../../../../seeds");

describe("zw baseline, compare, estimate, history", () => {
  let server: TestRedis;
  let cwd: string;

  async function zw(command: Command, args: string[], env: NodeJS.ProcessEnv = { REDIS_URL: server.url }) {
    const { code, out, err } = await captureIo((io) => command.run(args, io), { env, cwd });
    const json = () =>
      out
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as { type: string } & Record<string, unknown>);
    return { code, out, err, json };
  }

  beforeAll(async () => {
    server = await startTestRedis();
    cwd = mkdtempSync(join(tmpdir(), "zw-cli-"));
  });
  afterAll(async () => {
    await server.dispose();
    rmSync(cwd, { recursive: true, force: true });
  });

  it("loads the seeds once and prints their estimates, and their events with --events", async () => {
    const first = await zw(baseline, ["--seeds", seedsDir, "--events"]);
    expect(first.code).toBe(0);
    expect(first.err).toBe("");
    expect(first.out).toMatch(/^\d+ events among the seeds:$/m);
    expect(first.out).toContain(
      "inconsistency troops_deployed_total: additional_mismatch, expected 14000, reported 11000",
    );
    expect(first.out).toMatch(/^troops_deployed_total +11000 +11000 +- +JCS ~11000 \(2025-03-27\); WEST /m);

    const again = await zw(baseline, ["--seeds", seedsDir, "--events", "--json"]);
    expect(again.err).toMatch(/already has claims; nothing loaded/);
    const lines = again.json();
    expect(lines.filter((l) => l.type === "inconsistency")).toHaveLength(1);
    expect(lines.filter((l) => l.type === "estimate").map((l) => l.metric)).toContain("ammo_share_percent");
  });

  it("compares a new article against the ledger without storing it", async () => {
    const file = join(cwd, "nis.txt");
    writeFileSync(
      file,
      "South Korea's National Intelligence Service said on Saturday that North Korea has sent about 14,000 troops to Russia in total.",
    );
    const args = [file, "--date", "2025-05-10", "--url", "https://en.yna.co.kr/view/1", "--lang", "en"];
    const shown = await zw(compare, args);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain("1 figure:");
    expect(shown.out).toContain(
      "estimate_changed troops_deployed_total: revision 12000 (NIS, undated) → ~14000 (NIS, 2025-05-10), +2000 (+16.7 %) up",
    );
    const lines = (await zw(compare, [...args, "--json"])).json();
    expect(lines.map((l) => l.type)).toEqual(["figure", "estimate_changed"]);
    const current = (await zw(estimate, ["troops_deployed_total", "--json"])).json();
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({
      type: "estimate",
      current: { source: "JCS" },
      consensus: { best: 11000 },
    });
  });

  it("prints a metric's history and refuses unknown metrics and bad options", async () => {
    const shown = await zw(history, ["troops_deployed_total"]);
    expect(shown.out.split("\n")[0]).toMatch(/^date +value +source +modality +region +reported by$/);
    expect(shown.out).toMatch(/^2025-02-27 +~11000 /m);
    const claims = (await zw(history, ["troops_deployed_total", "--json"])).json();
    expect(claims.every((c) => c.type === "claim" && c.metric === "troops_deployed_total")).toBe(true);
    await expect(zw(history, ["tanks"])).rejects.toThrow(/unknown metric "tanks"/);
    await expect(zw(history, ["killed", "--since", "soon"])).rejects.toThrow(/--since/);
    await expect(zw(compare, [join(cwd, "missing.txt")])).rejects.toThrow(
      /cannot read .*missing\.txt: ENOENT/,
    );
    await expect(zw(compare, ["x", "--date", "27.02.2025"])).rejects.toThrow(/--date must be YYYY-MM-DD/);
  });

  it("says so instead of waiting when the configured Redis does not answer", async () => {
    await expect(zw(estimate, [], { REDIS_URL: "redis://127.0.0.1:1" })).rejects.toThrow(
      /no Redis answers at redis:\/\/127\.0\.0\.1:1/,
    );
  });

  it("leaves the ledger's Redis keys under zw:", async () => {
    const redis = connectRedis(server.url);
    try {
      expect((await redis.keys("*")).every((k) => k.startsWith("zw:ledger:"))).toBe(true);
    } finally {
      redis.disconnect();
    }
  });
});
