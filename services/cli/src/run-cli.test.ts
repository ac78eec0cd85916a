import { freePort } from "@zw/redis";
import { describe, expect, it } from "vitest";
import { commands } from "./commands/index";
import { runZw } from "./testing/run-zw";

describe("zw --help", () => {
  it("lists every command with one line each", async () => {
    const { code, out } = await runZw(["--help"]);
    expect(code).toBe(0);
    for (const command of commands) {
      expect(out).toMatch(new RegExp(`^  ${command.name} +\\S.*$`, "m"));
      expect(command.summary).not.toContain("\n");
    }
    expect(out).toContain("doctor");
  });

  it("prints a command's usage with --help", async () => {
    const { code, out } = await runZw(["doctor", "--help"]);
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: zw doctor/);
  });

  it("refuses an unknown command with exit code 2", async () => {
    const { code, err } = await runZw(["frobnicate"]);
    expect(code).toBe(2);
    expect(err).toMatch(/unknown command "frobnicate"/);
  });

  it("shows the help and exit code 2 without a command", async () => {
    const { code, out } = await runZw([]);
    expect(code).toBe(2);
    expect(out).toMatch(/Commands:/);
  });
});

describe("zw and a REDIS_URL that does not answer", () => {
  it("names the URL without its password", async () => {
    const url = `redis://:s3cret-pass@127.0.0.1:${await freePort()}`;
    const { code, err } = await runZw(["estimate"], { env: { REDIS_URL: url } });
    expect(code).toBe(1);
    expect(err).toMatch(/no Redis answers at redis:\/\/\[redacted\]@127\.0\.0\.1/);
    expect(err).not.toContain("s3cret");
  });
});
