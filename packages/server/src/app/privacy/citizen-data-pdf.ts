/**
 * The data-access export as a PDF the person can read and keep. pdfkit's built-in fonts
 * cover Latin-1 only, so the DejaVu Sans shipped with the reports (ğ, ş, ı, İ) is embedded.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { CitizenData } from './citizen-data.js';

const FONT = path.join(path.dirname(fileURLToPath(import.meta.url)), '../reports/fonts/DejaVuSans.ttf');

export function citizenDataPdf(data: CitizenData): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Kişisel veri dökümü / Personal data export #${data.citizen.id}`, Author: 'Çözüm' } });
  doc.font(FONT);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const heading = (text: string) => doc.moveDown(0.8).fontSize(13).text(text).moveDown(0.3).fontSize(10);
  const line = (label: string, value: string | number | null) => doc.text(`${label}: ${value ?? '—'}`);

  doc.fontSize(16).text('Kişisel veri dökümü (KVKK md. 11) / Personal data export');
  doc.fontSize(9).text(`Oluşturulma / generated: ${data.generatedAt}`);

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
  for (const g of data.consents) doc.text(`${g.givenAt} · ${g.purpose} · metin ${g.noticeVersion} · ${g.channel}${g.ip ? ` · IP ${g.ip}` : ''}`);

  heading(`Başvurular / Requests (${data.requests.length})`);
  for (const r of data.requests) {
    doc.fontSize(11).text(`${r.trackingNo} · ${r.category} · ${r.status}`).fontSize(10);
    line('Birim / unit', r.unit);
    line('Tarih / date', r.createdAt);
    doc.text(r.description);
    if (r.address) line('Adres / address', r.address);
    if (r.resolution) line('Çözüm / resolution', r.resolution);
    for (const e of r.events) doc.fontSize(9).text(`  ${e.at} ${e.type}${e.toStatus ? ` → ${e.toStatus}` : ''}${e.reason ? `: ${e.reason}` : ''}`).fontSize(10);
    if (r.rating) line('Memnuniyet / rating', `${r.rating.score}/5${r.rating.comment ? ` ${r.rating.comment}` : ''}`);
    for (const a of r.surveyAnswers) line(`Anket / survey: ${a.question}`, a.text);
    for (const f of r.files) line('Dosya / file', `${f.fileName} (${f.contentType}, ${f.createdAt})`);
    if (r.app) line('Uygulama / app', [r.app.deviceId && `cihaz/device ${r.app.deviceId}`, r.app.accountId && `hesap/account ${r.app.accountId}`, r.app.mediaUrl, JSON.stringify(r.app.attributes)].filter(Boolean).join(' · '));
    doc.moveDown(0.4);
  }

  heading(`Takip ettiğiniz başvurular / Requests you follow (${data.following.length})`);
  for (const f of data.following) doc.text(`${f.since} · ${f.trackingNo} · ${f.category} · ${f.status} · ${f.channel}`);

  heading(`Görüşmeler / Contacts (${data.contacts.length})`);
  for (const k of data.contacts) doc.text(`${k.offeredAt} · ${k.channel} · ${k.callerNumber ?? '—'} · ${k.outcome ?? '—'}${k.notes ? ` · ${k.notes}` : ''}`);

  heading(`Gönderilen mesajlar / Messages sent (${data.messages.length})`);
  for (const m of data.messages) doc.text(`${m.createdAt} · ${m.kind} → ${m.to ?? '—'} · ${m.status}${m.subject ? ` · ${m.subject}` : ''}${m.text ? `\n  ${m.text}` : ''}`);

  heading(`Verilerinize erişim / Who accessed this data (${data.accessLog.length})`);
  for (const a of data.accessLog) doc.text(`${a.at} · ${a.actor ?? 'sistem'} · ${a.action}${a.purpose ? ` · ${a.purpose}` : ''}`);

  doc.end();
  return done;
}
