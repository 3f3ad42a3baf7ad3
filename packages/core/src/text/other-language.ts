/**
 * Latin words a Chinese interface may show as they are: the product name, abbreviations bank staff use as words
 * (FTP, NPL, CNY), risk grades, file formats and encodings, k (the number of clusters) and ARI (the adjusted
 * Rand index a clustering's stability is measured by), Excel (whose date serials an import reads) and the names
 * of the characters an import refuses (NUL, ESC, BEL, U+FFFD).
 */
export const LATIN_WORDS_IN_CHINESE: ReadonlySet<string> = new Set([
  "CreditSeg",
  "FTP",
  "NPL",
  "CNY",
  "AAA",
  "AA",
  "A",
  "B",
  "BBB",
  "CSV",
  "XLSX",
  "GBK",
  "GB18030",
  "UTF",
  "BOM",
  "k",
  "ARI",
  "Excel",
  "NUL",
  "ESC",
  "BEL",
  "FFFD",
]);

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]/u;
const TOKEN = /\S+/gu;
const LATIN_WORD = /[A-Za-z]+/gu;

/**
 * The words in `text` that belong to the other interface language: on an English page any token with a Chinese
 * character (or full-width punctuation); on a Chinese page any Latin word outside LATIN_WORDS_IN_CHINESE.
 * Tokens with a digit, `@`, `_` or `.` inside (customer and loan ids, e-mail addresses, file names) are codes users
 * type and are left alone, as are single Latin letters (units like m, axis letters).
 */
export function findOtherLanguageWords(text: string, locale: "zh-CN" | "en"): string[] {
  const found: string[] = [];
  for (const token of text.match(TOKEN) ?? []) {
    if (locale === "en") {
      if (CJK.test(token)) found.push(token);
      continue;
    }
    if (/[\d@_]|\w\.\w/u.test(token)) continue;
    for (const word of token.match(LATIN_WORD) ?? []) {
      if (word.length > 1 && !LATIN_WORDS_IN_CHINESE.has(word)) found.push(word);
    }
  }
  return found;
}
