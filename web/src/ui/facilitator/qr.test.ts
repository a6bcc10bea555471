import { describe, expect, it } from 'vitest';
import { QUIET_ZONE, qrModules, qrPath } from './qr';

describe('QR code of the join link', () => {
  it('makes a square code with the three finder patterns', () => {
    const m = qrModules('https://example.org/#/join/K7MP2Q');
    const n = m.length;
    expect(n).toBeGreaterThanOrEqual(21);
    expect((n - 17) % 4).toBe(0); // a real QR size: 21, 25, 29, …
    for (const row of m) expect(row).toHaveLength(n);
    // Each finder pattern: a dark 7×7 ring with a light ring inside and a dark 3×3 core.
    for (const [r0, c0] of [[0, 0], [0, n - 7], [n - 7, 0]] as const) {
      expect(m[r0]![c0]).toBe(true);
      expect(m[r0 + 6]![c0 + 6]).toBe(true);
      expect(m[r0 + 1]![c0 + 1]).toBe(false);
      expect(m[r0 + 3]![c0 + 3]).toBe(true);
    }
  });

  it('differs for different links and grows with the text', () => {
    const a = qrModules('https://a.example/#/join/AAAAAA');
    const b = qrModules('https://a.example/#/join/BBBBBB');
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
    expect(qrModules(`https://a.example/${'x'.repeat(200)}`).length).toBeGreaterThan(a.length);
  });

  it('draws one square per dark module inside the quiet zone', () => {
    const m = [
      [true, false],
      [false, true],
    ];
    expect(qrPath(m)).toBe(`M${QUIET_ZONE} ${QUIET_ZONE}h1v1h-1zM${QUIET_ZONE + 1} ${QUIET_ZONE + 1}h1v1h-1z`);
  });
});
