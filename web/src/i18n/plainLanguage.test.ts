import { describe, expect, it } from 'vitest';
import { nl } from './messages';

// Issue 11 (the accessibility audit): the Dutch a participant reads is plain B1 Dutch with one
// word per thing. Participants are civil servants, residents and entrepreneurs, not engineers.

/**
 * Screens only a facilitator sees (the export dialog and archive import, the structure editor,
 * the template picker of a new workshop, the participants panel): they may name file formats
 * ("CSV downloaden"). Everything else is read by participants too.
 */
const FACILITATOR_ONLY = ['export.', 'structure.', 'source.', 'people.'];

/** A word, why it does not belong in a participant's Dutch, and the keys that may use it (and why). */
const BANNED: Array<{ word: RegExp; why: string; allowed?: Record<string, string> }> = [
  { word: /\bJSON\b/, why: 'file-format jargon' },
  { word: /\bCSV\b/, why: 'file-format jargon' },
  { word: /\bKiB\b/, why: 'unit jargon' },
  { word: /\bserver/i, why: 'technical jargon: say what happened, not where' },
  { word: /spreiding/i, why: 'statistics jargon' },
  { word: /\bn = /, why: 'statistics jargon' },
  {
    word: /\btabel\b/i,
    why: 'the board is "het bord", never "de tabel"',
    allowed: { 'method.curve.image': 'points at a real table of figures below the curve' },
  },
  { word: /onderdeel/i, why: 'a step of the workshop is "stap"' },
  { word: /aanwezig/i, why: 'who is present are "deelnemers"' },
  { word: /\{detail\}/, why: "a server's detail is English: translate it or leave it out" },
  // English slipped into Dutch (a server message passed through, an untranslated word).
  { word: /\b(the|and|error|failed|invalid|please|refused|not found)\b/i, why: 'English in a Dutch message' },
];

function participantFacing(): Array<[string, string]> {
  return Object.entries(nl).filter(([key]) => !FACILITATOR_ONLY.some((prefix) => key.startsWith(prefix)));
}

describe('plain Dutch for participants', () => {
  it('uses no jargon, no English and one word per thing in what participants read', () => {
    const found: string[] = [];
    for (const [key, text] of participantFacing()) {
      for (const { word, why, allowed } of BANNED) {
        if (word.test(text) && !(allowed && key in allowed)) found.push(`${key}: "${text}" (${why})`);
      }
    }
    expect(found).toEqual([]);
  });

  it('says "stap" for a step of the workshop and "deelnemers" for who takes part', () => {
    expect(nl['stage.heading']).toBe('Stap');
    expect(nl['presence.heading']).toMatch(/^Deelnemers /);
  });

  it('allows a word only where the allow-list says why, and every allowed key exists', () => {
    for (const { allowed } of BANNED) {
      for (const key of Object.keys(allowed ?? {})) expect(Object.keys(nl), key).toContain(key);
    }
  });
});
