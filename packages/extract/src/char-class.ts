/**
 * A one-character regex class as a test of UTF-16 units, its answers remembered per unit. The
 * phrase reader and the sentence splitter test single characters many times per article, and a
 * regex call per character (with the u flag, for Unicode classes) showed in the extraction profile.
 */
export function charClass(re: RegExp): (code: number) => boolean {
  // 0: not yet known, 1: no, 2: yes.
  const known = new Uint8Array(65536);
  return (code) => {
    let answer = known[code];
    if (answer === undefined) return false; // NaN: past the end of the text
    if (answer === 0) {
      answer = re.test(String.fromCharCode(code)) ? 2 : 1;
      known[code] = answer;
    }
    return answer === 2;
  };
}

export const isLowerCase = charClass(/\p{Ll}/u);
export const isUpperCase = charClass(/\p{Lu}/u);
export const isLetterOrDigit = charClass(/[\p{L}\p{N}]/u);
