import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FigureSchema } from "@zw/core";
import { describe, expect, it } from "vitest";
import { UsageError } from "../command";
import { captureIo } from "../testing/run-zw";
import { extract } from "./extract";

function run(args: string[], input = "", cwd = process.cwd()) {
  return captureIo((io) => extract.run(args, io), { stdin: input, cwd });
}

const lines = (out: string) =>
  out
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));

const ARTICLE =
  "Nach Angaben des südkoreanischen Militärs hat Nordkorea mindestens 3.000 weitere Soldaten nach Russland geschickt. Insgesamt sollen über 400 nordkoreanische Soldaten gefallen sein.";

describe("zw extract --batch", () => {
  it("answers every line in order, with an error for a bad line and no stop", async () => {
    const input = [
      JSON.stringify({ id: "a", text: ARTICLE, lang: "de", date: "2025-03-27" }),
      "{not json",
      JSON.stringify({ id: "b", text: 42 }),
      JSON.stringify({
        id: "c",
        text: "North Korea has sent 11,000 troops to Russia.",
        lang: null,
        date: null,
      }),
      JSON.stringify({ id: "d", text: "x", date: "27.03.2025" }),
    ].join("\n");
    const { code, out } = await run(["--batch"], input);
    expect(code).toBe(0);
    const [a, broken, wrongText, c, wrongDate] = lines(out);
    expect(a.id).toBe("a");
    expect(a.figures.map((f: unknown) => FigureSchema.parse(f))).toMatchObject([
      {
        metric: "troops_additional",
        min: 3000,
        max: null,
        qualifier: "at_least",
        source: "JCS",
        date: "2025-03-27",
      },
      { metric: "killed", min: 400, max: null, qualifier: "more_than", source: "JCS" },
    ]);
    expect(broken).toMatchObject({ id: null, error: expect.any(String) });
    expect(wrongText).toMatchObject({ id: "b", error: expect.stringContaining("text") });
    expect(c).toMatchObject({
      id: "c",
      figures: [{ metric: "troops_deployed_total", min: 11000, date: null }],
    });
    expect(wrongDate).toMatchObject({ id: "d", error: expect.stringContaining("YYYY-MM-DD") });
  });
});

describe("zw extract FILE", () => {
  it("prints a table of the figures, or JSON", async () => {
    const dir = await mkdtemp(join(tmpdir(), "zw-extract-"));
    try {
      await writeFile(join(dir, "article.txt"), ARTICLE);
      const table = await run(["article.txt", "--date", "2025-03-27"], "", dir);
      expect(table.code).toBe(0);
      const [header, first, quote] = table.out.split("\n");
      expect(header).toMatch(/^metric\s+interval\s+qualifier\s+source\s+modality\s+region\s+date$/);
      expect(first).toMatch(/^troops_additional\s+3000–…\s+at_least\s+JCS\s+reported\s+-\s+2025-03-27/);
      expect(quote).toMatch(/^ {2}«Nach Angaben des südkoreanischen Militärs .*…»$/);
      const json = await run(["article.txt", "--json", "--lang", "de"], "", dir);
      expect(JSON.parse(json.out)).toHaveLength(2);
      const none = await writeFile(join(dir, "empty.txt"), "Nichts.").then(() => run(["empty.txt"], "", dir));
      expect(none.out).toBe("no figures found\n");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("rejects bad options and missing files with a usage error", async () => {
    await expect(run(["--lang", "fr", "x.txt"])).rejects.toThrow(UsageError);
    await expect(run(["--date", "yesterday", "x.txt"])).rejects.toThrow(UsageError);
    await expect(run([])).rejects.toThrow(UsageError);
    await expect(run(["/nonexistent/article.txt"])).rejects.toThrow(/cannot read/);
    await expect(run(["--batch", "x.txt"])).rejects.toThrow(UsageError);
  });
});
