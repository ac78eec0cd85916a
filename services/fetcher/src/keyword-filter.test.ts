import { describe, expect, it } from "vitest";
import { KeywordFilter } from "./keyword-filter";

describe("KeywordFilter", () => {
  it("matches the operator's and the guilds' keywords, umlauts either way", async () => {
    const filter = new KeywordFilter(["Pjöngjang"], async () => ["Kursk"]);
    const matches = await filter.current();
    expect(matches("Neue Raketentests in Pjoengjang")).toBe(true);
    expect(matches("PJÖNGJANG meldet")).toBe(true);
    expect(matches("Lage in Kursk")).toBe(true);
    expect(matches("Wetter in Berlin")).toBe(false);
  });

  it("recompiles only when the list changed", async () => {
    let guildKeywords = ["Kursk"];
    const filter = new KeywordFilter(["Nordkorea"], async () => guildKeywords);
    const first = await filter.current();
    expect(await filter.current()).toBe(first);
    guildKeywords = ["Kursk", "Südkorea"];
    const second = await filter.current();
    expect(second).not.toBe(first);
    expect(second("Suedkorea warnt")).toBe(true);
    guildKeywords = ["Südkorea", "Kursk"];
    expect(await filter.current()).toBe(second);
  });
});
