/**
 * The shape of a simulated year at a city's solution centre: when calls arrive, what they are
 * about, and the published totals the simulation is held to.
 *
 * Arrivals by hour and weekday come from the real call-level log of the Technion "Anonymous
 * Bank" call centre, August 1999 (../shared/data/call-centre, 41,768 calls that were not
 * phantoms, counted by the hour of arrival and by weekday). The bank worked an Israeli week
 * (Sunday to Thursday, a short Friday, Saturday nearly closed); its days are moved onto a
 * Turkish week (Monday to Friday) and, because ALO 153 answers 24/7, the weekend is lifted to
 * about half a working day. Months, holidays and topics are our estimates for Samsun (winter
 * water cuts and snow, summer weddings, heating aid in the cold months), not measurements.
 */

/** Calls arriving in each hour of the day, 00–23, from the bank log. */
export const HOUR_WEIGHTS = [223, 92, 37, 19, 16, 21, 130, 998, 2106, 3238, 3729, 3354, 3019, 2939, 3018, 3016, 2847, 2367, 2119, 1521, 1658, 2014, 1959, 1328];

/**
 * Calls per day by weekday, Monday first: the bank's Sunday–Thursday averages (1,796, 1,814,
 * 1,725, 1,522, 1,495) as Monday–Friday, then Saturday and Sunday at 55 % and 42 % of them.
 */
export const WEEKDAY_WEIGHTS = [1796, 1814, 1725, 1522, 1495, 915, 700];

/** Month factors, January first. */
export const MONTH_WEIGHTS = [1.12, 1.05, 0.95, 0.92, 0.95, 1.0, 1.05, 1.08, 1.0, 0.95, 0.93, 1.0];

/** A public holiday carries this share of an ordinary day's calls (a half day halfway). */
export const HOLIDAY_FACTOR = 0.6;

/**
 * Routed requests by leaf category (taxonomy.json codes), in shares of 100. Busiest groups:
 * reservations, social aid, sewerage, water (mostly cuts), as Samsun reported for 2025.
 * `months` narrows a seasonal topic to the months (1–12) it occurs in.
 */
