import type {RootContent} from 'mdast';
import type {MdxJsxTextElement} from 'mdast-util-mdx';

/** Sets HTML properties (id, className) that the MDX compiler carries onto the rendered element. */
export function setProperties(node: {data?: object}, properties: Record<string, unknown>): void {
  const data = (node.data ??= {}) as {hProperties?: Record<string, unknown>};
  data.hProperties = {...data.hProperties, ...properties};
}

/** The id a heading was given by setProperties. */
export function idOf(node: {data?: object}): string {
  return String((node.data as {hProperties?: {id?: string}} | undefined)?.hProperties?.id ?? '');
}

/** An inline element the policy inserts (clause markers, <dfn>, term links) around unchanged text. */
export function inlineElement(name: string, attributes: Record<string, string>, value: string): MdxJsxTextElement {
  return {
    type: 'mdxJsxTextElement',
    name,
    attributes: Object.entries(attributes).map(([key, v]) => ({type: 'mdxJsxAttribute', name: key, value: v})),
    children: [{type: 'text', value}],
  };
}

/** The text of a node without the clause markers the site inserted and without nested lists. */
export function ownText(node: RootContent): string {
  if (node.type === 'list') return '';
  if (node.type === 'mdxJsxTextElement' && node.name === 'span') return '';
  if ('children' in node) return (node.children as RootContent[]).map(ownText).join('');
  return 'value' in node && typeof node.value === 'string' ? node.value : '';
}

export function toHalfWidthNumber(digits: string): number {
  return Number(digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
}
