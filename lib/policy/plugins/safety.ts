import type {Root} from 'mdast';
import {visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import {report} from '../diagnostics';
import {ALLOWED_COMPONENTS} from '../rules';

/**
 * Rejects what MDX would run or render beyond text: import/export, {expressions}, elements other
 * than the allowed components, and any attribute on them (event handlers above all).
 */
export function remarkPolicySafety() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      const at = node.position?.start;
      switch (node.type) {
        case 'mdxjsEsm':
          report(file, at, 'no-esm', {});
          break;
        case 'mdxFlowExpression':
        case 'mdxTextExpression': {
          // {/* comments */} are allowed; any real expression would run code at build time.
          const program = node.data?.estree;
          if (!program || program.body.length > 0) report(file, at, 'no-expression', {});
          break;
        }
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement': {
          const name = node.name ?? '';
          if (!(ALLOWED_COMPONENTS as readonly string[]).includes(name)) {
            report(file, at, 'component-not-allowed', {name});
          }
          for (const attribute of node.attributes) {
            if (attribute.type === 'mdxJsxAttribute' && /^on/i.test(attribute.name)) {
              report(file, at, 'no-event-handler', {attribute: attribute.name});
            } else {
              const label = attribute.type === 'mdxJsxAttribute' ? attribute.name : '{…}';
              report(file, at, 'no-attributes', {name, attribute: label});
            }
          }
          break;
        }
      }
    });
  };
}
