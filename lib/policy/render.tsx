import {createProcessor, run} from '@mdx-js/mdx';
import type {MDXComponents} from 'mdx/types';
import type {Root, RootContent} from 'mdast';
import * as runtime from 'react/jsx-runtime';
import {VFile} from 'vfile';
import type {PolicyDocument} from './types';

/**
 * Turns the checked, annotated tree into a React component. The tree is the one `policy:check`
 * validated — no second parse — and the page heading is left out because the page renders it with
 * the dates and table of contents beneath it.
 */
export type PolicyContent = (props: {components?: MDXComponents}) => React.JSX.Element;

export async function compilePolicy(doc: PolicyDocument): Promise<PolicyContent> {
  const tree: Root = {
    type: 'root',
    children: groupArticles(
      structuredClone(doc.tree.children).filter(
        (node) => node.type !== 'yaml' && !(node.type === 'heading' && node.depth === 1),
      ),
    ),
  };
  const file = new VFile({path: doc.file});
  const processor = createProcessor({outputFormat: 'function-body'});
  // The processor is typed from its own parser (estree); it runs any mdast root.
  const program = await processor.run(tree as never, file);
  const code = processor.stringify(program, file);
  const {default: Content} = await run(String(code), {...runtime, baseUrl: import.meta.url});
  return Content as PolicyContent;
}

/** Wraps each article (its ## heading and what follows) in a <section>, for layout and printing. */
function groupArticles(nodes: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  let section: Extract<RootContent, {type: 'mdxJsxFlowElement'}> | null = null;
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth === 2) {
      const id = String((node.data as {hProperties?: {id?: string}} | undefined)?.hProperties?.id ?? '');
      section = {
        type: 'mdxJsxFlowElement',
        name: 'section',
        attributes: [
          {type: 'mdxJsxAttribute', name: 'className', value: 'policy-article'},
          {type: 'mdxJsxAttribute', name: 'data-article', value: id},
        ],
        children: [],
      };
      out.push(section);
    }
    (section ? section.children : out).push(node as never);
  }
  return out;
}
