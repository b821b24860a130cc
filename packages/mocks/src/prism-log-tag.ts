// Shared by prism-process.ts (the child) and start-prism.ts (its parent), which must not load each other.

/**
 * In a process serving several specs, each of Prism's log lines starts with `LOG_TAG id LOG_TAG`
 * (the spec's id): a control character no log line holds.
 */
export const LOG_TAG = '\u001f';
