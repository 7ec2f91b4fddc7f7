// The one way the build turns the site's browser code and CSS into files (esbuild): the consent
// island and the site's CSS (scripts/build-assets.ts), the consent embed and its CSS
// (scripts/build-embed.tsx). Deterministic: the same sources give the same bytes, which the embed's
// release record (its SRI hash) relies on.
import {createHash} from 'node:crypto';
import {build, type BuildOptions} from 'esbuild';

const COMMON: BuildOptions = {bundle: true, minify: true, legalComments: 'none', write: false, alias: {'@': '.'}};

/** A browser script, one self-contained file. */
export async function bundleScript(entry: string): Promise<Uint8Array> {
  const result = await build({
    ...COMMON,
    entryPoints: [entry],
    format: 'iife',
    target: ['es2020'],
    platform: 'browser',
  });
  return result.outputFiles![0]!.contents;
}

/** A stylesheet with its @imports resolved, from a file or from CSS text. */
export async function bundleCss(source: {file: string} | {contents: string}): Promise<string> {
  const result = await build({
    ...COMMON,
    ...('file' in source
      ? {entryPoints: [source.file]}
      : {stdin: {contents: source.contents, resolveDir: '.', loader: 'css'}}),
    target: ['chrome111', 'firefox115', 'safari16.4'],
  });
  return new TextDecoder().decode(result.outputFiles![0]!.contents);
}

/** The SRI hash of a file's bytes, as a host page's integrity attribute takes it. */
export const integrityOf = (bytes: Uint8Array) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
