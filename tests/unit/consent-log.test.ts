import {afterEach, describe, expect, it, vi} from 'vitest';
import {causeOf, logOncePerMinute, logSafe} from '@/lib/consent/log';

// Issue 19, finding 6: a failing store wrote 41,117 lines in 6 s, consent ids included, and its
// health showed "[object Object]".
describe('the consent log', () => {
  afterEach(() => vi.restoreAllMocks());

  it('names no visitor and lets nothing a client sent forge a line', () => {
    expect(logSafe(`duplicate key (consent_id)=(${'a'.repeat(32)})`)).toBe('duplicate key (consent_id)=(<consent-id>)');
    expect(logSafe('/x\n\u001b[31mFAKE')).toBe('/x\\u000a\\u001b[31mFAKE');
  });

  it('writes one line per cause per minute, then says how many it held back', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const t = 1_000_000;
    for (let i = 0; i < 1000; i++) logOncePerMinute('[consent] disk full', t + i);
    logOncePerMinute('[consent] another cause', t);
    expect(error).toHaveBeenCalledTimes(2);
    logOncePerMinute('[consent] disk full', t + 60_000);
    expect(error).toHaveBeenCalledTimes(3);
    expect(error.mock.calls[2]![0]).toBe('[consent] disk full (999 more in the last minute)');
  });

  it('turns whatever was thrown into text', () => {
    expect(causeOf(new Error('ENOSPC: no space left on device'))).toBe('ENOSPC: no space left on device');
    expect(causeOf({message: 'Aborted()'})).toBe('Aborted()');
    expect(causeOf({code: 'XX000'})).toBe('{"code":"XX000"}');
  });
});
