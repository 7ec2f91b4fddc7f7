import type {Root} from 'mdast';
import type {VFile} from 'vfile';
import {isMap, isScalar, LineCounter, parseDocument} from 'yaml';
import {report} from '../diagnostics';
import {frontmatterSchema} from '../frontmatter';

/**
 * Reads the YAML frontmatter into `file.data.policy.frontmatter`, validated by the schema, with the
 * line of each field; every problem is reported at the line of the value (or key) concerned.
 */
export function remarkPolicyFrontmatter() {
  return (tree: Root, file: VFile) => {
    const data = file.data.policy!;
    const yamlNode = tree.children[0]?.type === 'yaml' ? tree.children[0] : null;
    if (!yamlNode) {
      report(file, {line: 1, column: 1}, 'frontmatter-missing', {});
      return;
    }
    const firstLine = (yamlNode.position?.start.line ?? 1) + 1;
    const lineCounter = new LineCounter();
    const doc = parseDocument(yamlNode.value, {lineCounter, prettyErrors: false});
    const lineOf = (offset: number) => {
      const at = lineCounter.linePos(offset);
      return {line: firstLine + at.line - 1, column: at.col};
    };
    if (doc.errors.length > 0) {
      const error = doc.errors[0]!;
      report(file, lineOf(error.pos[0]), 'frontmatter-yaml', {reason: error.message.split('\n')[0]!});
      return;
    }
    if (isMap(doc.contents)) {
      for (const pair of doc.contents.items) {
        if (isScalar(pair.key) && pair.key.range)
          data.fieldLines[String(pair.key.value)] = lineOf(pair.key.range[0]).line;
      }
    }
    const result = frontmatterSchema.safeParse(doc.toJS());
    if (result.success) {
      data.frontmatter = result.data;
      if (!result.data.effectiveDate && data.locale === 'ja') {
        report(file, {line: data.fieldLines.version ?? 1, column: 1}, 'effective-date-unset', {});
      }
      return;
    }
    for (const issue of result.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      // Point at the offending value, or at its parent when the field itself is missing.
      let node = doc.getIn(path, true) as {range?: [number, number, number]} | undefined;
      for (let depth = path.length - 1; !node?.range && depth >= 0; depth--) {
        node = doc.getIn(path.slice(0, depth), true) as typeof node;
      }
      if (issue.code === 'unrecognized_keys') {
        // Point at the misspelled key itself.
        const parent = doc.getIn(path, true) ?? doc.contents;
        const pair = isMap(parent)
          ? parent.items.find((item) => isScalar(item.key) && issue.keys.includes(String(item.key.value)))
          : undefined;
        if (pair && isScalar(pair.key) && pair.key.range) node = pair.key as typeof node;
      }
      const at = node?.range ? lineOf(node.range[0]) : {line: firstLine, column: 1};
      report(file, at, 'frontmatter-field', {field: path.join('.') || '(frontmatter)', reason: issue.message});
    }
  };
}
