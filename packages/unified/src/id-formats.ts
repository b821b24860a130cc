/**
 * How a provider writes one kind of id: what callers may pass (`In`, for the types), how it is
 * checked and turned into the string the vendor's API takes, and how to say what was expected.
 */
export interface IdFormat<In = string> {
  /** Completes "must be …", e.g. "a uuid". */
  readonly expected: string;
  /** The id as the vendor's API takes it, or undefined when `value` is not one. */
  parse(value: unknown): string | undefined;
  /** Type only: what a caller may pass. */
  readonly __input?: In;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Any non-blank string. */
export const text: IdFormat<string> = {
  expected: 'a non-empty string',
  parse: (value) => (typeof value === 'string' && value.trim() !== '' ? value : undefined),
};

export const uuid: IdFormat<string> = {
  expected: 'a uuid',
  parse: (value) => (typeof value === 'string' && UUID.test(value) ? value : undefined),
};

/** A positive integer id, as a number or a decimal string, within what a JavaScript number holds exactly. */
export const positiveInteger: IdFormat<string | number> = {
  expected: 'a positive integer',
  parse(value) {
    const digits = typeof value === 'number' ? String(value) : value;
    return typeof digits === 'string' && /^[1-9]\d*$/.test(digits) && Number.isSafeInteger(Number(digits)) ? digits : undefined;
  },
};

/** The same format, with why it is so in the message ("Bird conversation ids are uuids"). */
export const explained = <In>(format: IdFormat<In>, why: string): IdFormat<In> => ({ ...format, expected: `${format.expected} (${why})` });
