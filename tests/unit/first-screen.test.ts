import {describe, expect, it} from 'vitest';
import {firstScreenFirstScript} from '@/lib/pages/first-screen';

type Pending = Record<'DOMContentLoaded' | 'frame' | 'timer', (() => void)[]>;

class FakeElement {
  readonly attributes = new Set<string>();
  constructor(
    readonly name: string,
    private readonly layouts: string[],
    /** For a link with an anchor: the path it leads to. */
    readonly pathname?: string,
  ) {}
  setAttribute(name: string) {
    this.attributes.add(name);
  }
  removeAttribute(name: string) {
    this.attributes.delete(name);
  }
  hasAttribute(name: string) {
    return this.attributes.has(name);
  }
  getBoundingClientRect() {
    this.layouts.push(this.name);
  }
  closest(selector: string) {
    return selector === 'a[href*="#"]' && this.pathname !== undefined ? this : null;
  }
}

/**
 * Runs the script against a minimal document, as the browser would in <head>. What it leaves for
 * later (the DOMContentLoaded listener, a frame, a timer) waits in `pending` until `step`; `fire`
 * sends a document event the way the browser would (capture listeners).
 */
function run(options: {hash?: string; navigation?: string | null; blocks?: number} = {}) {
  const layouts: string[] = [];
  const root = new FakeElement('html', layouts);
  const blocks = Array.from({length: options.blocks ?? 3}, (_, i) => new FakeElement(`block ${i}`, layouts));
  const pending: Pending = {DOMContentLoaded: [], frame: [], timer: []};
  const listeners: Record<string, ((event: {target: unknown}) => void)[]> = {};
  const window = {
    requestAnimationFrame: (callback: () => void) => pending.frame.push(callback),
    setTimeout: (callback: () => void) => pending.timer.push(callback),
  };
  const document = {
    documentElement: root,
    addEventListener: (event: string, listener: () => void, capture?: boolean) =>
      event === 'DOMContentLoaded'
        ? pending.DOMContentLoaded.push(listener)
        : capture && (listeners[event] ??= []).push(listener),
    removeEventListener: (event: string, listener: () => void) =>
      (listeners[event] = (listeners[event] ?? []).filter((l) => l !== listener)),
    querySelectorAll: (selector: string) => (selector === 'main section > *' ? blocks : []),
  };
  const navigation = options.navigation === null ? [] : [{type: options.navigation ?? 'navigate'}];
  const performance = {getEntriesByType: (type: string) => (type === 'navigation' ? navigation : [])};
  const location = {hash: options.hash ?? '', pathname: '/privacy'};
  new Function(
    'window',
    'document',
    'performance',
    'location',
    'Element',
    'HTMLAnchorElement',
    firstScreenFirstScript(),
  )(window, document, performance, location, FakeElement, FakeElement);
  const step = (which: keyof Pending) => pending[which].splice(0).forEach((callback) => callback());
  const fire = (event: string, target: unknown = root) => [...(listeners[event] ?? [])].forEach((l) => l({target}));
  const waiting = () => root.hasAttribute('data-first-screen-first');
  const listening = () => Object.values(listeners).flat().length;
  return {blocks, layouts, pending, step, fire, waiting, listening};
}

describe('the first screen first', () => {
  it('marks <html> on a plain visit, then lays out one block per task after the first paint', () => {
    const page = run({blocks: 3});
    expect(page.waiting()).toBe(true);
    // Nothing before the page is parsed and painted.
    page.step('DOMContentLoaded');
    expect(page.pending.timer).toHaveLength(0);
    page.step('frame');
    for (let i = 0; i < 3; i++) {
      page.step('timer');
      expect(page.blocks.map((b) => b.hasAttribute('data-laid-out'))).toEqual([0, 1, 2].map((j) => j <= i));
      expect(page.layouts).toEqual([0, 1, 2].slice(0, i + 1).map((j) => `block ${j}`));
      expect(page.waiting()).toBe(true);
    }
    // The last turn switches the rule off: from here the page is laid out whole.
    page.step('timer');
    expect(page.waiting()).toBe(false);
    expect(page.pending.timer).toHaveLength(0);
    expect(page.listening()).toBe(0);
  });

  it('a page with no blocks is released at its first turn', () => {
    const page = run({blocks: 0});
    page.step('DOMContentLoaded');
    page.step('frame');
    page.step('timer');
    expect(page.waiting()).toBe(false);
  });

  it('a jump to an anchor on the page before the last turn lays out the rest at once', () => {
    const page = run({blocks: 3});
    page.step('DOMContentLoaded');
    page.step('frame');
    page.step('timer');
    // A click elsewhere, or on a link to another page's anchor, changes nothing.
    page.fire('click', new FakeElement('p', []));
    page.fire('click', new FakeElement('a', [], '/en/privacy'));
    expect(page.waiting()).toBe(true);
    page.fire('click', new FakeElement('a', [], '/privacy'));
    expect(page.waiting()).toBe(false);
    expect(page.listening()).toBe(0);
    // The turns still queued end without laying anything out.
    page.step('timer');
    expect(page.layouts).toEqual(['block 0']);
    expect(page.pending.timer).toHaveLength(0);
  });

  it('so does a copy, before the page is even parsed', () => {
    const page = run({blocks: 3});
    page.fire('copy');
    expect(page.waiting()).toBe(false);
    page.step('DOMContentLoaded');
    page.step('frame');
    page.step('timer');
    expect(page.layouts).toEqual([]);
  });

  it.each([
    ['opened at an anchor', {hash: '#cookie-table'}],
    ['reloaded', {navigation: 'reload'}],
    ['reached by back or forward', {navigation: 'back_forward'}],
  ])('does nothing when the page is %s: the browser scrolls by the real heights', (_, options) => {
    const page = run(options);
    expect(page.waiting()).toBe(false);
    expect(page.pending.DOMContentLoaded).toHaveLength(0);
    expect(page.listening()).toBe(0);
  });

  it('without a navigation entry (an older browser) it treats the visit as a plain one', () => {
    expect(run({navigation: null}).waiting()).toBe(true);
  });
});
