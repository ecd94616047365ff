/**
 * Every word the PDF and XLSX reports print, in Turkish and English, and the number, date
 * and month formats of each language (Turkish: 1.059.219; %93,96; 29.10.2026). Names from
 * the database stay as stored: categories and units in the language asked when the data has
 * an English name, districts and neighbourhoods always in Turkish.
 */
import type { Locale } from '@cozum/contract';
import { slugify } from '@cozum/domain';
import type { Report } from './report.js';

/** What the figures are narrowed to, by name, for the title. */
export interface ReportScope {
  district?: string;
  unit?: { name: string; nameEn: string };
  category?: { name: string; nameEn: string };
  channel?: string;
}

const tr = {
  // The reference data (districts, boundaries) is Samsun's, so the report is the metropolitan municipality's.
  organisation: 'Samsun Büyükşehir Belediyesi',
  centre: 'ALO 153',
  annualReport: 'Yıllık Rapor',
  monthlyReport: 'Aylık Rapor',
  periodReport: 'Dönem Raporu',
  fileName: 'alo153-rapor',
  channelScope: 'Kanal',
  categoryScope: 'Konu',
  comparedWith: (period: string) => `${period} ile karşılaştırmalı`,
  prepared: (date: string) => `Hazırlanma tarihi: ${date}`,
  page: (n: number, of: number) => `Sayfa ${n} / ${of}`,
  calls: 'Çağrılar ve başvurular',
  cityWideCalls: 'Çağrılar ilçeye, birime ve konuya göre ayrılamaz: çağrı rakamları şehrin tamamının, başvurular süzülmüş olanlardır.',
  figure: 'Gösterge',
  change: 'Değişim',
  offered: 'Gelen çağrı',
  answered: 'Karşılanan çağrı',
  answerRate: 'Karşılama oranı',
  abandoned: 'Karşılanamayan çağrı',
  instant: 'Anlık bilgilendirme',
  routed: 'Birimlere yönlendirilen',
  requests: 'Başvuru (tüm kanallar)',
  points: 'puan',
  instantVsRouted: 'Anlık bilgilendirme ve birimlere yönlendirme',
  callsByMonth: 'Aylara göre çağrılar',
  offeredShort: 'Gelen',
  answeredShort: 'Karşılanan',
  topicGroups: 'Konu grupları',
  topics: 'En sık başvuru konuları',
  districts: 'İlçeler',
  neighbourhoods: 'En yoğun mahalleler',
  unitsOnTime: 'Birimler: zamanında çözülen payı',
  units: 'Birimler',
  channels: 'Kanallara göre başvurular',
  satisfaction: 'Memnuniyet',
  satisfactionAnswers: 'Memnuniyet yanıtları (1–5)',
  satisfactionSummary: (average: string, answers: string) => `Ortalama ${average} / 5, ${answers} yanıt`,
  answersColumn: 'Yanıt',
  score: 'Puan',
  none: 'Bu dönemde kayıt yok.',
  hours: 'sa',
  days: 'gün',
  // Table and sheet columns.
  code: 'Kod',
  name: 'Ad',
  count: 'Başvuru',
  share: 'Pay',
  group: 'Konu grubu',
  population: 'Nüfus',
  perThousand: '1.000 kişide',
  district: 'İlçe',
  neighbourhood: 'Mahalle',
  unit: 'Birim',
  resolved: 'Çözülen',
  median: 'Ortanca süre',
  p90: '%90 süre',
  medianHours: 'Ortanca süre (saat)',
  p90Hours: '%90 süre (saat)',
  onTime: 'Zamanında',
  channel: 'Kanal',
  month: 'Ay',
  weekday: 'Gün',
  sheets: {
    summary: 'Özet',
    topicGroups: 'Konu grupları',
    topics: 'Konular',
    districts: 'İlçeler',
    neighbourhoods: 'Mahalleler',
    units: 'Birimler',
    channels: 'Kanallar',
    satisfaction: 'Memnuniyet',
    months: 'Aylar',
    heat: 'Saat ve gün',
  },
  channelNames: {
    phone: 'Telefon',
    web: 'Web portalı',
    email: 'E-posta',
    whatsapp: 'WhatsApp',
    walk_in: 'Masa (yüz yüze)',
    field: 'Saha ekibi',
    cimer: 'CİMER',
    open311: 'Open311 uygulamaları',
    mobile: 'Mobil uygulama',
    // The 311 imports keep these two from their sources.
    other: 'Diğer',
    unknown: 'Bilinmiyor',
  } as Record<string, string>,
  months: ['Ocak', 'Şubat', 'Mart', 'Nisan', 'Mayıs', 'Haziran', 'Temmuz', 'Ağustos', 'Eylül', 'Ekim', 'Kasım', 'Aralık'],
  monthsShort: ['Oca', 'Şub', 'Mar', 'Nis', 'May', 'Haz', 'Tem', 'Ağu', 'Eyl', 'Eki', 'Kas', 'Ara'],
  weekdays: ['Pazartesi', 'Salı', 'Çarşamba', 'Perşembe', 'Cuma', 'Cumartesi', 'Pazar'],
};

