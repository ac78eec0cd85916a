import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { IsoDate, Lang } from "@zw/core";
import { claimSummary, eventSummary } from "@zw/estimates";
import { extractFigures } from "@zw/extract";
import { type Command, UsageError } from "../command";
import { withLedger, writeJsonLines } from "../ledger-cli";

export const compare: Command = {
  name: "compare",
  summary: "show the figures of one article and the events it would cause, storing nothing",
  usage: `Usage: zw compare FILE [--date YYYY-MM-DD] [--url URL] [--outlet NAME] [--lang de|en] [--json]

Extracts the figures of the article in FILE and judges them against the current ledger, as if
the article had just been read: the events it would cause (change, conflict, inconsistency,
corroboration...). Nothing is stored. --date is the article's date (the claims' date when the
text gives none); --url the address it was read at (reprint detection compares URLs); the
language is detected when --lang is not given. --json writes one object per line: the figures
({"type":"figure",...}) then the events (each with its event "type").`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        date: { type: "string" },
        url: { type: "string" },
        outlet: { type: "string" },
        lang: { type: "string" },
        json: { type: "boolean" },
      },
    });
    if (positionals.length !== 1) throw new UsageError("give one FILE (see zw compare --help)");
    const date = values.date === undefined ? null : IsoDate.safeParse(values.date);
    if (date && !date.success) throw new UsageError(`--date must be YYYY-MM-DD, not "${values.date}"`);
    const lang = values.lang === undefined ? null : Lang.safeParse(values.lang);
    if (lang && !lang.success) throw new UsageError(`--lang must be de or en, not "${values.lang}"`);
    const path = resolve(io.cwd, positionals[0]!);
    const text = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read ${path}: ${error.code ?? error.message}`);
    });

    const figures = extractFigures(text, { lang: lang?.data ?? null, date: date?.data ?? null });
    const report = {
      url: values.url ?? pathToFileURL(path).href,
      outlet: values.outlet ?? null,
      title: null,
      publishedAt: date?.data ?? null,
    };
    const { claims, events } = await withLedger(io, ({ ledger }) => ledger.preview(report, figures));
    if (values.json) {
      writeJsonLines(io, [...figures.map((f) => ({ type: "figure", ...f })), ...events]);
      return 0;
    }
    const lines = [
      `${figures.length} figure${figures.length === 1 ? "" : "s"}:`,
      ...claims.map((c) => `  ${c.metric} ${claimSummary(c)}  «${c.quote}»`),
      `${events.length} event${events.length === 1 ? "" : "s"}:`,
      ...events.map((e) => `  ${eventSummary(e)}`),
    ];
    io.stdout.write(`${lines.join("\n")}\n`);
    return 0;
  },
};
