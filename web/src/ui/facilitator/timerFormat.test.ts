import { describe, expect, it } from 'vitest';
import { formatRemaining, minutesToMs } from './timerFormat';

describe('timer text', () => {
  it('shows m:ss, rounding up so 0:00 means the time is up', () => {
    expect(formatRemaining(300_000)).toBe('5:00');
    expect(formatRemaining(299_001)).toBe('5:00');
    expect(formatRemaining(299_000)).toBe('4:59');
    expect(formatRemaining(1)).toBe('0:01');
    expect(formatRemaining(0)).toBe('0:00');
    expect(formatRemaining(-5_000)).toBe('0:00');
  });

  it('shows hours past an hour', () => {
    expect(formatRemaining(3_600_000)).toBe('1:00:00');
    expect(formatRemaining(14_400_000)).toBe('4:00:00');
    expect(formatRemaining(3_725_000)).toBe('1:02:05');
  });

  it('reads minutes within the limits of timer.set', () => {
    expect(minutesToMs('5')).toBe(300_000);
    expect(minutesToMs(' 1,5 ')).toBe(90_000);
    expect(minutesToMs('240')).toBe(14_400_000);
    expect(minutesToMs('0')).toBeNull();
    expect(minutesToMs('241')).toBeNull();
    expect(minutesToMs('vijf')).toBeNull();
    expect(minutesToMs('')).toBeNull();
  });
});
