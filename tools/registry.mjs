// The vendor registry: the one place that says which vendors exist. A vendor is a folder
// specs/<id>/ whose package.json has a `parley` field; everything else (mocks, docs, size budgets,
// the unified provider list, tests, the CLI's usage) reads this module or a file generated from it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const FIELDS = ['name', 'displayName', 'docsTitle', 'portOffset', 'clientPackage'];

/** Every registered vendor, in the order of their mock ports. */
export function vendors(root = ROOT) {
  const specs = `${root}specs/`;
  const found = readdirSync(specs, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(`${specs}${entry.name}/package.json`))
    .map((entry) => ({ id: entry.name, manifest: JSON.parse(readFileSync(`${specs}${entry.name}/package.json`, 'utf8')) }))
    .filter(({ manifest }) => manifest.parley)
    .map(({ id, manifest }) => toEntry(root, id, manifest));
  const ports = new Map();
  for (const vendor of found) {
    const other = ports.get(vendor.portOffset);
    if (other) throw new Error(`vendor registry: ${vendor.id} and ${other} share portOffset ${vendor.portOffset}`);
    ports.set(vendor.portOffset, vendor.id);
  }
  return found.sort((a, b) => a.portOffset - b.portOffset);
}

/** One vendor by id; throws with the known ids when there is none. */
export function vendor(id, root = ROOT) {
  const all = vendors(root);
  const found = all.find((v) => v.id === id);
  if (!found) throw new Error(`unknown vendor ${JSON.stringify(id)}; registered: ${all.map((v) => v.id).join(', ')}`);
  return found;
}

function toEntry(root, id, manifest) {
  const entry = manifest.parley;
  const missing = FIELDS.filter((field) => entry[field] === undefined);
  if (missing.length) throw new Error(`specs/${id}/package.json: "parley" lacks ${missing.join(', ')}`);
  if (!/^[a-z][a-z0-9-]*$/.test(id)) throw new Error(`specs/${id}: a vendor id is lower-case letters, digits and dashes`);
  if (!/^[A-Z][A-Za-z0-9]*$/.test(entry.name)) throw new Error(`specs/${id}/package.json: parley.name is a PascalCase identifier stem`);
  if (!Number.isInteger(entry.portOffset) || entry.portOffset < 0) throw new Error(`specs/${id}/package.json: parley.portOffset is a whole number`);
  const camel = entry.name[0].toLowerCase() + entry.name.slice(1);
  return {
    id,
    name: entry.name,
    displayName: entry.displayName,
    docsTitle: entry.docsTitle,
    portOffset: entry.portOffset,
    specPackage: manifest.name,
    clientPackage: entry.clientPackage,
    /** Names the generated code and the unified package use. */
    identifiers: { factory: `create${entry.name}Client`, client: `${entry.name}Client`, adapter: `${camel}Adapter`, profile: `${camel}Profile`, constant: id.replace(/-/g, '_').toUpperCase() },
    specFile: `${root}specs/${id}/openapi.yaml`,
    packageDir: `${root}packages/${id}/`,
    specDir: `${root}specs/${id}/`,
  };
}
