import { describe, expect, it } from 'vitest';
import * as api from './index.ts';

describe('public surface of @praxisready/konnektor', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'GEMATIK_CODES',
        'OPERATIONS',
        'SIM_OPERATIONS',
        'SIM_VENDORS',
        'SimulatorConfigSchema',
        'createKonnektorClient',
        'describeGematikCode',
        'inspectKonnektor',
        'isAllowedOperation',
        'parseConnectorSds',
        'selectServiceVersion',
        'simulatorPreset',
        'simulatorPresetNames',
        'startKonnektorSimulator',
      ].sort(),
    );
    expect(api.SIM_VENDORS).toEqual(['kocobox', 'secunet', 'rise', 'hsk']);
    expect(api.simulatorPresetNames).toEqual(['ready', 'typical-problems', 'broken']);
  });
});
