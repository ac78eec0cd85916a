import type { Alert, Claim, Event } from "@zw/core";
import { describe, expect, it } from "vitest";
import { ALERT_COLORS, renderAlert, renderDigest, renderMessage } from "./alert";
import { limitViolations } from "./limits";
import { plainText } from "./plain-text";

function claim(overrides: Partial<Claim> = {}): Claim {
  return {
    id: "c1",
    metric: "troops_deployed_total",
    min: 11000,
    max: 11000,
    qualifier: "approx",
    source: "NIS",
    modality: "reported",
    region: null,
    date: "2025-02-27",
    quote: "Rund 11.000 nordkoreanische Soldaten wurden nach Russland geschickt.",
    span: [0, 10],
    url: "https://www.tagesschau.de/ausland/nordkorea-100.html",
    outlet: "tagesschau.de",
    title: "Nordkorea schickt Soldaten",
    publishedAt: "2025-02-27T10:00:00Z",
    reports: [
      {
        url: "https://www.tagesschau.de/ausland/nordkorea-100.html",
        outlet: "tagesschau.de",
        title: null,
        publishedAt: null,
      },
    ],
    ...overrides,
  };
}

const changed: Event = {
  id: "e1",
  type: "estimate_changed",
  basis: "revision",
  metric: "troops_deployed_total",
  previous: claim({
    id: "c0",
    min: 10000,
    max: 10000,
    qualifier: "exact",
    source: "KR_GOV",
    date: "2024-12-01",
    url: "https://en.yna.co.kr/view/1",
    outlet: "Yonhap",
  }),
  current: claim({ min: 12000, max: 12000, qualifier: "at_least" }),
  change: { absolute: 2000, relative: 0.2, direction: "up" },
};

const MENTION = /@everyone|@here|<@!?\d+>|<@&\d+>|<#\d+>/i;

