import { describe, expect, it } from 'vitest';
import { checkRetentionPolicy, maskAddress, maskEmail, maskName, maskPersonal, maskTcKimlikNo, retentionCutoffs, retentionDue, scrubPersonalText } from './privacy.js';

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
    expect(scrubPersonalText(text)).toBe('Beni [telefon] veya [e-posta] adresinden arayın, TC [TCKN]. Sokak 12 numara.');
  });
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
