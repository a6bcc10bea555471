import { describe, expect, it } from 'vitest';
import { FakeClock } from '../sync/fakes';
import { AnnounceQueue } from './AnnounceQueue';

function setup() {
  const clock = new FakeClock();
  const said: Array<{ at: number; text: string }> = [];
  const start = clock.now();
  const queue = new AnnounceQueue(
    clock,
    (text) => said.push({ at: clock.now() - start, text }),
    (count) => `${count} wijzigingen door anderen.`,
    { intervalMs: 3_000, settleMs: 300 },
  );
  return { clock, said, queue };
}

describe('AnnounceQueue (others\' changes, rate-limited)', () => {
  it('says a single change on its own, after the short settle time', () => {
    const { clock, said, queue } = setup();
    queue.push('Anna heeft een kaart toegevoegd.');
    clock.advance(299);
    expect(said).toEqual([]);
    clock.advance(1);
    expect(said).toEqual([{ at: 300, text: 'Anna heeft een kaart toegevoegd.' }]);
  });

  it('says important changes word for word, before the count of the rest, in the same rate limit', () => {
    const { clock, said, queue } = setup();
    queue.push('a');
    queue.push('Stemronde 1 is begonnen: impact.', true);
    queue.push('b');
    clock.advance(300);
    expect(said).toEqual([{ at: 300, text: 'Stemronde 1 is begonnen: impact. 2 wijzigingen door anderen.' }]);
    queue.push('Het bord is vergrendeld.', true);
    clock.advance(2_999);
    expect(said).toHaveLength(1);
    clock.advance(1);
    expect(said[1]).toEqual({ at: 3_300, text: 'Het bord is vergrendeld.' });
    expect(queue.pending).toBe(0);
  });

  it('sums up a burst as one announcement with the count', () => {
    const { clock, said, queue } = setup();
    queue.push('a');
    queue.push('b');
    clock.advance(100);
    queue.push('c');
    clock.advance(1_000);
    expect(said).toEqual([{ at: 300, text: '3 wijzigingen door anderen.' }]);
    expect(queue.pending).toBe(0);
  });

  it('says at most one thing per interval on a busy board, losing no change from the count', () => {
    const { clock, said, queue } = setup();
    // 40 changes, one every 250 ms, for 10 seconds.
    for (let i = 0; i < 40; i++) {
      queue.push(`change ${i}`);
      clock.advance(250);
    }
    clock.advance(5_000);
    for (let i = 1; i < said.length; i++) expect(said[i]!.at - said[i - 1]!.at).toBeGreaterThanOrEqual(3_000);
    expect(said.length).toBeLessThanOrEqual(5);
    const counted = said.reduce((sum, s) => sum + (/^(\d+) wijzigingen/.exec(s.text) ? Number(/^(\d+)/.exec(s.text)![1]) : 1), 0);
    expect(counted).toBe(40);
  });

  it('waits out the rest of the interval after speaking, then speaks again', () => {
    const { clock, said, queue } = setup();
    queue.push('first');
    clock.advance(300);
    queue.push('second');
    clock.advance(2_000);
    expect(said.map((s) => s.text)).toEqual(['first']);
    clock.advance(1_000);
    expect(said).toEqual([
      { at: 300, text: 'first' },
      { at: 3_300, text: 'second' },
    ]);
  });

  it('says nothing after dispose', () => {
    const { clock, said, queue } = setup();
    queue.push('a');
    queue.dispose();
    clock.advance(10_000);
    expect(said).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
  });
});
