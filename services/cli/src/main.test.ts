import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const main = fileURLToPath(new URL("./main.ts", import.meta.url));

describe("zw as a process", () => {
  it("ends quietly when its reader stops early (zw numbers --batch | head -1)", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", main, "numbers", "--batch"], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    // Like head: read the first line, then close the pipe while output is still coming.
    child.stdout.once("data", () => child.stdout.destroy());
    const line = `${JSON.stringify({ id: 1, text: "rund 11.000 Soldaten und acht Millionen Granaten", lang: "de" })}\n`;
    child.stdin.on("error", () => {});
    child.stdin.end(line.repeat(20_000));
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect(stderr).not.toContain("EPIPE");
    expect(code).toBe(0);
  });
});
