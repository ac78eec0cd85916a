import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, redactConfig } from "./load-config";

function dirWith(config?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "zw-config-"));
  if (config !== undefined) {
    writeFileSync(join(dir, "zw.config.json"), typeof config === "string" ? config : JSON.stringify(config));
  }
  return dir;
}

describe("loadConfig", () => {
  it("gives the defaults with no file and no environment", () => {
    const config = loadConfig({ env: {}, cwd: dirWith() });
    expect(config.redisUrl).toBeNull();
    expect(config.pollIntervalMinutes).toBe(5);
    expect(config.thresholds.changeRelative).toBe(0.1);
    expect(config.feeds.length).toBeGreaterThan(5);
    expect(config.fetch.maxBytes).toBe(5 * 1024 * 1024);
  });

  it("reads zw.config.json and lets the environment override it", () => {
    const cwd = dirWith({
      pollIntervalMinutes: 10,
      keywords: ["Nordkorea"],
      thresholds: { changeRelative: 0.2 },
    });
    const config = loadConfig({
      env: { ZW_POLL_INTERVAL_MINUTES: "15", ZW_ALLOW_PRIVATE_FEEDS: "yes" },
      cwd,
    });
    expect(config.pollIntervalMinutes).toBe(15);
    expect(config.keywords).toEqual(["Nordkorea"]);
    expect(config.thresholds.changeRelative).toBe(0.2);
    expect(config.thresholds.conflictWindowDays).toBe(30);
    expect(config.allowPrivateFeeds).toBe(true);
  });

  it("names the bad field of the file", () => {
    const cwd = dirWith({ thresholds: { changeRelative: -1 }, feeds: [{ url: "ftp://x.example/feed" }] });
    const error = (() => {
      try {
        loadConfig({ env: {}, cwd });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.message).toMatch(/thresholds\.changeRelative \(from .*zw\.config\.json\)/);
    expect(error?.message).toMatch(/feeds\.0\.url .*http or https/);
  });

  it("names the environment variable when it is the bad one", () => {
    expect(() => loadConfig({ env: { ZW_HTTP_PORT: "eighty" }, cwd: dirWith() })).toThrow(
      /ZW_HTTP_PORT: expected a whole number/,
    );
    expect(() => loadConfig({ env: { ZW_HTTP_PORT: "70000" }, cwd: dirWith() })).toThrow(
      /httpPort \(from ZW_HTTP_PORT\)/,
    );
    expect(() => loadConfig({ env: { REDIS_URL: "not a url" }, cwd: dirWith() })).toThrow(
      /redisUrl \(from REDIS_URL\)/,
    );
    expect(() => loadConfig({ env: { ZW_ALLOW_PRIVATE_FEEDS: "maybe" }, cwd: dirWith() })).toThrow(
      /ZW_ALLOW_PRIVATE_FEEDS: expected true or false/,
    );
  });

  it("reads the health server's address from ZW_HTTP_HOST or the file, 127.0.0.1 by default", () => {
    expect(loadConfig({ env: {}, cwd: dirWith() }).httpHost).toBe("127.0.0.1");
    expect(loadConfig({ env: { ZW_HTTP_HOST: "0.0.0.0" }, cwd: dirWith() }).httpHost).toBe("0.0.0.0");
    expect(loadConfig({ env: { ZW_HTTP_HOST: "::" }, cwd: dirWith() }).httpHost).toBe("::");
    expect(loadConfig({ env: {}, cwd: dirWith({ httpHost: "zw-fetcher" }) }).httpHost).toBe("zw-fetcher");
  });

  it("refuses a ZW_HTTP_HOST that is neither an IP address nor a host name, naming it", () => {
    for (const bad of ["http://0.0.0.0", "0.0.0.0:9464", "300.1.1.1", "two words"]) {
      expect(() => loadConfig({ env: { ZW_HTTP_HOST: bad }, cwd: dirWith() })).toThrow(
        /httpHost \(from ZW_HTTP_HOST\): expected an IP address or a host name/,
      );
    }
  });

  it("refuses a file that is not JSON, saying so", () => {
    expect(() => loadConfig({ env: {}, cwd: dirWith("{ feeds: [") })).toThrow(/is not valid JSON/);
    expect(() => loadConfig({ env: {}, cwd: dirWith("[]") })).toThrow(/top level must be a JSON object/);
  });

  it("never puts a secret into an error or a dump", () => {
    const token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.secret.token";
    const config = loadConfig({
      env: { DISCORD_TOKEN: token, REDIS_URL: "redis://user:pw@host:6379" },
      cwd: dirWith(),
    });
    const dump = JSON.stringify(redactConfig(config));
    expect(dump).not.toContain(token);
    expect(dump).not.toContain("pw@");
    expect(config.discordToken).toBe(token);
    const bad = dirWith({ discordApiUrl: token });
    expect(() => loadConfig({ env: { DISCORD_TOKEN: token }, cwd: bad })).toThrow(ConfigError);
    try {
      loadConfig({ env: { DISCORD_TOKEN: token }, cwd: bad });
    } catch (e) {
      expect((e as Error).message).not.toContain(token);
    }
    // JSON.parse quotes the text around an unexpected token; that text may be the token.
    const broken = dirWith(`{ "discordToken": ${token} }`);
    expect(() => loadConfig({ env: {}, cwd: broken })).toThrow(/is not valid JSON: Unexpected token$/);
    expect(() => loadConfig({ env: {}, cwd: broken })).not.toThrow(token.slice(0, 6));
  });
});
