import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type Event, type Figure, IsoDate, Lang, type Report } from "@zw/core";
import { z } from "zod";
import type { ClaimLedger } from "./claim-ledger";

/** One entry of seeds/seeds.json: a seed article and what the text itself does not say reliably. */
export const SeedSchema = z.object({
  file: z.string().regex(/^[\w.-]+$/, "expected a file name inside the seeds directory"),
  lang: Lang,
  outlet: z.string().nullable(),
  date: IsoDate.nullable(),
  note: z.string().optional(),
});
export const SeedsSchema = z.array(SeedSchema);
export type Seed = z.infer<typeof SeedSchema>;

export interface SeedArticle {
  seed: Seed;
  report: Report;
  text: string;
}

/** The extractor, passed in so the store does not depend on it: `extractFigures` of @zw/extract. */
export type ExtractFigures = (text: string, options: { lang: Lang; date: string | null }) => Figure[];

export interface BaselineOptions {
  seedsDir: string;
  extractFigures: ExtractFigures;
}

export interface BaselineResult {
  /** False when the ledger already had claims and nothing was done. */
  loaded: boolean;
  articles: SeedArticle[];
  /** The events the seeds cause among themselves; nobody is alerted. */
  events: Event[];
}

/**
 * The seed articles of `<seedsDir>/seeds.json`, in the order the baseline reads them: by date,
 * undated last. Each is "read" at the URL `seeds/<file>`, its title the text's first line when short.
 */
export async function readSeeds(seedsDir: string): Promise<SeedArticle[]> {
  const index = join(seedsDir, "seeds.json");
  let seeds: Seed[];
  try {
    seeds = SeedsSchema.parse(JSON.parse(await readFile(index, "utf8")));
  } catch (error) {
    const reason = error instanceof z.ZodError ? z.prettifyError(error) : (error as Error).message;
    throw new Error(`cannot read the seed list ${index}: ${reason}`);
  }
  const articles = await Promise.all(
    seeds.map(async (seed) => {
      const text = await readFile(join(seedsDir, seed.file), "utf8");
      const first =
        text
          .split("\n")
          .find((line) => line.trim())
          ?.trim() ?? "";
      // A first line that long is the lead paragraph, not a headline.
      const title = first && first.length <= 150 ? first : null;
      const report: Report = {
        url: `seeds/${seed.file}`,
        outlet: seed.outlet,
        title,
        publishedAt: seed.date,
      };
      return { seed, report, text };
    }),
  );
  return articles.sort((a, b) => (a.seed.date ?? "9999").localeCompare(b.seed.date ?? "9999"));
}

/**
 * Loads the seeds into an empty ledger, so that the first poll does not flood a channel with old
 * news; a no-op when the ledger already has claims. Two processes starting at once are harmless:
 * ingesting is idempotent per article.
 */
export async function loadBaseline(ledger: ClaimLedger, options: BaselineOptions): Promise<BaselineResult> {
  const articles = await readSeeds(options.seedsDir);
  if (!(await ledger.isEmpty())) return { loaded: false, articles, events: [] };
  // Extract every seed before writing any: a failing extractor must not leave half a baseline,
  // which the next start would take for a loaded one.
  const extracted = articles.map(({ seed, report, text }) => ({
    report: { ...report, contentHash: sha256(text) },
    figures: options.extractFigures(text, { lang: seed.lang, date: seed.date }),
  }));
  const events: Event[] = [];
  for (const { report, figures } of extracted) events.push(...(await ledger.ingestArticle(report, figures)));
  return { loaded: true, articles, events };
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
