import { describe, expect, it } from 'vitest';
import { cutText } from './cutToLines';

describe('cutText: a long text cut at a word with one ellipsis', () => {
  it('drops the punctuation and spaces before the ellipsis', () => {
    expect(cutText('de meesten al.\nEn koffie!', 14)).toBe('de meesten al…');
    expect(cutText('eerst dit, dan dat', 10)).toBe('eerst dit…');
    expect(cutText('wacht… en dan', 6)).toBe('wacht…');
    expect(cutText('klant\u00adcontact – meer', 15)).toBe('klant\u00adcontact…');
  });

  it('keeps a word whole', () => {
    expect(cutText('Fijne dag', 5)).toBe('Fijne…');
  });
});
