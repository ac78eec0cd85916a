import { describe, expect, it } from "vitest";
import { goldLine, ingestDraft, locate, nearCopies, rebuildText, sha256 } from "./passages";
import type { Draft, SearchAnswer } from "./schema";

const answer: SearchAnswer = {
  corpus: "pages",
  query: "test query",
  results: [
    {
      rank: 1,
      url: "https://example.org/a",
      excerpt: "Header line\nSeoul said about 2,000 soldiers were sent in 2025. More later.",
    },
    { rank: 2, url: "https://example.org/b", excerpt: "Nothing here." },
  ],
};
const draft: Draft = {
  id: "en-example-a",
  answer: "q.json",
  rank: 1,
  outlet: "Example",
  date: "2025-05-01",
  lang: "en",
  from: "Seoul said",
  to: "in 2025.",
  gold: [
    {
      metric: "troops_deployed_total",
      min: 2000,
      max: 2000,
      qualifier: "approx",
      source: ["KR_GOV"],
      modality: "reported",
      region: null,
      at: "about 2,000",
    },
  ],
  distractors: [{ value: 2025, at: "2025", reason: "a year" }],
};

describe("the dev set's passages", () => {
  it("keeps offsets and a hash, never the text, and rebuilds the text from the saved answer", () => {
    const record = ingestDraft(draft, answer);
    if (!record.ok) throw new Error(record.error);
    const text = "Seoul said about 2,000 soldiers were sent in 2025.";
    expect(record.value).toMatchObject({
      url: "https://example.org/a",
      slice: [12, 12 + text.length],
      sha256: sha256(text),
    });
    expect(JSON.stringify(record.value)).not.toContain("soldiers");
    expect(record.value.gold[0]?.span).toEqual([11, 22]);
    expect(rebuildText(record.value, [answer])).toEqual({ ok: true, value: text });
    expect(goldLine(record.value, text)).toMatchObject({
      distractors: [2025],
      gold: [{ metric: "troops_deployed_total" }],
    });
  });

  it("says why a text cannot be rebuilt: no answer, another result at the rank, a changed excerpt", () => {
    const record = ingestDraft(draft, answer);
    if (!record.ok) throw new Error(record.error);
    expect(rebuildText(record.value, [])).toMatchObject({
      ok: false,
      error: expect.stringContaining("no saved answer"),
    });
    const moved = { ...answer, results: [{ ...answer.results[1]!, rank: 1 }] };
    expect(rebuildText(record.value, [moved])).toMatchObject({
      error: expect.stringContaining("not https://example.org/a"),
    });
    const edited = {
      ...answer,
      results: [{ ...answer.results[0]!, excerpt: answer.results[0]!.excerpt.replace("2,000", "3,000") }],
    };
    expect(rebuildText(record.value, [edited])).toMatchObject({ error: expect.stringContaining("sha256") });
  });

  it("refuses an anchor that is missing or ambiguous", () => {
    expect(locate("a b a", "a", undefined)).toMatchObject({
      ok: false,
      error: expect.stringContaining("2 times"),
    });
    expect(locate("a b a", "a", 1)).toEqual({ ok: true, value: [4, 5] });
    expect(locate("a b", "c", undefined)).toMatchObject({ ok: false });
    const wrong = { ...draft, gold: [{ ...draft.gold[0]!, at: "about 3,000" }] };
    expect(ingestDraft(wrong, answer)).toMatchObject({
      ok: false,
      error: expect.stringContaining("about 3,000"),
    });
  });

  it("finds two copies of one story", () => {
    const story = "one two three four five six seven eight nine ten eleven twelve";
    expect(
      nearCopies([
        { id: "a", text: story },
        { id: "b", text: `${story} more` },
        { id: "c", text: "other words" },
      ]),
    ).toEqual([["a", "b"]]);
  });
});
