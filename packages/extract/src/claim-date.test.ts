import { describe, expect, it } from "vitest";
import { claimDate } from "./claim-date";

const date = (sentence: string, article: string | null = "2025-02-27") =>
  claimDate(sentence, 0, sentence.length, article);

describe("claimDate", () => {
  it("reads German and English dates with and without a year", () => {
    expect(date("Umerov sagte am 5. November 2024, ...")).toBe("2024-11-05");
    expect(date("Am 3. Februar sagte er, ...")).toBe("2025-02-03");
    expect(date("The NIS said on Nov. 13, 2024 that ...")).toBe("2024-11-13");
    expect(date("The NIS said on January 13 that ...")).toBe("2025-01-13");
    expect(date("Stand: 25.10.2024 11:36 Uhr")).toBe("2024-10-25");
    expect(date("published 2024-12-01")).toBe("2024-12-01");
  });

  it("places a day without a year on or before the article's date", () => {
    expect(date("Am 20. Dezember meldete Seoul ...", "2025-01-05")).toBe("2024-12-20");
  });

  it("places a weekday in the week before the article's date", () => {
    // 2025-02-27 is a Thursday.
    expect(date("said on Wednesday")).toBe("2025-02-26");
    expect(date("sagte Budanow am Sonntag")).toBe("2025-02-23");
    expect(date("am Donnerstag")).toBe("2025-02-27");
    expect(date("said on Wednesday", null)).toBeNull();
  });

  it("ignores dates a claim is not made on, and modal 'may'", () => {
    expect(date("seit dem 5. November kämpfen sie")).toBeNull();
    expect(date("since January 3 they have fought")).toBeNull();
    expect(date("about 30 may have died")).toBeNull();
    expect(date("keine Angabe")).toBeNull();
  });

  it("reads no month at the start of a longer word: 'Junioren', 'Mayors', 'Sepия'", () => {
    expect(date("Die 12 Junioren kamen am Montag.")).toBe("2025-02-24");
    expect(date("12 Junioren, 3 Mayors")).toBeNull();
    expect(date("5 Sepия")).toBeNull();
  });
});
