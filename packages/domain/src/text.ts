/**
 * Turkish-aware case folding. Done in code because PGlite has no ICU collations and the
 * default `lower()` maps 'I' to 'i' where Turkish wants 'ı' (and 'İ' to 'i̇').
 */
export function turkishLower(text: string): string {
  return text.replace(/I/g, 'ı').replace(/İ/g, 'i').toLocaleLowerCase('tr-TR');
}

export function turkishUpper(text: string): string {
  return text.replace(/i/g, 'İ').replace(/ı/g, 'I').toLocaleUpperCase('tr-TR');
}

/** Title case as Turkish writes names: "19 MAYIS" → "19 Mayıs", "İLKADIM" → "İlkadım". */
export function turkishTitle(text: string): string {
  return turkishLower(text)
    .split(/(\s+|-)/)
    .map((part) => (part.length > 0 ? turkishUpper(part[0] ?? '') + part.slice(1) : part))
    .join('');
}

const ASCII_FOLD: Record<string, string> = { ç: 'c', ğ: 'g', ı: 'i', ö: 'o', ş: 's', ü: 'u', â: 'a', î: 'i', û: 'u' };

/**
 * Lower-cased, Turkish letters folded to ASCII: for matching text typed without them. The one
 * fold of the project: the web app filters with it, and SQL's search_fold() (migration 0013)
 * must fold alike (packages/server/test/search-fold.test.ts).
 */
export function foldForSearch(text: string): string {
  return turkishLower(text).replace(/[çğıöşüâîû]/g, (c) => ASCII_FOLD[c] ?? c);
}

/** A URL-safe code from a Turkish name: "Su Kesintisi" → "su-kesintisi". */
export function slugify(text: string): string {
  return foldForSearch(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
