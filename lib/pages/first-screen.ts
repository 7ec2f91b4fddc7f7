/** The blocks that wait their turn: each child of a section in <main> (app/globals.css says the same). */
const BLOCKS = 'main section > *';

/**
 * The first screen first. Laid out at once, a long page is one task of 40–100 ms on our 2-core
 * machine (several times that on a low-end phone) before the reader can tap anything. With
 * `html[data-first-screen-first]` set, app/globals.css gives the blocks of main's sections
 * `content-visibility: auto`, so the first layout covers what is on screen; right after the first
 * paint the blocks are laid out one per task, in document order, and the attribute is removed.
 * From then on the page is laid out whole: anchors land exactly, copying the page copies all of it.
 * A jump to an anchor in the text (a click, or an anchor typed into the address bar), or a copy,
 * before the last turn lays out the rest at once.
 *
 * Not used when the page opens at an anchor, or on a reload or a step back or forward: the browser
 * then scrolls to a position that needs the real height of everything above it. Without
 * JavaScript the attribute is never set and the page is laid out at once.
 */
function layOutFirstScreenFirst(blocksSelector: string) {
  const root = document.documentElement;
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (location.hash !== '' || (navigation !== undefined && navigation.type !== 'navigate')) return;
  root.setAttribute('data-first-screen-first', '');
  const waiting = () => root.hasAttribute('data-first-screen-first');
  const wholePage = () => {
    root.removeAttribute('data-first-screen-first');
    document.removeEventListener('click', beforeJump, true);
    document.removeEventListener('copy', wholePage, true);
    window.removeEventListener('hashchange', afterJump);
  };
  // The element an anchor names (none for one that is not valid percent-encoding).
  const anchored = (hash: string) => {
    try {
      return document.getElementById(decodeURIComponent(hash.slice(1)));
    } catch {
      return null;
    }
  };
  // A link to an anchor in one of the blocks, however written (#cookie-table, /privacy#article-2-1-u);
  // not one the consent island answers (#consent-banner) or the skip link.
  const beforeJump = (event: Event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href*="#"]') : null;
    if (
      link instanceof HTMLAnchorElement &&
      link.pathname === location.pathname &&
      anchored(link.hash)?.closest(blocksSelector)
    )
      wholePage();
  };
  // An anchor typed into the address bar: the browser has scrolled already, by the heights of then.
  const afterJump = () => {
    wholePage();
    anchored(location.hash)?.scrollIntoView();
  };
  document.addEventListener('click', beforeJump, true);
  document.addEventListener('copy', wholePage, true);
  window.addEventListener('hashchange', afterJump);
  // A block on screen, or within half a screen of it, is laid out before it is painted: painted at
  // its placeholder height, it would grow a frame later and move what follows (a tall window shows
  // the first articles on its first screen). Checked when the parse ends (Chrome may paint in that
  // task) and before every frame until the turns begin.
  let turnsBegun = false;
  const layOutOnScreen = () => {
    for (let changed = true; changed;) {
      changed = false;
      for (const block of document.querySelectorAll(blocksSelector)) {
        if (block.hasAttribute('data-laid-out')) continue;
        const box = block.getBoundingClientRect();
        if (box.top < window.innerHeight * 1.5 && box.bottom > -window.innerHeight / 2) {
          block.setAttribute('data-laid-out', '');
          changed = true;
        }
      }
    }
  };
  const beforeEachFrame = () => {
    layOutOnScreen();
    if (!turnsBegun && waiting()) window.requestAnimationFrame(beforeEachFrame);
  };
  window.requestAnimationFrame(beforeEachFrame);
  document.addEventListener('DOMContentLoaded', layOutOnScreen);
  document.addEventListener('DOMContentLoaded', () =>
    window.requestAnimationFrame(() => {
      turnsBegun = true;
      const blocks = Array.from(document.querySelectorAll(blocksSelector));
      const layOutNext = () => {
        if (!waiting()) return;
        const block = blocks.shift();
        if (block === undefined) return wholePage();
        if (block.hasAttribute('data-laid-out')) return layOutNext();
        block.setAttribute('data-laid-out', '');
        // Laid out in this task, not together with every other block at the next frame.
        block.getBoundingClientRect();
        window.setTimeout(layOutNext);
      };
      window.setTimeout(layOutNext);
    }),
  );
}

/** The inline script for <head> (its hash goes into the page's CSP at build, like the boot script's). */
export function firstScreenFirstScript(): string {
  return `(${layOutFirstScreenFirst.toString()})(${JSON.stringify(BLOCKS)})`;
}
