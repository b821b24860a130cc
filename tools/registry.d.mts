export interface VendorEntry {
  /** The folder name under specs/ and packages/, and the provider id: `bird`. */
  id: string;
  /** PascalCase stem of generated names: `Bird` → `createBirdClient`, `birdAdapter`. */
  name: string;
  displayName: string;
  docsTitle: string;
  /** The mock's port is the base port plus this. */
  portOffset: number;
  specPackage: string;
  clientPackage: string;
  identifiers: { factory: string; client: string; adapter: string; profile: string; constant: string };
  specFile: string;
  packageDir: string;
  specDir: string;
}
export function vendors(root?: string): VendorEntry[];
export function vendor(id: string, root?: string): VendorEntry;
