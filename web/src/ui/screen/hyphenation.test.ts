import { describe, expect, it } from 'vitest';
import { loadHyphenation } from './hyphenation';

const shown = (text: string) => text.replaceAll('\u00ad', '-');

describe('loadHyphenation: soft hyphens at syllables for the big screen', () => {
  it('breaks long Dutch words between syllables and leaves short ones whole', async () => {
    const nl = await loadHyphenation('nl');
    expect(shown(nl('Belt het klantcontactcentrum'))).toBe('Belt het klant-con-tact-cen-trum');
    expect(shown(nl('Ontvangstbevestiging binnen één dag'))).toBe('Ont-vangst-be-ves-ti-ging bin-nen één dag');
    // Shorter than six letters: left alone.
    expect(nl('Een dag')).toBe('Een dag');
  });

  it('uses the English patterns for an English page', async () => {
    const en = await loadHyphenation('en');
    expect(shown(en('Unfortunately'))).toMatch(/^Un-for-tu-nate-ly$/);
  });
});
