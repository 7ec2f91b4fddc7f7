import {createHash} from 'node:crypto';
import {describe, expect, it} from 'vitest';
import {contentSecurityPolicy, inlineScriptHashes} from '@/lib/security/csp';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

describe('CSP', () => {
  it('hashes exactly the inline scripts of a page, not external ones or empty ones', () => {
    const html =
      '<script src="/a.js" async=""></script><script>one()</script><script id="_R_">two()</script><script></script><script>one()</script><SCRIPT>three()</SCRIPT>';
    expect(inlineScriptHashes(html)).toEqual([sha('one()'), sha('two()'), sha('three()')]);
  });

  it('builds a policy with hashes and no unsafe-inline, upgrading requests only on https', () => {
    const csp = contentSecurityPolicy({scripts: ["'sha256-abc='"], styles: ["'sha256-css='"]}, {https: false});
    expect(csp).toContain("script-src 'self' 'sha256-abc='");
    expect(csp).toContain("style-src 'self' 'sha256-css='");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe|upgrade-insecure-requests/);
    expect(contentSecurityPolicy({scripts: [], styles: []}, {https: true})).toMatch(/upgrade-insecure-requests$/);
  });
});
