import {isMap, isScalar, LineCounter, parseDocument} from 'yaml';
import type {z} from 'zod';

export interface Place {
  line: number;
  column: number;
}

export type YamlCheck<T> =
  | {ok: true; data: T; fieldLines: Record<string, number>; lineOf: (path: (string | number)[]) => Place}
  | {ok: false; yamlError: {at: Place; reason: string}}
  | {ok: false; issues: {at: Place; path: string; issue: z.core.$ZodIssue}[]};

/**
 * Parses YAML written by legal staff and validates it with a zod schema, keeping where every value
 * is: each problem comes back with the line of the value concerned (or of its parent when it is
 * missing, or of the misspelled key). `firstLine` is the file line of the YAML's first line.
 */
export function checkYaml<T>(
  text: string,
  schema: z.ZodType<T>,
  options: {firstLine?: number; error?: z.core.$ZodErrorMap} = {},
): YamlCheck<T> {
  const firstLine = options.firstLine ?? 1;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {lineCounter, prettyErrors: false});
  const at = (offset: number): Place => {
    const pos = lineCounter.linePos(offset);
    return {line: firstLine + pos.line - 1, column: pos.col};
  };
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    return {ok: false, yamlError: {at: at(error.pos[0]), reason: error.message.split('\n')[0]!}};
  }
  const lineOf = (path: (string | number)[]): Place => {
    let node = doc.getIn(path, true) as {range?: [number, number, number]} | undefined;
    for (let depth = path.length - 1; !node?.range && depth >= 0; depth--) {
      node = doc.getIn(path.slice(0, depth), true) as typeof node;
    }
    return node?.range ? at(node.range[0]) : {line: firstLine, column: 1};
  };
  const result = schema.safeParse(doc.toJS(), options.error ? {error: options.error} : undefined);
  if (result.success) {
    const fieldLines: Record<string, number> = {};
    if (isMap(doc.contents)) {
      for (const pair of doc.contents.items) {
        if (isScalar(pair.key) && pair.key.range) fieldLines[String(pair.key.value)] = at(pair.key.range[0]).line;
      }
    }
    return {ok: true, data: result.data, fieldLines, lineOf};
  }
  const issues = result.error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    let place = lineOf(path);
    if (issue.code === 'unrecognized_keys') {
      // Point at the misspelled key itself.
      const parent = doc.getIn(path, true) ?? doc.contents;
      const pair = isMap(parent)
        ? parent.items.find((item) => isScalar(item.key) && issue.keys.includes(String(item.key.value)))
        : undefined;
      if (pair && isScalar(pair.key) && pair.key.range) place = at(pair.key.range[0]);
    }
    return {at: place, path: path.join('.'), issue};
  });
  return {ok: false, issues};
}
