import {readFileSync} from 'node:fs';
import type {Heading, Paragraph} from 'mdast';
import {visit} from 'unist-util-visit';
import {describe, expect, it} from 'vitest';
import {FIRST_VERSION, recordedVersion} from '../support/policy-record';

/**
 * Version 1.0.0's Japanese text — the current file while it is current, versions/1.0.0/ once archived
 * — against a copy of the source policy (tests/fixtures/source), character for character, spaces included: seed-fidelity.py ignores spaces, so it would miss 「第1条」 for
 * 「第 1 条」. The source numbers Art. 2 flat (1.–13., (1), ア); those markers are the page's to draw,
 * so they are removed from the source before comparing, and nothing else is.
 */
const SOURCE = readFileSync('tests/fixtures/source/privacy-policy.ja.md', 'utf8');
const policy = recordedVersion(FIRST_VERSION).ja;

const sourceBody = SOURCE.replace(/^---\n[\s\S]*?\n---\n/, '');
const sourceHeadings = [...sourceBody.matchAll(/^(#{1,2}) (.+)$/gm)].map((m) => m[2]!);
const LIST_MARKER = /^\s*(?:\d+\.\s+)?(?:\(\d+\)\s*|[アイウエオ][\s\u3000]+)?/u;
const sourceLines = sourceBody
  .split('\n')
  .filter((line) => line.trim() !== '' && !/^#{1,2} /.test(line))
  .map((line) => line.replace(LIST_MARKER, ''));

/** Sentences end at 。 (kept); a line without one (a caption, "Email: …") is one sentence. */
function sentences(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => line.split(/(?<=。)/u))
    .filter((sentence) => sentence.trim() !== '');
}

/** The text a reader sees, without the clause markers (1. / (1) / ア) the site inserts. */
function visibleText(node: Paragraph | Heading): string {
  let text = '';
  visit(node, (child) => {
    if (child.type === 'mdxJsxTextElement' && child.name === 'span') return 'skip';
    if (child.type === 'text' || child.type === 'inlineCode') text += child.value;
  });
  return text;
}

const policyHeadings: string[] = [];
const policyParagraphs: string[] = [];
visit(policy.tree, (node) => {
  if (node.type === 'heading' && node.depth <= 2) policyHeadings.push(visibleText(node));
  if (node.type === 'paragraph') policyParagraphs.push(visibleText(node));
});

describe('version 1.0.0 of the Japanese policy reproduces the source verbatim', () => {
  it('has every heading of the source, spaces included, in order', () => {
    expect(sourceHeadings).toContain('第 1 条（総則）');
    expect(policyHeadings).toEqual(sourceHeadings);
  });

  it('has every sentence of the source, character for character, in order, and no other', () => {
    expect(policyParagraphs.flatMap(sentences)).toEqual(sourceLines.flatMap(sentences));
  });

  it('has the title and description of the source', () => {
    const field = (name: string) => new RegExp(`^${name}: (.+)$`, 'm').exec(SOURCE)![1];
    expect(policy.frontmatter?.title).toBe(field('title'));
    expect(policy.frontmatter?.description).toBe(field('description'));
  });
});
