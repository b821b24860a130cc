// Turning spec names into TypeScript identifiers.
export const pascal = (name) => name.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, __, c) => c.toUpperCase());
export const isIdentifier = (name) => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
/** A string literal for generated code. */
export const literal = (value) => `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
/** A JSDoc block from lines of text (`*​/` cannot close it early). */
export function doc(lines, indent = '') {
  const text = lines.filter((line) => line !== undefined && line !== null).flatMap((line) => String(line).trimEnd().split('\n'));
  if (!text.length) return '';
  const safe = text.map((line) => line.replace(/\*\//g, '*\\/'));
  return safe.length === 1 ? `${indent}/** ${safe[0]} */\n` : `${indent}/**\n${safe.map((l) => `${indent} *${l ? ` ${l}` : ''}`).join('\n')}\n${indent} */\n`;
}
