// The docs show every fact no vendor source documents (`x-parley-inferred`, listed by
// tools/codegen/inferred.mjs) with a visible "Inferred" badge and its reason, so a reader never
// takes an assumption for the vendor's word. Redoc renders Markdown (and inline HTML) in
// descriptions, and `x-badges` on operations.
import { inferredFacts } from '../tools/codegen/inferred.mjs';

export const BADGE_CLASS = 'parley-inferred';
export const BADGE_CSS = `.${BADGE_CLASS} { display: inline-block; font: 600 11px/1.6 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .04em; color: #7d4e00; background: #fff8c5; border: 1px solid #d4a72c; border-radius: 4px; padding: 0 .4em; margin-right: .4em; }`;

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const badge = (reason) => `<span class="${BADGE_CLASS}" title="${escape(reason)}">Inferred</span>`;
const isOperation = (keys) => keys[0] === 'paths' && keys.length === 3;
const isExample = (keys) => keys.at(-2) === 'examples';

/** Where Redoc shows a node: a body's media type has no text of its own, so its response carries the badge. */
export const shownAt = (keys) => (keys.at(-2) === 'content' ? keys.slice(0, -2) : keys);

/** A copy of `spec` with each inferred fact badged where Redoc shows it; the count it badged. */
export function withInferredBadges(spec) {
  const copy = structuredClone(spec);
  const { facts } = inferredFacts(copy);
  for (const { keys, reason } of facts) {
    const node = shownAt(keys).reduce((parent, key) => parent[key], copy);
    const note = `${badge(reason)} ${escape(reason)}`;
    if (isOperation(keys)) node['x-badges'] = [...(node['x-badges'] ?? []), { name: 'Inferred', color: '#9a6700' }];
    // An example's summary is plain text in Redoc's picker; its description is Markdown under it.
    if (isExample(keys)) node.summary = `Inferred: ${node.summary ?? keys.at(-1)}`;
    node.description = node.description ? `${note}\n\n${node.description}` : note;
  }
  return { spec: copy, count: facts.length };
}
