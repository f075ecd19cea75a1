/**
 * @module @praxisready/rules
 * The rule catalogs of the seeds and the KBV IT-Sicherheitsrichtlinie, the declarative checks built on them,
 * and the engine that turns an audit sheet into findings and scores.
 */
export { evaluate } from './evaluate.ts';
export type { EvaluateOptions } from './evaluate.ts';
export type { Evaluation } from './engine/evaluate.ts';
export { compareFindings } from './engine/evaluate.ts';
export type { Check, CheckContext, Outcome, Applicability } from './engine/types.ts';
export { checks } from './checks/index.ts';

export { parseIni, iniToString, iniEntry, iniValue, entriesWithSpaces, IniLineKind } from './ini/ini.ts';
export type { IniDocument, IniLine } from './ini/ini.ts';

export { PORT_LIST, PortListProducts } from './catalogs/ports.ts';
export type { PortListRow, PortListProduct, PortSpec } from './catalogs/ports.ts';
export { rowsForPortCheck } from './checks/ports.ts';
export { SYSTEM_REQUIREMENTS, OS_END_OF_SUPPORT } from './catalogs/system-requirements.ts';
export {
  SERVICE_PROVIDER_MESSAGES,
  SERVICE_PROVIDER_HINTS,
  SERVICE_PROVIDER_PORT,
} from './catalogs/service-provider.ts';
export { TI_GATEWAY_CHECKLIST } from './catalogs/ti-gateway.ts';
export { OPERATIONS_CHECKLIST } from './catalogs/operations.ts';
export { QUICK_CHECKS } from './catalogs/quick-checks.ts';
export { KBV_CATALOG, KBV_CATALOG_VERSION, KBV_SIZE_CLASSES, KbvAnlage } from './catalogs/kbv.ts';
export type { KbvRequirement, KbvSizeClass, KbvConfidence } from './catalogs/kbv.ts';
export { kbvApplicability, kbvApplicabilityOf, kbvSizeClass, kbvCheckId } from './checks/kbv.ts';
export type { KbvApplicability, KbvApplicabilityStatus } from './checks/kbv.ts';