describe("renderAlert", () => {
  it("an estimate change says what changed, by how much, who says so, the sentence and the date", () => {
    const body = renderAlert(changed, "en");
    expect(body.embeds).toEqual([
      {
        color: ALERT_COLORS.estimate_changed,
        footer: { text: "Zahlenwacht · Estimate changed" },
        title: "Troops deployed (total): 10,000 → at least 12,000",
        url: "https://www.tagesschau.de/ausland/nordkorea-100.html",
        description: "▲ +2,000 (+20%) · The source revised its own figure",
        fields: [
          {
            name: "Who says so",
            value:
              "**South Korea's NIS**, via tagesschau.de: [Nordkorea schickt Soldaten](https://www.tagesschau.de/ausland/nordkorea-100.html) · 27 Feb 2025",
          },
          {
            name: "Statement",
            value: "> Rund 11.000 nordkoreanische Soldaten wurden nach Russland geschickt.",
          },
          {
            name: "Before",
            value:
              "10,000 · **South Korea's government**, via Yonhap: [Nordkorea schickt Soldaten](https://en.yna.co.kr/view/1) · 1 Dec 2024",
          },
        ],
        timestamp: "2025-02-27T10:00:00.000Z",
      },
    ]);
  });

  it("speaks German with German numbers and qualifiers", () => {
    const [embed] = renderAlert(changed, "de").embeds;
    expect(embed?.title).toBe("Entsandte Soldaten (gesamt): 10.000 → mindestens 12.000");
    expect(embed?.description).toBe("▲ +2.000 (+20\u00a0%) · Die Quelle korrigiert ihre eigene Zahl");
    expect(embed?.fields?.[0]?.value).toContain("Südkoreas Geheimdienst NIS");
    expect(embed?.fields?.[0]?.value).toContain("27.02.2025");
  });

  it("a conflict shows both claims side by side", () => {
    const event: Event = {
      id: "e2",
      type: "conflict",
      metric: "killed",
      claims: [
        claim({ metric: "killed", min: 300, max: 300, source: "NIS" }),
        claim({ metric: "killed", min: 3000, max: null, qualifier: "more_than", source: "UA_GOV" }),
      ],
    };
    const [embed] = renderAlert(event, "en").embeds;
    expect(embed?.title).toBe("Conflicting figures: Killed");
    expect(embed?.color).toBe(ALERT_COLORS.conflict);
    expect(embed?.fields?.map((f) => [f.name, f.inline])).toEqual([
      ["Claim 1: about 300", true],
      ["Claim 2: more than 3,000", true],
    ]);
    expect(embed?.fields?.[1]?.value).toContain("Ukraine's government");
  });

  it("an inconsistency shows the arithmetic", () => {
    const event: Event = {
      id: "e3",
      type: "inconsistency",
      metric: "casualties_total",
      rule: "sum_mismatch",
      claims: [
        claim({ metric: "killed", min: 300, max: 300 }),
        claim({ metric: "wounded", min: 2700, max: 2700 }),
        claim({ metric: "casualties_total", min: 4000, max: 4000 }),
      ],
      expected: 3000,
      actual: 4000,
      formula: "killed + wounded = casualties_total",
    };
    const [embed] = renderAlert(event, "en").embeds;
    expect(embed?.description).toBe(
      "killed + wounded = casualties\\_total\nexpected: **3,000** · reported: **4,000**",
    );
    expect(embed?.fields).toHaveLength(3);
  });

  it("renders every other event type and both feed notices", () => {
    const alerts: Alert[] = [
      {
        id: "n",
        type: "new_metric",
        metric: "captured",
        claim: claim({ metric: "captured", min: 2, max: 2, qualifier: "exact" }),
      },
      {
        id: "p",
        type: "projection",
        metric: "troops_deployed_total",
        claim: claim({ modality: "projected", min: null, max: 12000, qualifier: "up_to" }),
      },
      {
        id: "d",
        type: "denial",
        metric: "troops_deployed_total",
        claim: claim({ modality: "denied", source: "RU_GOV" }),
      },
      {
        id: "r",
        type: "corroboration",
        metric: "troops_deployed_total",
        claim: claim(),
        report: {
          url: "https://www.n-tv.de/x",
          outlet: "n-tv.de",
          title: null,
          publishedAt: "2025-02-28T08:00:00Z",
        },
      },
      { id: "f", type: "feed_failing", feedUrl: "https://example.org/rss", reason: "HTTP 503 (5 times)" },
      { id: "g", type: "feed_recovered", feedUrl: "https://example.org/rss", reason: null },
    ];
    const titles = alerts.map((a) => renderAlert(a, "en").embeds[0]?.title);
    expect(titles).toEqual([
      "New figure: Captured 2",
      "Projection: Troops deployed (total) up to 12,000",
      "Denial: Troops deployed (total) about 11,000",
      "Corroborated: Troops deployed (total) about 11,000",
      "Feed failing",
      "Feed recovered",
    ]);
    const failing = renderAlert(alerts[4]!, "de").embeds[0];
    expect(failing?.fields).toEqual([
      { name: "Feed", value: "https://example.org/rss" },
      { name: "Grund", value: "HTTP 503 (5 times)" },
    ]);
    expect(renderAlert(alerts[3]!, "en").embeds[0]?.fields?.[1]?.value).toBe(
      "[n-tv.de](https://www.n-tv.de/x) · 28 Feb 2025",
    );
  });

  it("stays within every limit when fed 10 KB quotes and titles", () => {
    const huge = "Soldaten ".repeat(1200);
    const big = claim({ quote: huge, outlet: huge, title: huge });
    const alerts: Alert[] = [
      { ...changed, current: big, previous: big },
      { id: "c", type: "conflict", metric: "killed", claims: [big, big] },
      {
        id: "i",
        type: "inconsistency",
        metric: "killed",
        rule: "sum_mismatch",
        claims: Array.from({ length: 30 }, () => big),
        expected: 1,
        actual: 2,
        formula: huge,
      },
      { id: "f", type: "feed_failing", feedUrl: `https://example.org/${"x".repeat(3000)}`, reason: huge },
    ];
    for (const alert of alerts) {
      const body = renderAlert(alert, "de");
      expect(huge.length).toBeGreaterThan(10_000);
      expect(limitViolations(body), alert.type).toEqual([]);
    }
  });

  it("never lets feed text mention anyone or hide a link", () => {
    const evil =
      "@everyone <@&123> <@123456789012345678> <#123456789012345678> @here [click](http://evil.example)";
    const body = renderAlert(
      {
        ...changed,
        current: claim({ quote: evil, outlet: evil, title: evil }),
        previous: claim({ outlet: evil }),
      },
      "en",
    );
    const text = JSON.stringify(body);
    expect(text).not.toMatch(MENTION);
    expect(text).not.toContain("[click](http");
  });
});

