import {describe, expect, it} from 'vitest';
import {firstScreenFirstScript} from '@/lib/pages/first-screen';

const BLOCKS = 'main section > *';
const SCREEN = 800;

type Pending = Record<'DOMContentLoaded' | 'frame' | 'timer', (() => void)[]>;

/** An element of the fake page: a block of a section (with where it lies), or a link. */
class FakeElement {
  readonly attributes = new Set<string>();
  constructor(
    readonly name: string,
    private readonly layouts: string[] = [],
    readonly options: {top?: number; link?: {pathname: string; hash: string}; inBlock?: FakeElement} = {},
  ) {}
  get pathname() {
    return this.options.link?.pathname;
  }
  get hash() {
    return this.options.link?.hash;
  }
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
    const top = this.options.top ?? 0;
    return {top, bottom: top + 100};
  }
  closest(selector: string) {
    if (selector === 'a[href*="#"]') return this.options.link ? this : null;
    if (selector === BLOCKS) return this.options.inBlock ?? null;
    return null;
  }
  scrollIntoView() {
    this.layouts.push(`scroll to ${this.name}`);
  }
}

/**
 * Runs the script against a minimal document, as the browser would in <head>. What it leaves for
 * later (the DOMContentLoaded listener, frames, timers) waits in `pending` until `step`; `fire`
 * sends an event the way the browser would. The blocks lie one screen apart from `firstTop` down.
 */
function run(options: {hash?: string; navigation?: string | null; blocks?: number; firstTop?: number} = {}) {
  const layouts: string[] = [];
  const root = new FakeElement('html');
  const blocks = Array.from(
    {length: options.blocks ?? 3},
    (_, i) => new FakeElement(`block ${i}`, layouts, {top: (options.firstTop ?? 2 * SCREEN) + i * SCREEN}),
  );
  const anchors: Record<string, FakeElement> = {
    'article-2': new FakeElement('#article-2', layouts, {inBlock: blocks[1]}),
    'consent-banner': new FakeElement('#consent-banner', layouts),
  };
  const pending: Pending = {DOMContentLoaded: [], frame: [], timer: []};
  const listeners: Record<string, ((event: {target: unknown}) => void)[]> = {};
  const listen = (event: string, listener: () => void) => (listeners[event] ??= []).push(listener);
  const unlisten = (event: string, listener: () => void) =>
    (listeners[event] = (listeners[event] ?? []).filter((l) => l !== listener));
  const location = {hash: options.hash ?? '', pathname: '/privacy'};
  const window = {
    innerHeight: SCREEN,
    requestAnimationFrame: (callback: () => void) => pending.frame.push(callback),
    setTimeout: (callback: () => void) => pending.timer.push(callback),
    addEventListener: listen,
    removeEventListener: unlisten,
  };
  const document = {
    documentElement: root,
    addEventListener: (event: string, listener: () => void) =>
      event === 'DOMContentLoaded' ? pending.DOMContentLoaded.push(listener) : listen(event, listener),
    removeEventListener: unlisten,
    querySelectorAll: (selector: string) => (selector === BLOCKS ? blocks : []),
    getElementById: (id: string) => anchors[id] ?? null,
  };
  const navigation = options.navigation === null ? [] : [{type: options.navigation ?? 'navigate'}];
  const performance = {getEntriesByType: (type: string) => (type === 'navigation' ? navigation : [])};
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
  const link = (pathname: string, hash: string) => new FakeElement('a', [], {link: {pathname, hash}});
  return {
    blocks,
    layouts,
    pending,
    location,
    step,
    fire,
    link,
    laidOut: () => blocks.map((b) => b.hasAttribute('data-laid-out')),
    waiting: () => root.hasAttribute('data-first-screen-first'),
    listening: () => Object.values(listeners).flat().length,
  };
}

/** Runs the script's frames and turns until the page is laid out whole (at most `limit` steps). */
function untilWhole(page: ReturnType<typeof run>, limit = 20) {
  page.step('DOMContentLoaded');
  for (let i = 0; i < limit && page.waiting(); i++) {
    page.step('frame');
    page.step('timer');
  }
}

