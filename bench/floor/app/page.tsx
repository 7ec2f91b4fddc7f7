import {readFileSync} from 'node:fs';
import path from 'node:path';

/**
 * The policy text of content/privacy/ja.mdx, as headings and paragraphs, nothing else. The bench
 * passes the file's absolute path (FLOOR_POLICY_FILE): the floor is built from bench/floor.
 */
export default function FloorPage() {
  const source = readFileSync(path.resolve(process.env.FLOOR_POLICY_FILE ?? 'content/privacy/ja.mdx'), 'utf8');
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
  const blocks = body
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block && !block.startsWith('<'));
  return (
    <main>
      {blocks.map((block, i) =>
        block.startsWith('# ') ? (
          <h1 key={i}>{block.slice(2)}</h1>
        ) : block.startsWith('## ') ? (
          <h2 key={i}>{block.slice(3)}</h2>
        ) : (
          <p key={i}>{block.replace(/^\s*\d+\.\s*/gm, '')}</p>
        ),
      )}
    </main>
  );
}
