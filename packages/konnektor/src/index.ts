/**
 * @module @praxisready/konnektor
 * Read-only TI-Konnektor client (TLS facts, connector.sds, SOAP) and a Konnektor simulator for tests and the
 * practice lab.
 */
export { startKonnektorSimulator } from './sim/simulator.ts';
export type {
  KonnektorSimulator,
  SimRequest,
  SimClientCredentials,
  SimulatorGroundTruth,
} from './sim/simulator.ts';
export { SimulatorConfigSchema, SIM_OPERATIONS, SIM_VENDORS } from './sim/config.ts';
export type { SimulatorConfig, SimulatorConfigInput, SimOperation, SimVendor } from './sim/config.ts';
export { simulatorPreset, simulatorPresetNames } from './sim/presets.ts';
export type { SimulatorPresetName, PresetOptions } from './sim/presets.ts';
export { parseConnectorSds, selectServiceVersion } from './sds/sds.ts';
export type { ConnectorSds, ProductInformation } from './sds/sds.ts';
export { GEMATIK_CODES, describeGematikCode } from './soap/fault-codes.ts';
export { OPERATIONS, isAllowedOperation } from './soap/operations.ts';
export type { KonnektorContext, OperationName } from './soap/operations.ts';
export { createKonnektorClient } from './client/client.ts';
export type { KonnektorClient, KonnektorClientOptions, SentRequest } from './client/client.ts';
export { inspectKonnektor } from './client/inspect.ts';
export type { InspectOptions } from './client/inspect.ts';
export type { KonnektorAuth, TlsTrust } from './client/transport.ts';
