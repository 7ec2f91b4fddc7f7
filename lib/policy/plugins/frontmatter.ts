import type {Root} from 'mdast';
import type {VFile} from 'vfile';
import {checkYaml} from '../../yaml-check';
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
    const checked = checkYaml(yamlNode.value, frontmatterSchema, {firstLine: (yamlNode.position?.start.line ?? 1) + 1});
    if ('yamlError' in checked) {
      report(file, checked.yamlError.at, 'frontmatter-yaml', {reason: checked.yamlError.reason});
    } else if ('issues' in checked) {
      for (const {at, path, issue} of checked.issues) {
        report(file, at, 'frontmatter-field', {field: path || '(frontmatter)', reason: issue.message});
      }
    } else {
      data.frontmatter = checked.data;
      data.fieldLines = checked.fieldLines;
      if (!checked.data.effectiveDate && data.locale === 'ja') {
        report(file, {line: data.fieldLines.version ?? 1, column: 1}, 'effective-date-unset', {});
      }
    }
  };
}
