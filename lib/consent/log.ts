/**
 * The consent code's one way to the server log: at most one line per cause per minute (a store
 * that stays down, or a flood of bad requests, does not flood the log), with consent ids and
 * control characters taken out (a log line never names a visitor, and nothing a client sent can
 * forge a line or colour a terminal).
 */

const ONCE_PER_MS = 60_000;
const CONSENT_ID = /[0-9a-f]{32}/gi;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Text fit for one log line: no consent id, no newline or escape sequence. */
export function logSafe(text: string): string {
  return text
    .replace(CONSENT_ID, '<consent-id>')
    .replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** An error's cause as text, whatever was thrown (an engine may throw a plain object). */
export function causeOf(error: unknown): string {
  const message = (error as {message?: unknown} | null)?.message;
  if (typeof message === 'string' && message) return logSafe(message);
  if (typeof error === 'string') return logSafe(error);
  try {
    return logSafe(JSON.stringify(error) ?? String(error));
  } catch {
    return logSafe(String(error));
  }
}

const shared = globalThis as typeof globalThis & {__heyimgConsentLog?: Map<string, {at: number; suppressed: number}>};
const lastLogged = (shared.__heyimgConsentLog ??= new Map());

/** Logs `message` unless the same one was logged less than a minute ago; says how many were held back. */
export function logOncePerMinute(message: string, now = Date.now()): void {
  const line = logSafe(message);
  const last = lastLogged.get(line);
  if (last && now - last.at < ONCE_PER_MS) {
    last.suppressed++;
    return;
  }
  if (lastLogged.size > 1000) lastLogged.clear(); // causes are few; this bounds a pathological variety
  const held = last?.suppressed ? ` (${last.suppressed} more in the last minute)` : '';
  lastLogged.set(line, {at: now, suppressed: 0});
  console.error(line + held);
}
