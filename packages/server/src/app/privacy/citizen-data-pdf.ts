/**
 * The data-access export as a PDF the person can read and keep. pdfkit's built-in fonts
 * cover Latin-1 only, so a Unicode TrueType font (DejaVu Sans, on most Linux systems) is used
 * when present for ş, ğ and ı; without it those letters are written without their marks.
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import type { CitizenData } from './citizen-data.js';

const FONT_CANDIDATES = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/dejavu/DejaVuSans.ttf', '/usr/share/fonts/TTF/DejaVuSans.ttf'];

const latin1 = (text: string): string =>
  text.replace(/[şŞğĞıİ]/g, (c) => ({ ş: 's', Ş: 'S', ğ: 'g', Ğ: 'G', ı: 'i', İ: 'I' })[c] ?? c);

export function citizenDataPdf(data: CitizenData): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Kişisel veri dökümü / Personal data export #${data.citizen.id}`, Author: 'Çözüm' } });
  const font = FONT_CANDIDATES.find((f) => fs.existsSync(f));
  if (font) doc.font(font);
  const t = (s: string) => (font ? s : latin1(s));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const heading = (text: string) => doc.moveDown(0.8).fontSize(13).text(t(text)).moveDown(0.3).fontSize(10);
  const line = (label: string, value: string | number | null) => doc.text(t(`${label}: ${value ?? '—'}`));

  doc.fontSize(16).text(t('Kişisel veri dökümü (KVKK md. 11) / Personal data export'));
  doc.fontSize(9).text(t(`Oluşturulma / generated: ${data.generatedAt}`));

  heading('Kimlik ve iletişim / Identity and contact');
  const c = data.citizen;
  line('Ad soyad / name', c.fullName);
  line('Telefon / phone', c.phone);
  line('TC kimlik no', c.tcKimlikNo);
  line('E-posta / e-mail', c.email);
  line('Adres / address', c.address);
  line('Kayıt / recorded', c.createdAt);
  if (c.anonymisedAt) line('Anonimleştirildi / anonymised', c.anonymisedAt);

  heading(`Açık rıza ve aydınlatma / Consents (${data.consents.length})`);
  for (const g of data.consents) doc.text(t(`${g.givenAt} · ${g.purpose} · metin ${g.noticeVersion} · ${g.channel}`));

  heading(`Başvurular / Requests (${data.requests.length})`);
  for (const r of data.requests) {
    doc.fontSize(11).text(t(`${r.trackingNo} · ${r.category} · ${r.status}`)).fontSize(10);
    line('Birim / unit', r.unit);
    line('Tarih / date', r.createdAt);
    doc.text(t(r.description));
    if (r.address) line('Adres / address', r.address);
    if (r.resolution) line('Çözüm / resolution', r.resolution);
    for (const e of r.events) doc.fontSize(9).text(t(`  ${e.at} ${e.type}${e.toStatus ? ` → ${e.toStatus}` : ''}${e.reason ? `: ${e.reason}` : ''}`)).fontSize(10);
    if (r.rating) line('Memnuniyet / rating', `${r.rating.score}/5${r.rating.comment ? ` ${r.rating.comment}` : ''}`);
    doc.moveDown(0.4);
  }

  heading(`Görüşmeler / Contacts (${data.contacts.length})`);
  for (const k of data.contacts) doc.text(t(`${k.offeredAt} · ${k.channel} · ${k.callerNumber ?? '—'} · ${k.outcome ?? '—'}`));

  heading(`Gönderilen mesajlar / Messages sent (${data.messages.length})`);
  for (const m of data.messages) doc.text(t(`${m.createdAt} · ${m.kind} → ${m.to ?? '—'} · ${m.status}${m.subject ? ` · ${m.subject}` : ''}`));

  heading(`Verilerinize erişim / Who accessed this data (${data.accessLog.length})`);
  for (const a of data.accessLog) doc.text(t(`${a.at} · ${a.actor ?? 'sistem'} · ${a.action}${a.purpose ? ` · ${a.purpose}` : ''}`));

  doc.end();
  return done;
}
