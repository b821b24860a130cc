// The spec as one self-contained file, for the vendor package to ship as `openapi.json` and
// `openapi.yaml`: every external `$ref` inlined by Redocly's bundler (the same library the
// openapi-typescript types come from), in one process with the rest of the generation.
import { bundle, createConfig, stringifyYaml } from '@redocly/openapi-core';

/** `{ json, yaml }` texts of the bundled spec; throws on a reference that does not resolve. */
export async function bundleSpec(file) {
  const { bundle: result, problems } = await bundle({ ref: file, config: await createConfig({}) });
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length) throw new Error(`codegen: ${file} does not bundle: ${errors.map((e) => e.message).join('; ')}`);
  const spec = result.parsed;
  return { json: `${JSON.stringify(spec, null, 2)}\n`, yaml: stringifyYaml(spec, { noRefs: true, lineWidth: -1 }) };
}
