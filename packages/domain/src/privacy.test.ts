import { describe, expect, it } from 'vitest';
import { checkPublishable, checkRetentionPolicy, maskAddress, maskEmail, maskName, maskPersonal, maskTcKimlikNo, publicationOf, retentionCutoffs, retentionDue, scrubPersonalText } from './privacy.js';

describe('masking', () => {
  it('keeps enough to recognise a person, not enough to reach them', () => {
    expect(maskEmail('ayse.yilmaz@example.org')).toBe('a***@example.org');
    expect(maskTcKimlikNo('10000000146')).toBe('100******46');
    expect(maskAddress('Kurupelit Mah. Atatürk Bulvarı No: 12')).toBe('Kurupelit ***');
    expect(maskName('Ayşe Yılmaz')).toBe('A*** Y***');
    expect(maskPersonal({ phone: '905321234567', email: null })).toEqual({ phone: '0532 *** ** 67', email: null });
  });

  it('scrubs phones, e-mails and TC kimlik numbers out of free text', () => {
    const text = 'Beni 0532 123 45 67 veya ayse@example.org adresinden arayın, TC 10000000146. Sokak 12 numara.';
    expect(scrubPersonalText(text)).toBe('Beni [telefon] veya [e-posta] adresinden arayın, TC [TC kimlik no]. Sokak 12 numara.');
  });
});

describe('publication', () => {
  it('follows the category unless the request type forbids it', () => {
    expect(publicationOf('citizen_text', true)).toBe('citizen_text');
    expect(publicationOf('staff_text', true)).toBe('staff_text');
    expect(publicationOf('none', true)).toBe('none');
    // KVKK, Law 4982 and ihbar requests filed under a public category stay unpublished.
    expect(publicationOf('citizen_text', false)).toBe('none');
  });

  it('never lets a KVKK application or a Law 4982 request be published; other types are the administrator\'s choice', () => {
    expect(() => checkPublishable({ code: 'kvkk', legalClock: 'kvkk_13' }, true)).toThrow("publishable: requests of the type 'kvkk' (kvkk_13) concern one person");
    expect(() => checkPublishable({ code: 'bilgi_edinme', legalClock: 'information_4982' }, true)).toThrow('never published');
    expect(() => checkPublishable({ code: 'kvkk', legalClock: 'kvkk_13' }, false)).not.toThrow();
    expect(() => checkPublishable({ code: 'ihbar', legalClock: null }, true)).not.toThrow();
  });
});

