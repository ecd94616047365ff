import { describe, expect, it } from 'vitest';
import { checkTemplate, placeholdersOf, renderTemplate } from './templates.js';

describe('templates', () => {
  it('fills placeholders and leaves text alone', () => {
    expect(renderTemplate('Başvurunuz {trackingNo} alındı. {unit} ilgilenecek.', { trackingNo: '2025-0000123', unit: 'Su Arıza' })).toBe('Başvurunuz 2025-0000123 alındı. Su Arıza ilgilenecek.');
    expect(renderTemplate('Sayın {name},', { name: null })).toBe('Sayın ,');
  });

  it('lists placeholders once each', () => {
    expect(placeholdersOf('{a} {b} {a}')).toEqual(['a', 'b']);
  });

  it('refuses unknown placeholders, naming them and the allowed ones', () => {
    expect(() => checkTemplate('Merhaba {isim}', ['trackingNo', 'name'])).toThrow('body: uses unknown placeholder(s) {isim}; allowed: {trackingNo}, {name}');
  });
});