describe('the first screen first', () => {
  it('marks <html> on a plain visit, then lays out one block per task after the first paint', () => {
    const page = run({blocks: 3});
    expect(page.waiting()).toBe(true);
    page.step('DOMContentLoaded');
    // The first frame: every block is off screen, so none is laid out before the paint.
    page.step('frame');
    expect(page.laidOut()).toEqual([false, false, false]);
    expect(page.pending.timer).toHaveLength(1);
    for (let i = 0; i < 3; i++) {
      page.step('timer');
      expect(page.laidOut()).toEqual([0, 1, 2].map((j) => j <= i));
      expect(page.waiting()).toBe(true);
    }
    // Each turn laid out its block in its own task.
    expect(page.layouts.filter((name) => name.startsWith('block')).slice(-3)).toEqual([
      'block 0',
      'block 1',
      'block 2',
    ]);
    // The last turn switches the rule off: from here the page is laid out whole.
    page.step('timer');
    expect(page.waiting()).toBe(false);
    expect(page.pending.timer).toHaveLength(0);
    expect(page.listening()).toBe(0);
  });

  it('a block on screen, or within half a screen below it, is laid out before the first paint', () => {
    // Blocks from a quarter, 1¼ and 2¼ screens down: the first two are within reach of the first frame.
    const page = run({blocks: 3, firstTop: SCREEN / 4});
    page.step('frame');
    expect(page.laidOut()).toEqual([true, true, false]);
    // Still waiting for the parse, the script looks again before the next frame; the turns skip
    // what is laid out already.
    expect(page.pending.frame).toHaveLength(1);
    untilWhole(page);
    expect(page.waiting()).toBe(false);
    expect(page.laidOut()).toEqual([true, true, true]);
  });

  it('the end of the parse looks too, for a browser that paints in that task', () => {
    const page = run({blocks: 3, firstTop: SCREEN / 4});
    page.step('DOMContentLoaded');
    expect(page.laidOut()).toEqual([true, true, false]);
  });

  it('a page with no blocks is released at its first turn', () => {
    const page = run({blocks: 0});
    untilWhole(page);
    expect(page.waiting()).toBe(false);
  });

  it('a jump to an anchor in a block, before the last turn, lays out the rest at once', () => {
    const page = run({blocks: 3});
    page.step('DOMContentLoaded');
    page.step('frame');
    page.step('timer');
    // A click elsewhere, on a link to another page, or to what is not in a block (the consent
    // island's #consent-banner) changes nothing.
    page.fire('click', new FakeElement('p'));
    page.fire('click', page.link('/en/privacy', '#article-2'));
    page.fire('click', page.link('/privacy', '#consent-banner'));
    expect(page.waiting()).toBe(true);
    page.fire('click', page.link('/privacy', '#article-2'));
    expect(page.waiting()).toBe(false);
    expect(page.listening()).toBe(0);
    // The turns still queued end without laying anything out.
    const before = page.layouts.length;
    page.step('timer');
    expect(page.layouts).toHaveLength(before);
    expect(page.pending.timer).toHaveLength(0);
  });

  it('an anchor typed into the address bar lays out the rest and scrolls to it again', () => {
    const page = run({blocks: 3});
    page.location.hash = '#article-2';
    page.fire('hashchange');
    expect(page.waiting()).toBe(false);
    expect(page.layouts.at(-1)).toBe('scroll to #article-2');
  });

  it('so does a copy, before the page is even parsed', () => {
    const page = run({blocks: 3});
    page.fire('copy');
    expect(page.waiting()).toBe(false);
    untilWhole(page);
    expect(page.laidOut()).toEqual([false, false, false]);
  });

  it.each([
    ['opened at an anchor', {hash: '#cookie-table'}],
    ['reloaded', {navigation: 'reload'}],
    ['reached by back or forward', {navigation: 'back_forward'}],
  ])('does nothing when the page is %s: the browser scrolls by the real heights', (_, options) => {
    const page = run(options);
    expect(page.waiting()).toBe(false);
    expect(page.pending.DOMContentLoaded).toHaveLength(0);
    expect(page.pending.frame).toHaveLength(0);
    expect(page.listening()).toBe(0);
  });

  it('without a navigation entry (an older browser) it treats the visit as a plain one', () => {
    expect(run({navigation: null}).waiting()).toBe(true);
  });
});
