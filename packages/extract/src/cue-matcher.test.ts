import { describe, expect, it } from "vitest";
import { CueIndex, Lexicon, TextCues } from "./cue-matcher";

const sources = new Lexicon([
  ["südkorea", "KR"],
  ["südkoreanischen geheimdienst", "NIS"],
  ["nis", "NIS"],
  ["ukraine's military intelligence", "HUR"],
  ["kyiv", "UA"],
]);
const outlets = new Lexicon([["kyiv independent", "outlet"]]);
const index = new CueIndex([sources, outlets]);

function cuesOf(text: string) {
  return new TextCues(text, index, [{ start: 0, end: text.length }]);
}

describe("CueIndex and TextCues", () => {
  it("prefers the longest cue and matches stems at word starts only", () => {
    const text = "Nach Angaben des Südkoreanischen Geheimdienstes, sagte ein Südkoreaner.";
    const hits = cuesOf(text).scan(sources, 0, text.length);
    expect(hits.map((h) => [text.slice(h.start, h.end), h.value])).toEqual([
      ["Südkoreanischen Geheimdienst", "NIS"],
      ["Südkorea", "KR"],
    ]);
    expect(cuesOf("Nordsüdkorea").scan(sources, 0, 12)).toEqual([]);
  });

  it("needs a whole word for cues of up to four letters", () => {
    const text = "Die NIS-Zahlen, nicht Tennis und nicht NISSAN.";
    const hits = cuesOf(text).scan(sources, 0, text.length);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(["NIS"]);
  });

  it("matches across line breaks and typographic apostrophes", () => {
    const text = "Ukraine’s military\nintelligence said so.";
    expect(cuesOf(text).at(sources, 0)).toMatchObject({ value: "HUR", end: text.indexOf(" said") });
  });

  it("keeps lexicons apart: a longer cue of one does not hide a shorter one of another", () => {
    const text = "told the Kyiv Independent";
    const cues = cuesOf(text);
    expect(cues.scan(outlets, 0, text.length).map((h) => h.value)).toEqual(["outlet"]);
    expect(cues.scan(sources, 0, text.length).map((h) => h.value)).toEqual(["UA"]);
    expect(cues.has(sources, 0, 8)).toBe(false);
    expect(cues.has(sources, 9, text.length)).toBe(true);
  });
});
