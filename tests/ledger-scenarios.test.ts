import { join } from "node:path";
import type { Lang } from "@zw/core";
import { eventSummary } from "@zw/estimates";
import { extractFigures } from "@zw/extract";
import { ClaimLedger, loadBaseline } from "@zw/store";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestRedis } from "./fixtures/redis";

/** Later news, in German and English, read by the real extractor against the real seed baseline. */
const LATER = {
  nisUpdate: {
    url: "https://en.yna.co.kr/view/AEN20250510000100315",
    outlet: "Yonhap",
    date: "2025-05-10",
    lang: "en",
    text: "North Korea has sent about 14,000 troops to Russia in total, South Korea's National Intelligence Service said on Saturday. The spy agency told lawmakers in Seoul that the new contingents had arrived over the past weeks.",
  },
  ukraineConflict: {
    url: "https://www.tagesschau.de/ausland/selenskyj-nordkorea-100.html",
    outlet: "tagesschau.de",
    date: "2025-05-13",
    lang: "de",
    text: "Der ukrainische Präsident Selenskyj sagte am Dienstag in Kiew, Nordkorea habe bislang rund 11.000 Soldaten nach Russland entsandt.",
  },
  nisReprint: {
    url: "https://www.zeit.de/news/2025-05/11/nordkorea-14000-soldaten",
    outlet: "zeit.de",
    date: "2025-05-11",
    lang: "de",
    text: "Nordkorea hat nach Angaben des südkoreanischen Geheimdienstes NIS insgesamt etwa 14.000 Soldaten nach Russland geschickt. (dpa)",
  },
  projection: {
    url: "https://www.dw.com/en/north-korea-could-send-30000/a-1",
    outlet: "DW",
    date: "2025-05-20",
    lang: "en",
    text: "North Korea could send up to 30,000 troops to Russia in total, South Korea's National Intelligence Service warned on Tuesday.",
  },
  casualties: {
    url: "https://kyivindependent.com/hur-north-korean-casualties",
    outlet: "Kyiv Independent",
    date: "2025-05-20",
    lang: "en",
    text: "Ukraine's military intelligence (HUR) said 1,000 North Korean soldiers had been killed and 3,200 wounded in Kursk. In total, North Korea has suffered 6,000 casualties, HUR said.",
  },
} satisfies Record<string, { url: string; outlet: string; date: string; lang: Lang; text: string }>;

describe("the ledger with the real extractor: seed baseline, then later news", () => {
  const db = useTestRedis();
  let ledger: ClaimLedger;

  const read = async (article: (typeof LATER)[keyof typeof LATER]) => {
    const figures = extractFigures(article.text, { lang: article.lang, date: article.date });
    const report = { url: article.url, outlet: article.outlet, title: null, publishedAt: article.date };
    return (await ledger.ingestArticle(report, figures)).map(eventSummary);
  };

  beforeAll(() => {
    ledger = new ClaimLedger(db.redis);
  });

  it("loads the seeds without alerting; among themselves they hold the 3,000-more-yet-11,000 inconsistency", async () => {
    const result = await loadBaseline(ledger, {
      seedsDir: join(import.meta.dirname, "../seeds"),
      extractFigures,
    });
    expect(result.loaded).toBe(true);
    expect(result.events.map((e) => `${e.type} ${e.metric}`)).toEqual([
      "new_metric troops_in_training",
      "projection troops_deployed_total",
      "new_metric officers",
      "new_metric generals",
      "new_metric troops_deployed_total",
      "new_metric troops_in_region",
      "new_metric ammo_share_percent",
      "new_metric troops_additional",
      "inconsistency troops_deployed_total",
      "new_metric casualties_total",
      "new_metric howitzers_delivered",
      "new_metric killed",
      "new_metric wounded",
      // The undated seed's "first 1,500 soldiers" name no place: the first such claim (US_GOV's names Kursk).
      "new_metric troops_in_region",
      "new_metric shells_delivered",
    ]);
    expect(result.events.map(eventSummary)).toContain(
      "inconsistency troops_deployed_total: additional_mismatch, expected 14000, reported 11000",
    );
    const estimate = await ledger.estimate("troops_deployed_total");
    expect(estimate.current).toMatchObject({ source: "JCS", date: "2025-03-27", min: 11000 });
  });

  it("an NIS update to about 14,000 is NIS revising its own undated figure of the seeds", async () => {
    expect(await read(LATER.nisUpdate)).toEqual([
      "estimate_changed troops_deployed_total: revision 12000 (NIS, undated) → ~14000 (NIS, 2025-05-10), +2000 (+16.7 %) up",
    ]);
  });

  it("a Ukrainian figure three days later is one conflict with NIS, not a fall of the estimate", async () => {
    expect(await read(LATER.ukraineConflict)).toEqual([
      "conflict troops_deployed_total: ~14000 (NIS, 2025-05-10) vs ~11000 (UA_GOV, 2025-05-13)",
    ]);
  });

  it("a syndicated German copy of the NIS claim is a corroboration, not news", async () => {
    expect(await read(LATER.nisReprint)).toEqual([
      "corroboration troops_deployed_total: ~14000 (NIS, 2025-05-10) reprinted by zeit.de",
    ]);
  });

  it("a projection is recorded but does not move the estimate", async () => {
    expect(await read(LATER.projection)).toEqual([
      "projection troops_deployed_total: ≤30000 (NIS, 2025-05-20, projected)",
    ]);
    const estimate = await ledger.estimate("troops_deployed_total");
    expect(estimate.current).toMatchObject({ source: "UA_GOV", min: 11000 });
    // The median of the sources' latest claims stays 11,000; NIS's 14,000 is the high end.
    expect(estimate.consensus).toMatchObject({ best: 11000, low: 11000, high: 14000 });
  });

  it("casualties that do not add up are an inconsistency", async () => {
    expect(await read(LATER.casualties)).toEqual([
      "estimate_changed killed: consensus 400 → 700 (HUR, KR_GOV) on 1000 (HUR, 2025-05-20), +300 (+75.0 %) up",
      // HUR's 3,200 wounded join the series of the seeds' ~3,600 (KR_GOV): another source, the
      // consensus moves by under a tenth, and 54 days apart it is no conflict: nothing to say.
      "estimate_changed casualties_total: consensus 4000 → 5000 (HUR, KR_GOV) on 6000 (HUR, 2025-05-20), +1000 (+25.0 %) up",
      "inconsistency casualties_total: sum_mismatch, expected 4200, reported 6000",
    ]);
  });

  it("the same articles processed twice change nothing and emit nothing", async () => {
    const before = await ledger.estimates();
    for (const article of Object.values(LATER)) expect(await read(article)).toEqual([]);
    expect(await ledger.estimates()).toEqual(before);
  });
});
