import { describe, expect, it } from 'vitest';
import { boardFromSnapshot, phasesOf } from '../../model/board';
import { applyPatch } from '../../model/patch';
import { emotionCurve } from '../../model/method';
import { addCard } from '../../model/testBoards';
import { sampleSnapshot } from '../../sync/fakes';
import { initLang, setLang } from '../../i18n/i18n';
import { MemoryStorage } from '../../util/MemoryStorage';
import { bandPoints, CURVE, curveLayout, yOf } from './curveGeometry';
import { formatFigure } from './labels';

function curveBoard() {
  const b = boardFromSnapshot(sampleSnapshot());
  addCard(b, 't1', 'l1', 'p1', 'a0');
  addCard(b, 't2', 'l1', 'p1', 'a1');
  addCard(b, 't3', 'l1', 'p1', 'a2');
  // The server's figures (P-METH-5) of what was scored: t1 at +2 (spread 0), t3 at 0 (spread 2); t2 unscored.
  const point = (cardId: string, current: { n: number; mean: number; spread: number } | null) => ({ cardId, phaseId: 'p1', current, desired: null });
  applyPatch(b, {
    methodFigures: {
      journeys: [{ journeyId: 'j1', curve: [point('t1', { n: 2, mean: 2, spread: 0 }), point('t3', { n: 2, mean: 0, spread: 2 })], gaps: [] }],
    },
  });
  return b;
}

describe('emotion curve geometry', () => {
  it('puts −2 at the bottom, +2 at the top of the plot', () => {
    expect(yOf(2)).toBe(CURVE.top);
    expect(yOf(-2)).toBe(CURVE.top + CURVE.plot);
    expect(yOf(0)).toBe(CURVE.top + CURVE.plot / 2);
    expect(yOf(5)).toBe(yOf(2));
  });

  it('gives each phase a column as wide as its touchpoints (at least one slot), points in their slots', () => {
    const b = curveBoard();
    const layout = curveLayout(phasesOf(b, 'j1'), emotionCurve(b, 'j1'));
    expect(layout.columns.map((c) => [c.phase.id, c.x, c.width])).toEqual([
      ['p1', CURVE.left, 3 * CURVE.slot],
      ['p2', CURVE.left + 3 * CURVE.slot, CURVE.slot],
    ]);
    expect(layout.xs).toEqual([CURVE.left + CURVE.slot / 2, CURVE.left + 1.5 * CURVE.slot, CURVE.left + 2.5 * CURVE.slot]);
    expect(layout.width).toBe(CURVE.left + 4 * CURVE.slot + CURVE.right);
  });

  it('breaks the line where a touchpoint has no scores, with the ± spread band', () => {
    const b = curveBoard();
    const layout = curveLayout(phasesOf(b, 'j1'), emotionCurve(b, 'j1'));
    expect(layout.current).toHaveLength(2);
    expect(layout.current[0]).toEqual([{ x: layout.xs[0], y: yOf(2), low: yOf(2), high: yOf(2) }]);
    expect(layout.current[1]).toEqual([{ x: layout.xs[2], y: yOf(0), low: yOf(-2), high: yOf(2) }]);
    expect(layout.desired).toEqual([]);
    const band = bandPoints([{ x: 10, y: 5, low: 8, high: 2 }, { x: 20, y: 5, low: 9, high: 1 }]);
    expect(band).toBe('10,2 20,1 20,9 10,8');
  });
});

describe('figures in words', () => {
  it('one decimal, signed for emotions and gaps, a dash for none, in the current language', () => {
    const storage = new MemoryStorage();
    initLang(storage, null);
    expect(formatFigure(0.5, true)).toBe('+0,5');
    expect(formatFigure(-1.25, true)).toBe('-1,3');
    expect(formatFigure(3)).toBe('3,0');
    expect(formatFigure(0, true)).toBe('0,0');
    expect(formatFigure(null)).toBe('–');
    setLang('en', storage, null);
    expect(formatFigure(0.5, true)).toBe('+0.5');
    setLang('nl', storage, null);
  });
});
