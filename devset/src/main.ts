// The dev set's command line:
//   pnpm devset ingest DRAFT.jsonl BATCH   anchors → offsets, into passages/BATCH.jsonl (merged by id)
//   pnpm devset build                      answers/ → texts.jsonl and gold.jsonl (checked against the hashes)
//   pnpm devset stats                      what the set covers, and copies of one story
//   pnpm devset score [--part dev|val|all] [--cmd "…"]   the scorer on the part, German, English; per metric
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { f1, tallyByMetric } from "./breakdown";
import { goldLine, ingestDraft, nearCopies, rebuildText } from "./passages";
import {
  DraftSchema,
  type PassageRecord,
  PassageRecordSchema,
  type SearchAnswer,
  SearchAnswerSchema,
} from "./schema";

const root = fileURLToPath(new URL("..", import.meta.url));
const answersDir = join(root, "answers");
const passagesDir = join(root, "passages");

function jsonLines(file: string): { line: number; value: unknown }[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .map((text, i) => ({ line: i + 1, text }))
    .filter((l) => l.text.trim())
    .map((l) => {
      try {
        return { line: l.line, value: JSON.parse(l.text) as unknown };
      } catch {
        return { line: l.line, value: { unparsable: l.text.slice(0, 60) } };
      }
    });
}

function loadAnswers(): Map<string, SearchAnswer> {
  const answers = new Map<string, SearchAnswer>();
  if (!existsSync(answersDir)) return answers;
  for (const name of readdirSync(answersDir)
    .filter((n) => n.endsWith(".json"))
    .sort()) {
    const file = join(answersDir, name);
    try {
      const parsed = SearchAnswerSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
      if (parsed.success) answers.set(name, parsed.data);
      else console.error(`answers/${name}: not a search answer: ${parsed.error.issues[0]?.message}`);
    } catch (error) {
      console.error(`answers/${name}: not JSON (${(error as Error).message})`);
    }
  }
  return answers;
}

function loadRecords(): PassageRecord[] {
  const records: PassageRecord[] = [];
  for (const name of readdirSync(passagesDir)
    .filter((n) => n.endsWith(".jsonl"))
    .sort()) {
    for (const { line, value } of jsonLines(join(passagesDir, name))) {
      const parsed = PassageRecordSchema.safeParse(value);
      if (parsed.success) records.push(parsed.data);
      else
        console.error(
          `passages/${name}:${line}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
        );
    }
  }
  return records;
}

function ingest(draftFile: string, batch: string): number {
  const answers = loadAnswers();
  const target = join(passagesDir, `${basename(batch, ".jsonl")}.jsonl`);
  const byId = new Map<string, PassageRecord>();
  if (existsSync(target))
    for (const r of jsonLines(target)) byId.set((r.value as PassageRecord).id, r.value as PassageRecord);
  let failed = 0;
  for (const { line, value } of jsonLines(draftFile)) {
    const draft = DraftSchema.safeParse(value);
    if (!draft.success) {
      failed++;
      console.error(
        `${draftFile}:${line}: ${draft.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
      continue;
    }
    const answer = answers.get(basename(draft.data.answer));
    const record = answer
      ? ingestDraft(draft.data, answer)
      : { ok: false as const, error: `no answers/${basename(draft.data.answer)}` };
    if (!record.ok) {
      failed++;
      console.error(`${draftFile}:${line} (${draft.data.id}): ${record.error}`);
      continue;
    }
    byId.set(record.value.id, record.value);
  }
  writeAtomically(
    target,
    [...byId.values()].map((r) => JSON.stringify(r)),
  );
  console.log(`${byId.size} passages in passages/${basename(target)}; ${failed} draft lines refused`);
  return failed ? 1 : 0;
}

/** Several annotators build at once: a reader sees a whole file, never a torn one. */
function writeAtomically(file: string, lines: string[]): void {
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, lines.join("\n") + "\n");
  renameSync(partial, file);
}

function build(): number {
  const answers = [...loadAnswers().values()];
  const records = loadRecords();
  const seen = new Set<string>();
  const lines: string[] = [];
  const texts: string[] = [];
  const missing = new Set<string>();
  let failed = 0;
  for (const record of records) {
    if (seen.has(record.id)) {
      failed++;
      console.error(`${record.id}: the id is used twice`);
      continue;
    }
    seen.add(record.id);
    const text = rebuildText(record, answers);
    if (!text.ok) {
      failed++;
      if (text.error.startsWith("no saved answer")) missing.add(record.found_by.query);
      else console.error(`${record.id}: ${text.error}`);
      continue;
    }
    texts.push(JSON.stringify({ id: record.id, url: record.url, text: text.value }));
    lines.push(JSON.stringify(goldLine(record, text.value)));
  }
  writeAtomically(join(root, "texts.jsonl"), texts);
  writeAtomically(join(root, "gold.jsonl"), lines);
  console.log(
    `${lines.length} of ${records.length} passages rebuilt into devset/gold.jsonl and devset/texts.jsonl`,
  );
  if (missing.size) {
    console.log(
      `\nNo saved answer for ${missing.size} queries: run each with the search tool (corpus pages) and save`,
    );
    console.log("its answer unchanged as devset/answers/<any name>.json, then build again:");
    for (const q of missing) console.log(`  ${q}`);
  }
  return failed ? 1 : 0;
}

function stats(): number {
  const records = loadRecords();
  const count = (key: (r: PassageRecord) => string | string[]) => {
    const m = new Map<string, number>();
    for (const r of records) for (const k of [key(r)].flat()) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1]);
  };
  const show = (title: string, rows: [string, number][]) =>
    console.log(`${title}: ${rows.map(([k, n]) => `${k} ${n}`).join(", ")}`);
  console.log(`${records.length} passages, ${records.reduce((n, r) => n + r.gold.length, 0)} gold figures`);
  show(
    "languages",
    count((r) => r.lang),
  );
  show(
    `outlets (${count((r) => r.outlet).length})`,
    count((r) => r.outlet),
  );
  show(
    "months",
    count((r) => r.date?.slice(0, 7) ?? "undated"),
  );
  show(
    "metrics",
    count((r) => r.gold.map((g) => g.metric)),
  );
  console.log(`no figure: ${records.filter((r) => r.gold.length === 0).length}`);
  console.log(`with distractors: ${records.filter((r) => r.distractors.length > 0).length}`);
  const textFile = join(root, "texts.jsonl");
  if (existsSync(textFile)) {
    const texts = jsonLines(textFile).map((l) => l.value as { id: string; text: string });
    for (const [a, b] of nearCopies(texts)) console.log(`copies of one story? ${a} ~ ${b}`);
  }
  return 0;
}

