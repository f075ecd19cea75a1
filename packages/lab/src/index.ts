/**
 * @module @praxisready/lab
 * The practice lab: a simulated practice on loopback addresses (Konnektor simulator, IPP printers, card terminal
 * SICCT ports, PVS server and KIM ports from the seed 004 port list, GDT exchange folders, Service-Provider INI
 * pair), run as a detached daemon, with a machine-readable ground truth of what a probe must find.
 *
 * @example
 * ```ts
 * import { labUp, labDown } from '@praxisready/lab';
 * const { groundTruth } = await labUp({ scenario: 'typical-problems' });
 * // … probe groundTruth.konnektor.url, groundTruth.printers[0].uri …
 * await labDown();
 * ```
 */
export { labUp, labDown, labStatus, DEFAULT_LAB_DIR, isLiveProcess } from './control/lab-control.ts';
export type { LabUpOptions, LabUpResult, LabDownResult, LabStatusResult } from './control/lab-control.ts';
export { formatLabSummary } from './control/summary.ts';
export { LabFiles } from './control/lab-state.ts';
export type { LabState } from './control/lab-state.ts';
export { runLab, LabPorts, PrinterModes } from './runtime/run-lab.ts';
export type { LabOptions, RunningLab, PrinterMode } from './runtime/run-lab.ts';
export { AddressingModes, DEFAULT_BLOCK } from './addressing/address-plan.ts';
export type { AddressingMode } from './addressing/address-plan.ts';
export { SCENARIOS, scenarioById } from './scenarios/scenarios.ts';
export { ScenarioIds, ProblemAreas } from './scenarios/types.ts';
export type { ScenarioId, ScenarioDefinition, PrinterDefinition, ProblemArea } from './scenarios/types.ts';
export { GroundTruthSchema } from './ground-truth/schema.ts';
export type { GroundTruth, OpenPort, ClosedPort, PrinterTruth } from './ground-truth/schema.ts';
export { startIppPrinterSimulator } from './ipp/ipp-simulator.ts';
export type { IppPrinterSimulator } from './ipp/ipp-simulator.ts';
export { getPrinterAttributes } from './ipp/ipp-client.ts';
