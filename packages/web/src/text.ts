/**
 * Folds Turkish text for matching what people type without Turkish letters: "cop" finds
 * "Çöp", "istanbul" finds "İSTANBUL". I and İ are mapped by hand first because only the 'tr'
 * locale lower-cases them right (I → ı, İ → i), and not every browser ships that locale.
 */
const ASCII: Record<string, string> = { ç: 'c', ğ: 'g', ı: 'i', ö: 'o', ş: 's', ü: 'u' };

export function foldForSearch(text: string): string {
  return text
    .replace(/I/g, 'ı')
    .replace(/İ/g, 'i')
    .toLocaleLowerCase('tr')
    .replace(/[çğıöşü]/g, (letter) => ASCII[letter] ?? letter);
}
