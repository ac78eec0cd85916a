import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { ExtractRequestSchema, type Figure, IsoDate, Lang } from "@zw/core";
import { extractFigures } from "@zw/extract";
import { type Command, UsageError } from "../command";
import { mapJsonLines } from "../json-lines";

export const extract: Command = {
  name: "extract",
  summary: "extract the figures on North Korea's troops and deliveries from an article",
  usage: `Usage: zw extract FILE [--lang de|en] [--date YYYY-MM-DD] [--json]
       zw extract --batch < requests.jsonl

Prints the figures of the article in FILE as a table (metric, interval, qualifier, source,
modality, region, date, quote), or as JSON with --json. --date is the article's date, used
when the text gives none; the language is detected when --lang is not given.
--batch reads JSON Lines {"id","text","lang"?,"date"?} on standard input (lang and date may
be null) and writes one line {"id","figures":[...]} per input line; a bad line gets
{"id","error"} and the run goes on.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        batch: { type: "boolean" },
        json: { type: "boolean" },
        lang: { type: "string" },
        date: { type: "string" },
      },
    });
    const lang = values.lang === undefined ? undefined : Lang.safeParse(values.lang).data;
    if (values.lang !== undefined && !lang)
      throw new UsageError(`--lang must be de or en, not "${values.lang}"`);
    const date = values.date === undefined ? undefined : IsoDate.safeParse(values.date).data;
    if (values.date !== undefined && !date)
      throw new UsageError(`--date must be YYYY-MM-DD, not "${values.date}"`);
    if (values.batch) {
      if (positionals.length) throw new UsageError("--batch reads standard input and takes no FILE");
      await mapJsonLines(io.stdin, io.stdout, (line) => {
        const request = ExtractRequestSchema.parse(line);
        const figures = extractFigures(request.text, {
          lang: request.lang ?? lang,
          date: request.date ?? date,
        });
        return { id: request.id, figures };
      });
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError("give one FILE, or --batch (see zw extract --help)");
    const file = resolve(io.cwd, positionals[0]!);
    const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read ${positionals[0]}: ${error.code ?? error.message}`);
    });
    const figures = extractFigures(text, { lang, date });
    io.stdout.write(values.json ? `${JSON.stringify(figures, null, 2)}\n` : formatFigures(figures));
    return 0;
  },
};

const QUOTE_WIDTH = 70;

/** One block per figure: the numbers on a line, then the quote. */
export function formatFigures(figures: Figure[]): string {
  if (!figures.length) return "no figures found\n";
  const rows = figures.map((f) => [
    f.metric,
    intervalText(f),
    f.qualifier,
    f.source ?? "-",
    f.modality,
    f.region ?? "-",
    f.date ?? "-",
  ]);
  const header = ["metric", "interval", "qualifier", "source", "modality", "region", "date"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  const out = [line(header)];
  figures.forEach((f, k) => {
    out.push(line(rows[k]!));
    out.push(`  «${excerpt(f.quote)}»`);
  });
  return `${out.join("\n")}\n`;
}

function intervalText(f: Figure): string {
  if (f.min !== null && f.min === f.max) return String(f.min);
  return `${f.min ?? "…"}–${f.max ?? "…"}`;
}

function excerpt(quote: string): string {
  return quote.length <= QUOTE_WIDTH ? quote : `${quote.slice(0, QUOTE_WIDTH - 1)}…`;
}
