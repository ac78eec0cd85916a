import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

function capture() {
  const lines: Record<string, unknown>[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(JSON.parse(line)) } };
}

describe("createLogger", () => {
  it("writes one JSON object per line with the service name and level", () => {
    const { lines, destination } = capture();
    const logger = createLogger({ logLevel: "info" }, { name: "fetcher", destination });
    logger.info({ feedUrl: "https://example.org/feed" }, "polled");
    logger.debug("not at info level");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ name: "fetcher", msg: "polled", feedUrl: "https://example.org/feed" });
    expect(typeof lines[0]?.time).toBe("string");
  });

  it("redacts tokens and authorization headers", () => {
    const { lines, destination } = capture();
    const logger = createLogger({ logLevel: "info" }, { destination });
    logger.info(
      {
        discordToken: "secret-1",
        config: { discordToken: "secret-2", logLevel: "info" },
        client: { token: "secret-3" },
        authorization: "Bot secret-4",
        headers: { authorization: "Bot secret-5", cookie: "s=secret-6", accept: "text/html" },
        request: { headers: { authorization: "Bot secret-7" } },
      },
      "configured",
    );
    const text = JSON.stringify(lines);
    expect(text).not.toMatch(/secret-/);
    expect(lines[0]).toMatchObject({ config: { logLevel: "info" }, headers: { accept: "text/html" } });
  });

  it("redacts the interaction or webhook token in a failed Discord request's URL", () => {
    const { lines, destination } = capture();
    const logger = createLogger({ logLevel: "info" }, { destination });
    const url = "https://discord.com/api/v10/interactions/1234567890/aW50ZXJhY3Rpb24-secret-8/callback";
    const error = Object.assign(new Error("Unknown interaction"), { url, status: 404 });
    logger.error({ err: error, command: "estimate" }, "command failed");
    logger.error({
      err: Object.assign(new Error("x"), { url: `${url.replace("interactions", "webhooks")}?wait=true` }),
    });
    expect(JSON.stringify(lines)).not.toMatch(/secret-8/);
    expect(lines[0]).toMatchObject({
      err: { url: "https://discord.com/api/v10/interactions/1234567890/[redacted]/callback", status: 404 },
    });
  });
});