export const TOPIC_SHARES: { code: string; share: number; months?: number[] }[] = [
  { code: 'nikah-salonu-rezervasyonu', share: 5 },
  { code: 'dugun-salonu-rezervasyonu', share: 4.5, months: [4, 5, 6, 7, 8, 9, 10] },
  { code: 'salon-rezervasyonu', share: 3 },
  { code: 'tesis-rezervasyonu', share: 2 },
  { code: 'rezervasyon-degisiklik', share: 1.5 },
  { code: 'sosyal-yardim-basvurusu', share: 6 },
  { code: 'gida-yardimi', share: 2.5 },
  { code: 'yakacak-yardimi', share: 1.5, months: [1, 2, 3, 10, 11, 12] },
  { code: 'engelli-hizmetleri', share: 1.2 },
  { code: 'hasta-nakil', share: 1.8 },
  { code: 'evde-bakim', share: 1 },
  { code: 'kanalizasyon-tikanikligi', share: 6 },
  { code: 'kanalizasyon-tasmasi', share: 2.5 },
  { code: 'rogar-kapagi', share: 1 },
  { code: 'yagmur-suyu-izgarasi', share: 1 },
  { code: 'fosseptik', share: 0.5 },
  { code: 'su-kesintisi', share: 6.5 },
  { code: 'su-arizasi', share: 1.5 },
  { code: 'dusuk-su-basinci', share: 0.8 },
  { code: 'su-kalitesi', share: 0.4 },
  { code: 'su-sayaci-fatura', share: 0.6 },
  { code: 'kacak-su', share: 0.2 },
  { code: 'otobus-gecikme', share: 3 },
  { code: 'otobus-guzergah', share: 1.5 },
  { code: 'sofor-davranisi', share: 1.2 },
  { code: 'tramvay', share: 1 },
  { code: 'durak', share: 0.8 },
  { code: 'trafik-isigi', share: 0.3 },
  { code: 'trafik-levha', share: 0.2 },
  { code: 'cop-toplama', share: 3 },
  { code: 'cop-konteyneri', share: 1.5 },
  { code: 'sokak-temizligi', share: 1 },
  { code: 'moloz-hafriyat', share: 0.8 },
  { code: 'iri-hacimli-atik', share: 0.7 },
  { code: 'yol-cukur', share: 2.5 },
  { code: 'asfalt-talebi', share: 1.5, months: [4, 5, 6, 7, 8, 9, 10] },
  { code: 'kaldirim', share: 1 },
  { code: 'koy-yolu-bakimi', share: 0.8 },
  { code: 'kar-buzlanma', share: 1.5, months: [1, 2, 12] },
  { code: 'sokak-aydinlatma', share: 0.7 },
  { code: 'isgal', share: 1 },
  { code: 'gurultu', share: 1.5 },
  { code: 'seyyar-satici', share: 0.8 },
  { code: 'dilencilik', share: 0.4 },
  { code: 'isyeri-denetimi', share: 0.5 },
  { code: 'metruk-bina', share: 0.3 },
  { code: 'terk-edilmis-arac', share: 0.5 },
  { code: 'park-bakim', share: 1.2 },
  { code: 'oyun-grubu', share: 0.6 },
  { code: 'agac-budama', share: 1.2 },
  { code: 'tehlikeli-agac', share: 0.5 },
  { code: 'agaclandirma', share: 0.5 },
  { code: 'sokak-hayvanlari', share: 2 },
  { code: 'yarali-hayvan', share: 0.8 },
  { code: 'saldirgan-kopek', share: 0.5 },
  { code: 'olu-hayvan', share: 0.4 },
  { code: 'kisirlastirma-asilama', share: 0.3 },
  { code: 'cenaze-nakil', share: 1.5 },
  { code: 'defin-islemleri', share: 1 },
  { code: 'taziye-hizmetleri', share: 0.7 },
  { code: 'mezar-yeri', share: 0.4 },
  { code: 'mezarlik-bakim', share: 0.4 },
  { code: 'hava-kirliligi', share: 0.5 },
  { code: 'ilaclama', share: 1.2, months: [4, 5, 6, 7, 8, 9] },
  { code: 'dere-deniz-kirliligi', share: 0.3 },
  { code: 'kacak-yapi', share: 0.8 },
  { code: 'tehlikeli-yapi', share: 0.3 },
  { code: 'ruhsat', share: 0.7 },
  { code: 'numarataj', share: 0.7 },
  { code: 'kultur-etkinlik', share: 0.8 },
  { code: 'kurs-basvurusu', share: 0.9 },
  { code: 'spor-tesisi', share: 0.5 },
  { code: 'genclik-hizmetleri', share: 0.3 },
  { code: 'yangin-ihbar', share: 0.2 },
  { code: 'kurtarma', share: 0.2 },
  { code: 'su-baskini', share: 0.3 },
  { code: 'yangin-guvenligi', share: 0.1 },
  { code: 'afet', share: 0.2 },
  { code: 'genel-bilgi', share: 0.5 },
  { code: 'bilgi-edinme-basvurusu', share: 0.4 },
  { code: 'kvkk-basvurusu', share: 0.05 },
  { code: 'oneri', share: 0.4 },
  { code: 'tesekkur', share: 0.3 },
  { code: 'personel-davranisi', share: 0.3 },
  { code: 'usulsuzluk-ihbari', share: 0.05 },
];

/** Published figures a simulated year is held to, by city and year. */
export interface YearTargets {
  offered: number;
  answered: number;
  /** Answered on the spot (anlık bilgilendirme). */
  instant: number;
  /** Recorded as requests and routed to a unit; instant + routed = answered. */
  routed: number;
}

/**
 * Samsun ALO 153: 2025 as published (1,059,219 answered at 93.96 %, 612,695 instant, 446,524
 * routed); 2024 "about 279,000 fewer calls" at 92 %: 780,000 answered, split like 2025.
 */
export const CITY_YEARS: Record<string, Record<number, { answered: number; answerRate: number; instant: number }>> = {
  samsun: {
    2025: { answered: 1_059_219, answerRate: 0.9396, instant: 612_695 },
    2024: { answered: 780_000, answerRate: 0.92, instant: Math.round((780_000 * 612_695) / 1_059_219) },
  },
};
