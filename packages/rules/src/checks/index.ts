import type { Check } from '../engine/types.ts';
import { backupChecks } from './backup.ts';
import { directPrintChecks } from './direct-print.ts';
import { gdtChecks } from './gdt.ts';
import { kbvChecks } from './kbv.ts';
import { mobileTerminalChecks } from './mobile-terminals.ts';
import { networkChecks } from './network.ts';
import { operationsChecks } from './operations.ts';
import { portChecks } from './ports.ts';
import { pvsChecks } from './pvs.ts';
import { quickChecks } from './quick-checks.ts';
import { securityChecks } from './security.ts';
import { serviceProviderChecks } from './service-provider.ts';
import { systemRequirementChecks } from './system-requirements.ts';
import { tiGatewayChecks } from './ti-gateway.ts';
import { tiChecks } from './ti.ts';

/**
 * Every check, in one list. Adding a check = adding an entry to the file of its area (or a new file listed
 * here) plus a pass and a fail case in `checks.test.ts`.
 */
export const checks: readonly Check[] = [
  ...systemRequirementChecks,
  ...portChecks,
  ...pvsChecks,
  ...serviceProviderChecks,
  ...tiChecks,
  ...tiGatewayChecks,
  ...gdtChecks,
  ...mobileTerminalChecks,
  ...directPrintChecks,
  ...networkChecks,
  ...backupChecks,
  ...securityChecks,
  ...operationsChecks,
  ...quickChecks,
  ...kbvChecks,
];
