import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../command";
import { captureIo } from "../testing/run-zw";
import { numbers } from "./numbers";

function run(args: string[], input = "", cwd = process.cwd()) {
  return captureIo((io) => numbers.run(args, io), { stdin: input, cwd });
}

const lines = (out: string) =>
  out
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));

describe("zw numbers --batch", () => {
  it("answers every line in order, with an error for a bad line and no stop", async () => {
    const input = [
      JSON.stringify({ id: "a", text: "rund 11.000 bis 12.000 Soldaten", lang: "de" }),
      "{not json",
      JSON.stringify({ id: "b" }),
      JSON.stringify({ id: 7, text: "eight million shells and 3,600 wounded", lang: "en" }),
    ].join("\n");
    const { code, out } = await run(["--batch"], input);
    expect(code).toBe(0);
    const [a, broken, missing, seven] = lines(out);
    expect(a).toEqual({
      id: "a",
      numbers: [
        { text: "11.000", value: 11000, start: 5, end: 11 },
        { text: "12.000", value: 12000, start: 16, end: 22 },
      ],
    });
    expect(broken).toMatchObject({ id: null, error: expect.any(String) });
    expect(missing).toMatchObject({ id: "b", error: expect.stringContaining("text") });
    expect(seven.numbers.map((n: { value: number }) => n.value)).toEqual([8e6, 3600]);
  });

  it("reports years, prices and the German article, but not ordinals", async () => {
    const text = "Im Jahr 2024 zahlte ein Land 2000 US-Dollar an die 3. Armee.";
    const { out } = await run(["--batch"], JSON.stringify({ id: 1, text, lang: "de" }));
    expect(lines(out)[0].numbers.map((n: { text: string }) => n.text)).toEqual(["2024", "ein", "2000"]);
  });

  it("detects the language when the line gives none", async () => {
    const { out } = await run(
      ["--batch"],
      JSON.stringify({ id: 1, text: "The agency said 3.600 were sent." }),
    );
    expect(lines(out)[0].numbers[0].value).toBe(3.6);
  });
});

describe("zw numbers TEXT|FILE", () => {
  it("prints a table of offsets, kind, value and text", async () => {
    const { code, out } = await run(["Nordkorea schickte 50 Prozent, also acht Millionen Granaten."]);
    expect(code).toBe(0);
    expect(out).toBe('19-21  percent   50       "50"\n36-50  cardinal  8000000  "acht Millionen"\n');
  });

  it("reads a file when the argument names one", async () => {
    const dir = await mkdtemp(join(tmpdir(), "zw-numbers-"));
    try {
      await writeFile(join(dir, "article.txt"), "Es waren 12'000 Soldaten.");
      const { out } = await run(["article.txt"], "", dir);
      expect(out).toContain('"12\'000"');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses a bad language, a missing text and a missing file", async () => {
    await expect(run(["--lang", "fr", "drei"])).rejects.toThrow(UsageError);
    await expect(run([])).rejects.toThrow(UsageError);
    await expect(run(["no-such-article.txt"])).rejects.toThrow(/no such file/);
    expect((await run(["3.600"])).out).toContain("3600");
  });
});