/** The scorer on the whole set and per language, and per metric from its verbose report. */
/** The dev set proper, or the validation batches (ids "val-…", "val2-…"), or both. */
type Part = "dev" | "val" | "all";
const inPart = (part: Part, id: string) => part === "all" || (part === "val") === /^val\d*-/.test(id);

function score(cmd: string | undefined, part: Part): number {
  const goldFile = join(root, "gold.jsonl");
  if (!existsSync(goldFile)) {
    console.error("no devset/gold.jsonl: run pnpm devset build first");
    return 1;
  }
  const scorer = join(root, "..", "..", "shared", "eval", "score.mjs");
  const lines = readFileSync(goldFile, "utf8")
    .split("\n")
    .filter((l) => l && inPart(part, JSON.parse(l).id));
  const dir = mkdtempSync(join(tmpdir(), "zw-devset-"));
  try {
    for (const lang of ["all", "de", "en"]) {
      const file = join(dir, `${lang}.jsonl`);
      writeFileSync(
        file,
        lines.filter((l) => lang === "all" || JSON.parse(l).lang === lang).join("\n") + "\n",
      );
      const run = spawnSync(
        process.execPath,
        [scorer, "--gold", file, "--verbose", ...(cmd ? ["--cmd", cmd] : [])],
        { encoding: "utf8", maxBuffer: 1 << 28 },
      );
      if (run.status !== 0) {
        console.error(run.stdout.slice(-2000), run.stderr.slice(-2000));
        return 1;
      }
      const out = run.stdout.trimEnd().split("\n");
      console.log(`== ${part}${lang === "all" ? "" : `, ${lang}`}\n${out.slice(-3).join("\n")}`);
      if (lang !== "all") continue;
      console.log("metric                        gold  found  spurious  precision  recall     f1");
      for (const [metric, t] of [...tallyByMetric(run.stdout)].sort()) {
        const s = f1(t);
        console.log(
          `${metric.padEnd(28)}${String(t.found + t.missed).padStart(6)}${String(t.found).padStart(7)}${String(t.spurious).padStart(10)}${s.precision.toFixed(3).padStart(11)}${s.recall.toFixed(3).padStart(8)}${s.f1.toFixed(3).padStart(7)}`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return 0;
}

const [command, ...rest] = process.argv.slice(2);
if (command === "ingest" && rest.length === 2) process.exitCode = ingest(rest[0]!, rest[1]!);
else if (command === "build" && rest.length === 0) process.exitCode = build();
else if (command === "stats" && rest.length === 0) process.exitCode = stats();
else if (command === "score") {
  const { values } = parseArgs({
    args: rest,
    options: { cmd: { type: "string" }, part: { type: "string", default: "dev" } },
  });
  if (values.part !== "dev" && values.part !== "val" && values.part !== "all") {
    console.error(`--part is dev, val or all, not "${values.part}"`);
    process.exitCode = 2;
  } else process.exitCode = score(values.cmd, values.part);
} else {
  console.error(
    'usage: pnpm devset ingest DRAFT.jsonl BATCH | pnpm devset build | pnpm devset stats | pnpm devset score [--part dev|val|all] [--cmd "…"]',
  );
  process.exitCode = 2;
}