describe('scrubPersonalText on what people really type', () => {
  const T = '[telefon]';
  const E = '[e-posta]';
  const K = '[TC kimlik no]';
  // [as typed, as published]
  const caught: [string, string][] = [
    ['Arayın: 0532.999.88.77', `Arayın: ${T}`],
    ['Arayın: 0 532 999 88 77', `Arayın: ${T}`],
    ['Arayın: +90 532 999 8877', `Arayın: ${T}`],
    ['Arayın: (0532) 999-88-77', `Arayın: ${T}`],
    ['Arayın: 05329998877', `Arayın: ${T}`],
    ['Arayın: 5329998877', `Arayın: ${T}`],
    ['Arayın: 532 999 88 77', `Arayın: ${T}`],
    ['Arayın: 0532 999 8877', `Arayın: ${T}`],
    ['Arayın: 0532-999-88-77', `Arayın: ${T}`],
    ['Arayın: 0532/999 88 77', `Arayın: ${T}`],
    ['Arayın: +905329998877', `Arayın: ${T}`],
    ['Arayın: 905329998877', `Arayın: ${T}`],
    ['Arayın: 0090 532 999 88 77', `Arayın: ${T}`],
    ['Arayın: +90 (532) 999 88 77', `Arayın: ${T}`],
    ['Arayın: 0(532)9998877', `Arayın: ${T}`],
    ['Arayın: 0532 999 88 77.', `Arayın: ${T}.`],
    ['tel:05329998877', `tel:${T}`],
    ['Ev telefonu 0362 431 12 34, iş 0 362 444 55 66', `Ev telefonu ${T}, iş ${T}`],
    ['Numaram 0532 999 88 77 0533 111 22 33', `Numaram ${T} ${T}`],
    ["0532 999 88 77'den ulaşabilirsiniz", `${T}'den ulaşabilirsiniz`],
    ['Almanya: +49 30 1234567', `Almanya: ${T}`],
    ['TC 10000000146', `TC ${K}`],
    ['TC: 100 000 001 46', `TC: ${K}`],
    ['T.C. 100.000.001.46', `T.C. ${K}`],
    ['kimlik no 100-000-001-46', `kimlik no ${K}`],
    ['TCKN:10000000146.', `TCKN:${K}.`],
    ['veli@example.com', E],
    ['Yazın: veli [at] example.com', `Yazın: ${E}`],
    ['Yazın: veli at example dot com', `Yazın: ${E}`],
    ['Yazın: veli(at)example(dot)com', `Yazın: ${E}`],
    ['Yazın: veli [at] example [dot] com', `Yazın: ${E}`],
    ['Yazın: veli{at}example.com.tr', `Yazın: ${E}`],
    ['Yazın: veli @ example.com', `Yazın: ${E}`],
    ['Yazın: VELI@EXAMPLE.COM.TR', `Yazın: ${E}`],
    ['Yazın: ayşe.yılmaz@örnek.com.tr, teşekkürler', `Yazın: ${E}, teşekkürler`],
    ['Yazın: veli+su@example.org.', `Yazın: ${E}.`],
    ['Yazın: veli<at>example<dot>com', `Yazın: ${E}`],
    ['Yazın: veli at example nokta com', `Yazın: ${E}`],
    ['0532 999 88 77 veya veli@example.com, TC 10000000146', `${T} veya ${E}, TC ${K}`],
  ];
  const survives = [
    'Su kesintisi 12.03.2024 tarihinde başladı.',
    'Kesinti 12/03/2024 - 15/03/2024 arası sürdü.',
    '01.02.2024-05.02.2024 arasında su yoktu.',
    'Saat 14:30 ile 16:45 arası.',
    'Fatura tutarı 1.250,50 TL geldi.',
    'Tahmini bedel 12.500.000 TL.',
    'Toplam 250000 TL ödendi.',
    'Başvuru no 2026-0000123 hâlâ açık.',
    'Önceki başvurular 2025-0012345 ve 2025-0012346.',
    'Atatürk Bulvarı No: 12/3 Daire 5',
    'Cumhuriyet Cad. 100. Sokak No 7',
    'ALO 153 ve 444 1 153 hattını aradım.',
    'Abone no 4123456 olan sayaç.',
    'Otobüs 2B hattı 07.45 seferi gelmedi.',
    'Samsun 55200 posta kodu.',
    'Yolda 3 çukur var, 2 metre derinliğinde.',
    'Bir at arabası yolu kapatıyor.',
    'Parkta bir at gördüm. Sonra gitti.',
    'Toplantı saat 5 at 3.30 diye yazılmış.',
    '@samsunbld hesabına da yazdım.',
    'e-posta adresim yok, mektup yazdım.',
    'Kapı no 12-14 arası.',
    'Sayaç endeksi 00012345.',
    '1999 yılından beri burada oturuyorum.',
    'Nüfus 1.371.274 kişi.',
  ];

  it.each(caught)('blanks %j', (typed, published) => {
    expect(scrubPersonalText(typed)).toBe(published);
  });

  it.each(survives)('keeps %j', (text) => {
    expect(scrubPersonalText(text)).toBe(text);
  });

  it('has at least 50 real-looking cases', () => {
    expect(caught.length + survives.length).toBeGreaterThanOrEqual(50);
  });

  it('stays linear on long hostile input (up to four times the longest description)', () => {
    // Linear means four times the text takes about four times as long; a quadratic scan takes
    // sixteen. Best of three runs, with a little slack for a busy machine.
    const best = (text: string) => Math.min(...[0, 1, 2].map(() => {
      const started = performance.now();
      scrubPersonalText(text);
      return performance.now() - started;
    }));
    const hostile: ((n: number) => string)[] = [
      (n) => '1 '.repeat(n), (n) => 'a@'.repeat(n), (n) => 'a [at] b'.repeat(n / 4), (n) => 'x.'.repeat(n),
      (n) => `${'a'.repeat(2 * n)}@`, (n) => '0532 '.repeat(n / 2), (n) => 'a@b.'.repeat(n / 2),
    ];
    for (const make of hostile) {
      const small = best(make(2_500));
      const large = best(make(10_000));
      expect(large, make(4).slice(0, 12)).toBeLessThan(10 * small + 50);
    }
  }, 20_000);
});

describe('retention policy', () => {
  it('names the field at fault', () => {
    expect(() => checkRetentionPolicy({ citizens: 0 })).toThrow(/citizens: must be a whole number of years/);
    expect(() => checkRetentionPolicy({ photos: 2 })).toThrow(/photos: is not a data class/);
    expect(checkRetentionPolicy({ contacts: 5 }).contacts).toBe(5);
  });

  it('cuts off whole years back and is due after the interval', () => {
    const now = new Date('2026-11-29T00:00:00Z');
    expect(retentionCutoffs({ citizens: 10, contacts: 3, messages: 2, sessions: 1 }, now).contacts.toISOString()).toBe('2023-11-29T00:00:00.000Z');
    expect(retentionDue(null, now, 30)).toBe(true);
    expect(retentionDue(new Date('2026-11-20T00:00:00Z'), now, 30)).toBe(false);
    expect(retentionDue(new Date('2026-10-20T00:00:00Z'), now, 30)).toBe(true);
  });
});
