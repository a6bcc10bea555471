import { describe, expect, it } from 'vitest';
import { formatRemaining, parseDuration } from './timerFormat';

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

  it('reads minutes, or minutes and seconds, within the limits of timer.set', () => {
    expect(parseDuration('5')).toBe(300_000);
    expect(parseDuration(' 1,5 ')).toBe(90_000);
    expect(parseDuration('1.5')).toBe(90_000);
    expect(parseDuration('2:30')).toBe(150_000);
    expect(parseDuration('0:03')).toBe(3_000);
    expect(parseDuration('240')).toBe(14_400_000);
    expect(parseDuration('240:00')).toBe(14_400_000);
    expect(parseDuration('0')).toBeNull();
    expect(parseDuration('0:00')).toBeNull();
    expect(parseDuration('241')).toBeNull();
    expect(parseDuration('240:01')).toBeNull();
    expect(parseDuration('2:75')).toBeNull();
    expect(parseDuration('vijf')).toBeNull();
    expect(parseDuration('-5')).toBeNull();
    expect(parseDuration('')).toBeNull();
  });
});
