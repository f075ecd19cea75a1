// Types of scan-engine.mjs (plain JavaScript so the scan worker loads it without a TypeScript loader).

/** Result of one TCP connect, in nmap's words: open (connected), closed (refused), filtered (no answer). */
export type ConnectState = 'open' | 'closed' | 'filtered';

/** RTT timeouts in ms: before the first answer, and the floor and ceiling of the adapted timeout. */
export interface ScanTiming {
  initialMs: number;
  minMs: number;
  maxMs: number;
}

/** Starts one connect; calls `done` once with the answer; returns a function that abandons it (on timeout). */
export type Dial = (
  host: string,
  port: number,
  timeoutMs: number,
  done: (state: ConnectState) => void,
) => () => void;

export interface EngineOptions {
  hosts: readonly string[];
  ports: readonly number[];
  /** Ports tried first on each host; empty = no host discovery (nmap -Pn). */
  discovery: readonly number[];
  /** Hands out the next host index to scan, or -1 when none is left (shared between threads). */
  claim: () => number;
  /** Hard cap on connects in flight: of this thread, or of all threads together when `inFlightTotal` is given. */
  concurrency: number;
  /** Shared counter (index 0) of the connects in flight over all threads scanning together. */
  inFlightTotal?: Int32Array;
  /** Connects younger than 20 ms in flight at most (default 32); older ones count only against `concurrency`. */
  window?: number;
  ratePerSecond: number;
  timing: ScanTiming;
  dial?: Dial;
  signal?: AbortSignal;
}

export declare const T4_TIMING: Readonly<ScanTiming>;

export declare class RttEstimator {
  constructor(timing: ScanTiming);
  readonly timing: ScanTiming;
  readonly samples: number;
  readonly srtt: number;
  readonly rttvar: number;
  observe(rttMs: number): void;
  timeoutMs(): number;
}

export declare function connectTimeoutMs(
  global: RttEstimator,
  host: RttEstimator | undefined,
  discovery: boolean,
): number;

/** Connect over Node's TCP handle (process.binding('tcp_wrap')); only where `rawDialAvailable`. */
export declare const rawDial: Dial;
/** Connect over net.Socket: the fallback. */
export declare const socketDial: Dial;
export declare const rawDialAvailable: boolean;
/** Whether the engine connects a refused TCP handle again instead of opening a new one (Linux). */
export declare const REUSE_REFUSED: boolean;
/** rawDial where available, else socketDial. */
export declare const defaultDial: Dial;

export declare function runScan(options: EngineOptions): Promise<Record<string, number[]>>;
