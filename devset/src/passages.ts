import { createHash } from "node:crypto";
import type { Draft, GoldLine, PassageRecord, SearchAnswer } from "./schema";

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The offsets of the `nth` occurrence of `words` in `text`; an anchor that occurs twice needs its nth. */
export function locate(
  text: string,
  words: string,
  nth: number | undefined,
  from = 0,
): Result<[number, number]> {
  const starts: number[] = [];
  for (let i = text.indexOf(words, from); i >= 0; i = text.indexOf(words, i + 1)) starts.push(i);
  if (starts.length === 0) return fail(`"${words}" is not in the passage`);
  if (nth === undefined && starts.length > 1)
    return fail(`"${words}" occurs ${starts.length} times: give its nth (0-based)`);
  const start = starts[nth ?? 0];
  if (start === undefined) return fail(`"${words}" occurs ${starts.length} times, there is no nth ${nth}`);
  return { ok: true, value: [start, start + words.length] };
}

/** The result a draft or record names, checked against its URL when one is known. */
export function resultAt(
  answer: SearchAnswer,
  rank: number,
  url?: string,
): Result<SearchAnswer["results"][number]> {
  const result = answer.results.find((r) => r.rank === rank);
  if (!result) return fail(`the answer to "${answer.query}" has no result of rank ${rank}`);
  if (url !== undefined && result.url !== url)
    return fail(`rank ${rank} of "${answer.query}" is ${result.url}, not ${url}`);
  return { ok: true, value: result };
}

const whole = (at: number): Result<[number, number]> => ({ ok: true, value: [at, at] });

/** Turns a draft's anchors into offsets: the committed record, which holds no text of the article. */
export function ingestDraft(draft: Draft, answer: SearchAnswer): Result<PassageRecord> {
  const result = resultAt(answer, draft.rank);
  if (!result.ok) return result;
  const { excerpt, url } = result.value;
  if (url === undefined)
    return fail(`rank ${draft.rank} of "${answer.query}" has no URL: take another result`);
  const start = draft.from === undefined ? whole(0) : locate(excerpt, draft.from, 0);
  if (!start.ok) return fail(`from: ${start.error}`);
  const end = draft.to === undefined ? whole(excerpt.length) : locate(excerpt, draft.to, 0, start.value[0]);
  if (!end.ok) return fail(`to: ${end.error}`);
  const slice: [number, number] = [start.value[0], end.value[1]];
  const text = excerpt.slice(slice[0], slice[1]);
  const gold: PassageRecord["gold"] = [];
  for (const { at, nth, ...figure } of draft.gold) {
    const span = locate(text, at, nth);
    if (!span.ok) return fail(`gold ${figure.metric} ${figure.min}–${figure.max}: ${span.error}`);
    gold.push({ ...figure, span: span.value });
  }
  const distractors: PassageRecord["distractors"] = [];
  for (const { at, nth, ...distractor } of draft.distractors) {
    const span = locate(text, at, nth);
    if (!span.ok) return fail(`distractor ${distractor.value}: ${span.error}`);
    distractors.push({ ...distractor, span: span.value });
  }
  return {
    ok: true,
    value: {
      id: draft.id,
      url,
      outlet: draft.outlet,
      date: draft.date,
      lang: draft.lang,
      found_by: { corpus: "pages", query: answer.query, rank: draft.rank },
      slice,
      sha256: sha256(text),
      gold,
      distractors,
    },
  };
}

/** The passage's text out of the saved answers to its query, or why it cannot be had. */
export function rebuildText(record: PassageRecord, answers: readonly SearchAnswer[]): Result<string> {
  const candidates = answers.filter((a) => a.query === record.found_by.query);
  if (candidates.length === 0) return fail(`no saved answer to the query "${record.found_by.query}"`);
  const errors: string[] = [];
  for (const answer of candidates) {
    const result = resultAt(answer, record.found_by.rank, record.url);
    if (!result.ok) {
      errors.push(result.error);
      continue;
    }
    const text = result.value.excerpt.slice(record.slice[0], record.slice[1]);
    if (sha256(text) === record.sha256) return { ok: true, value: text };
    errors.push(
      `the passage at ${record.slice.join("–")} of rank ${record.found_by.rank} does not match its sha256`,
    );
  }
  return fail(errors.join("; "));
}

export function goldLine(record: PassageRecord, text: string): GoldLine {
  return {
    id: record.id,
    lang: record.lang,
    date: record.date,
    url: record.url,
    text,
    gold: record.gold.map(({ span: _span, ...figure }) => figure),
    distractors: record.distractors.map((d) => d.value),
  };
}

/** Lower-case runs of eight words, to find two copies of one agency story. */
function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 8 <= words.length; i++) out.add(words.slice(i, i + 8).join(" "));
  return out;
}

/** Pairs of passages that share a fifth of their 8-word runs: copies of one story count once. */
export function nearCopies(texts: readonly { id: string; text: string }[]): [string, string][] {
  const sets = texts.map((t) => ({ id: t.id, runs: shingles(t.text) }));
  const pairs: [string, string][] = [];
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const a = sets[i]!;
      const b = sets[j]!;
      const smaller = Math.min(a.runs.size, b.runs.size);
      if (smaller === 0) continue;
      let shared = 0;
      for (const run of a.runs) if (b.runs.has(run)) shared++;
      if (shared / smaller >= 0.2) pairs.push([a.id, b.id]);
    }
  }
  return pairs;
}