export type ReportLabels = typeof tr;

const en: ReportLabels = {
  organisation: 'Samsun Metropolitan Municipality',
  centre: 'ALO 153',
  annualReport: 'Annual Report',
  monthlyReport: 'Monthly Report',
  periodReport: 'Report',
  fileName: 'alo153-report',
  channelScope: 'Channel',
  categoryScope: 'Topic',
  comparedWith: (period) => `compared with ${period}`,
  prepared: (date) => `Prepared on ${date}`,
  page: (n, of) => `Page ${n} of ${of}`,
  calls: 'Calls and requests',
  cityWideCalls: "Calls cannot be split by district, unit or topic: the call figures are the whole city's, the requests those narrowed to.",
  figure: 'Figure',
  change: 'Change',
  offered: 'Calls offered',
  answered: 'Calls answered',
  answerRate: 'Answer rate',
  abandoned: 'Calls not answered',
  instant: 'Instant information',
  routed: 'Routed to a unit',
  requests: 'Requests, all channels',
  points: 'points',
  instantVsRouted: 'Instant information and routed to units',
  callsByMonth: 'Calls by month',
  offeredShort: 'Offered',
  answeredShort: 'Answered',
  topicGroups: 'Topic groups',
  topics: 'Busiest topics',
  districts: 'Districts',
  neighbourhoods: 'Busiest neighbourhoods',
  unitsOnTime: 'Units: share solved on time',
  units: 'Units',
  channels: 'Requests by channel',
  satisfaction: 'Satisfaction',
  satisfactionAnswers: 'Satisfaction answers (1–5)',
  satisfactionSummary: (average, answers) => `Average ${average} of 5, ${answers} answers`,
  answersColumn: 'Answers',
  score: 'Score',
  none: 'Nothing recorded in this period.',
  hours: 'h',
  days: 'd',
  code: 'Code',
  name: 'Name',
  count: 'Requests',
  share: 'Share',
  group: 'Topic group',
  population: 'Population',
  perThousand: 'Per 1,000 residents',
  district: 'District',
  neighbourhood: 'Neighbourhood',
  unit: 'Unit',
  resolved: 'Resolved',
  median: 'Median time',
  p90: '90th percentile',
  medianHours: 'Median hours',
  p90Hours: '90th percentile hours',
  onTime: 'On time',
  channel: 'Channel',
  month: 'Month',
  weekday: 'Weekday',
  sheets: {
    summary: 'Summary',
    topicGroups: 'Topic groups',
    topics: 'Topics',
    districts: 'Districts',
    neighbourhoods: 'Neighbourhoods',
    units: 'Units',
    channels: 'Channels',
    satisfaction: 'Satisfaction',
    months: 'Months',
    heat: 'Hour x weekday',
  },
  channelNames: {
    phone: 'Phone',
    web: 'Web portal',
    email: 'E-mail',
    whatsapp: 'WhatsApp',
    walk_in: 'Walk-in desk',
    field: 'Field team',
    cimer: 'CİMER',
    open311: 'Open311 apps',
    mobile: 'Mobile app',
    other: 'Other',
    unknown: 'Unknown',
  },
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  monthsShort: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

export const REPORT_LABELS: Record<Locale, ReportLabels> = { tr, en };

/** The words and formats of one language, as the PDF and XLSX use them. */
export function reportLanguage(lang: Locale) {
  const t = REPORT_LABELS[lang];
  const numberLocale = lang === 'tr' ? 'tr-TR' : 'en-GB';
  const number = (digits: number, sign = false) => new Intl.NumberFormat(numberLocale, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: sign ? 'exceptZero' : 'auto' });
  const percent = (digits: number) => new Intl.NumberFormat(numberLocale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });
  const monthName = (month: string) => `${t.months[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
  const periodName = (p: Report['period']) => {
    const [a, b] = [p.from.slice(0, 7), p.to.slice(0, 7)];
    if (p.from.endsWith('-01-01') && p.to.endsWith('-12-31') && a.slice(0, 4) === b.slice(0, 4)) return a.slice(0, 4);
    if (a === b) return monthName(a);
    if (a.slice(0, 4) === b.slice(0, 4)) return `${t.months[Number(a.slice(5)) - 1]} – ${monthName(b)}`;
    return `${monthName(a)} – ${monthName(b)}`;
  };
  const f = {
    lang,
    t,
    /** 1.059.219 / 1,059,219 */
    n: (x: number) => number(0).format(x),
    /** 3,90 / 3.90 */
    decimal: (x: number, digits = 2) => number(digits).format(x),
    /** +2.795 / +2,795; 0 without a sign */
    signed: (x: number) => number(0, true).format(x),
    /** %93,96 / 93.96% */
    pct: (x: number | null, digits = 2) => (x === null ? '—' : percent(digits).format(x)),
    /** +1,96 puan / +1.96 points */
    points: (x: number | null) => (x === null ? '—' : `${number(2, true).format(x)} ${t.points}`),
    /** 20,3 sa, 2,8 gün / 20.3 h, 2.8 d */
    hours: (x: number | null) => (x === null ? '—' : x < 48 ? `${number(1).format(x)} ${t.hours}` : `${number(1).format(x / 24)} ${t.days}`),
    /** 29.10.2026 / 29 October 2026, from YYYY-MM-DD */
    date: (day: string) => (lang === 'tr' ? `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}` : `${Number(day.slice(8, 10))} ${t.months[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`),
    /** Mart 2025 / March 2025, from YYYY-MM */
    month: monthName,
    monthShort: (month: string) => t.monthsShort[Number(month.slice(5, 7)) - 1]!,
    /** 2025, Mart 2025, Ocak – Haziran 2025 */
    periodName,
    channel: (code: string) => t.channelNames[code] ?? code,
    /** A category's or unit's name in this language where the data has one. */
    name: (x: { name: string; nameEn: string }) => (lang === 'en' && x.nameEn ? x.nameEn : x.name),
  };
  return f;
}
export type ReportLanguage = ReturnType<typeof reportLanguage>;

/** "ALO 153 Yıllık Rapor 2025", "ALO 153 Dönem Raporu Ocak – Haziran 2025". */
export function reportName(r: Pick<Report, 'period'>, l: ReportLanguage): string {
  const { from, to } = r.period;
  const year = from.endsWith('-01-01') && to.endsWith('-12-31') && from.slice(0, 4) === to.slice(0, 4);
  const kind = year ? l.t.annualReport : from.slice(0, 7) === to.slice(0, 7) ? l.t.monthlyReport : l.t.periodReport;
  return `${l.t.centre} ${kind} ${l.periodName(r.period)}`;
}

/** What the figures are narrowed to: district, unit, topic and channel, in that order. */
export function scopeParts(scope: ReportScope, l: ReportLanguage): string[] {
  return [
    scope.district,
    scope.unit && l.name(scope.unit),
    scope.category && `${l.t.categoryScope}: ${l.name(scope.category)}`,
    scope.channel && `${l.t.channelScope}: ${l.channel(scope.channel)}`,
  ].filter((x): x is string => Boolean(x));
}

/** Calls are counted per hour and channel only: a district, unit or topic narrows the requests, not the calls. */
export const narrowsRequestsOnly = (scope: ReportScope): boolean => Boolean(scope.district || scope.unit || scope.category);

/** "Samsun Büyükşehir Belediyesi — ALO 153 Yıllık Rapor 2025 — İlkadım — Fen İşleri Dairesi Başkanlığı" */
export function reportTitle(r: Pick<Report, 'period'>, scope: ReportScope, l: ReportLanguage): string {
  return [l.t.organisation, reportName(r, l), ...scopeParts(scope, l)].join(' — ');
}

/** An ASCII file name without its extension: alo153-rapor-2025, alo153-report-january-june-2025. */
export function reportFileName(r: Pick<Report, 'period'>, l: ReportLanguage): string {
  return slugify(`${l.t.fileName} ${l.periodName(r.period)}`);
}

/** "01.01.2025 – 31.12.2025, 2024 ile karşılaştırmalı" */
export function periodLine(r: Pick<Report, 'period' | 'compare'>, l: ReportLanguage): string {
  const dates = `${l.date(r.period.from)} – ${l.date(r.period.to)}`;
  return r.compare ? `${dates}, ${l.t.comparedWith(l.periodName(r.compare.period))}` : dates;
}

/** Everything a PDF or XLSX needs beyond the figures. */
export interface ReportDocumentOptions {
  lang: Locale;
  scope: ReportScope;
  /** The day the document is made, YYYY-MM-DD in the city. */
  preparedOn: string;
}