describe("renderDigest", () => {
  it("puts several events into one message, one field each", () => {
    const body = renderDigest(
      [changed, { id: "f", type: "feed_failing", feedUrl: "https://example.org/rss", reason: "timeout" }],
      "en",
      "2025-02-28",
    );
    const [embed] = body.embeds;
    expect(embed?.title).toBe("Daily digest: 28 Feb 2025");
    expect(embed?.description).toBe("2 events");
    expect(embed?.fields?.map((f) => f.name)).toEqual([
      "Troops deployed (total): 10,000 → at least 12,000",
      "Feed failing: https://example.org/rss",
    ]);
  });

  it("stays within the limits with more events than fields", () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      ...changed,
      id: `e${i}`,
      current: claim({ quote: "x ".repeat(2000) }),
    }));
    const body = renderDigest(many, "de");
    expect(limitViolations(body)).toEqual([]);
    expect(body.embeds[0]?.fields?.at(-1)?.name).toBe("… und 36 weitere");
  });
});

describe("renderMessage: an article's alerts as one message", () => {
  const conflict: Event = {
    id: "e2",
    type: "conflict",
    metric: "killed",
    claims: [
      claim({ metric: "killed", source: "NIS" }),
      claim({ metric: "killed", source: "KP_GOV", min: 9, max: 9 }),
    ],
  };
  const fresh: Event = {
    id: "e3",
    type: "new_metric",
    metric: "captured",
    claim: claim({ metric: "captured" }),
  };

  it("puts the most important first, one embed each", () => {
    const body = renderMessage([fresh, conflict, changed], "en");
    expect(body.embeds.map((e) => e.title)).toEqual([
      "Troops deployed (total): 10,000 → at least 12,000",
      "Conflicting figures: Killed",
      expect.stringMatching(/^New figure: /),
    ]);
  });

  it("says a consensus move with the consensus before and after and who is in it", () => {
    const moved: Event = {
      ...changed,
      basis: "consensus",
      consensus: {
        from: { best: 10000, low: 10000, high: 10000, sources: ["KR_GOV"] },
        to: { best: 11000, low: 10000, high: 12000, sources: ["NIS", "KR_GOV"] },
      },
      change: { absolute: 1000, relative: 0.1, direction: "up" },
    };
    const [embed] = renderMessage([moved], "de").embeds;
    expect(embed?.title).toBe("Entsandte Soldaten (gesamt): Konsens 10.000 → 11.000");
    expect(embed?.description).toBe("▲ +1.000 (+10\u00a0%) · Der Konsens der Quellen hat sich verschoben");
    expect(embed?.fields?.map((f) => [f.name, f.value])).toContainEqual([
      "Jetzt",
      "**11.000** (10.000 – 12.000), Median aus 2 Quellen: Südkoreas Geheimdienst NIS, Südkoreas Regierung",
    ]);
  });

  it("keeps within Discord's limits and counts what does not fit, pointing to /history", () => {
    const long = "Nordkoreanische Soldaten ".repeat(40);
    const many: Event[] = Array.from({ length: 30 }, (_, i) => ({
      ...conflict,
      id: `c${i}`,
      metric: i % 2 ? "killed" : "wounded",
      claims: [claim({ quote: long }), claim({ quote: long, source: "HUR" })],
    }));
    const body = renderMessage(many, "en");
    expect(limitViolations(body)).toEqual([]);
    const shown = body.embeds.length - 1;
    expect(shown).toBeGreaterThan(0);
    expect(body.embeds.at(-1)?.description).toBe(
      `… and ${30 - shown} more alerts about this article: /history wounded, /history killed`,
    );
  });
});

describe("plainText", () => {
  it("prints a message without Discord's markdown: links written out, no bold, no escapes, quotes quoted", () => {
    const text = plainText(
      renderMessage(
        [{ ...changed, current: claim({ quote: "Sie *sagen* [x](y) 12.000", title: "A_B" }) }],
        "en",
      ),
    );
    expect(text).toContain(
      "Who says so: South Korea's NIS, via tagesschau.de: A_B <https://www.tagesschau.de/ausland/nordkorea-100.html>",
    );
    expect(text).toContain("Statement: “Sie *sagen* [x](y) 12.000”");
    // The feed's own brackets and stars are shown as written, and nothing else is markup.
    expect(text).not.toMatch(/\*\*|\\/);
  });
});
