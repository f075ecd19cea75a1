/** Version of the probe, written into every facts document. */
export const PROBE_VERSION = '0.1.0';
