import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { NumbersRequestSchema } from "@zw/core";
import { findNumbers, type NumberMatch } from "@zw/numbers";
import { type Command, UsageError } from "../command";
import { mapJsonLines } from "../json-lines";

/**
 * What `zw numbers` reports: every cardinal reading, years, dates, times, prices and calibres
 * included, and German "ein/eine" on its own as 1, as the number benchmarks count them.
 * Ordinals ("3.", "dritte", "3rd") are not cardinals and are left out.
 */
export function reportedNumbers(text: string, lang?: "de" | "en"): NumberMatch[] {
  return findNumbers(text, { lang, articles: true }).filter((n) => n.kind !== "ordinal");
}

export const numbers: Command = {
  name: "numbers",
  summary: "find every number in a text (German or English), with its value and offsets",
  usage: `Usage: zw numbers [--lang de|en] "TEXT" | FILE
       zw numbers --batch < requests.jsonl

Prints a table of the numbers in TEXT (or in the file FILE): offsets, kind, value, text.
--batch reads JSON Lines {"id","text","lang"?} on standard input and writes one line
{"id","numbers":[{"text","value","start","end"}]} per input line; a bad line gets
{"id","error"} and the run goes on. The language is detected when not given.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { batch: { type: "boolean" }, lang: { type: "string" } },
    });
    const lang = values.lang;
    if (lang !== undefined && lang !== "de" && lang !== "en")
      throw new UsageError(`--lang must be de or en, not "${lang}"`);
    if (values.batch) {
      if (positionals.length) throw new UsageError("--batch reads standard input and takes no TEXT");
      await mapJsonLines(io.stdin, io.stdout, (line) => {
        const request = NumbersRequestSchema.parse(line);
        const found = reportedNumbers(request.text, request.lang ?? lang);
        return {
          id: request.id,
          numbers: found.map(({ text, value, start, end }) => ({ text, value, start, end })),
        };
      });
      return 0;
    }
    if (positionals.length !== 1)
      throw new UsageError("give one TEXT or FILE, or --batch (see zw numbers --help)");
    const text = await textOrFile(positionals[0]!, io.cwd);
    io.stdout.write(formatTable(findNumbers(text, { lang })));
    return 0;
  },
};

/**
 * A positional that names an existing file is read; anything else is the text itself, unless it
 * looks like a file name ("article.txt", "seeds/a") that does not exist, which is an error.
 */
async function textOrFile(arg: string, cwd: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, arg), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "ENAMETOOLONG" && code !== "EISDIR") throw error;
    if (code === "ENOENT" && /^\S+$/.test(arg) && /\/|\.[a-z]{1,5}$/i.test(arg)) {
      throw new UsageError(`no such file: ${arg}`);
    }
    return arg;
  }
}

function formatTable(found: NumberMatch[]): string {
  if (!found.length) return "no numbers found\n";
  const rows = found.map((n) => [`${n.start}-${n.end}`, n.kind, String(n.value), JSON.stringify(n.text)]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return `${rows.map((r) => r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join("  ")).join("\n")}\n`;
}
