import { keywordMatcher } from "@zw/feeds";

/**
 * The watched keywords as one compiled matcher: the operator's plus every guild's, re-read on each
 * use and recompiled only when the list changed.
 */
export class KeywordFilter {
  private key = "";
  private matcher: (text: string) => boolean = () => false;

  constructor(
    private readonly operatorKeywords: readonly string[],
    private readonly listKeywords: () => Promise<string[]>,
  ) {}

  async current(): Promise<(text: string) => boolean> {
    const keywords = [...new Set([...this.operatorKeywords, ...(await this.listKeywords())])].sort();
    const key = keywords.join("\n");
    if (key !== this.key) {
      this.matcher = keywordMatcher(keywords);
      this.key = key;
    }
    return this.matcher;
  }
}
