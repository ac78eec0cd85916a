import { describe, expect, it } from "vitest";
import { readArchive } from "./replay";

const line = (fields: Record<string, unknown>) => JSON.stringify({ text: "Some text.", ...fields });

describe("readArchive", () => {
  it("orders by the day the claims are dated by, equal days in file order, whatever the time and zone", () => {
    const { articles, bad } = readArchive(
      [
        // 2025-03-02 by its own date, though the instant is 2025-03-01T20:00Z.
        line({ id: "a", date: "2025-03-02T05:00:00+09:00" }),
        line({ id: "b", date: "2025-03-01T23:00:00Z" }),
        line({ id: "c", date: "2025-03-02" }),
        line({ id: "d", date: "2025-03-01" }),
        line({ id: "e", date: "2025-03-02T00:30:00-05:00" }),
      ].join("\n"),
    );
    expect(bad).toEqual([]);
    expect(articles.map((a) => a.id)).toEqual(["b", "d", "a", "c", "e"]);
  });

  it("refuses a date that is no day of the calendar, naming it, and reads the rest", () => {
    const { articles, bad } = readArchive(
      [
        line({ id: "feb-30", date: "2025-02-30" }),
        line({ id: "ok", date: "2024-02-29" }),
        line({ id: "feb-29", date: "2025-02-29T10:00:00Z" }),
        line({ id: "month-13", date: "2025-13-01" }),
        line({ id: "day-0", date: "2025-01-00" }),
        line({ id: "hour-25", date: "2025-01-01T25:00:00Z" }),
        line({ id: "junk-after", date: "2025-01-01 sometime" }),
      ].join("\n"),
    );
    expect(articles.map((a) => a.id)).toEqual(["ok"]);
    expect(bad.map((b) => b.line)).toEqual([1, 3, 4, 5, 6, 7]);
    expect(bad[0]!.error).toMatch(/^date: 2025-02-30 is not a day of the calendar/);
    expect(bad[1]!.error).toMatch(/^date: 2025-02-29 is not a day of the calendar/);
    expect(bad[4]!.error).toMatch(/^date: "2025-01-01T25:00:00Z" is not an ISO timestamp/);
  });

  it("gives every article a string id and names duplicate ids and URLs", () => {
    const { articles, duplicates } = readArchive(
      [
        line({ id: 7, date: "2025-01-01", url: "https://a.example/1" }),
        line({ id: "7", date: "2025-01-02", url: "https://a.example/2" }),
        line({ id: "x", date: "2025-01-03", url: "https://a.example/1" }),
        line({ date: "2025-01-04" }),
      ].join("\n"),
    );
    expect(articles.map((a) => a.id)).toEqual(["7", "7", "x", "line-4"]);
    expect(articles.every((a) => typeof a.id === "string")).toBe(true);
    expect(duplicates).toEqual([
      { line: 2, error: 'id "7" is also the id of line 1' },
      { line: 3, error: "url https://a.example/1 is also the url of line 1" },
    ]);
  });
});
