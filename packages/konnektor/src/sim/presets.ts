import type { SimulatorConfigInput } from './config.ts';

export const simulatorPresetNames = ['ready', 'typical-problems', 'broken'] as const;
export type SimulatorPresetName = (typeof simulatorPresetNames)[number];

export interface PresetOptions {
  host?: string;
  port?: number;
  /** Reference time for relative expiry dates (default: now). */
  now?: Date;
}

const DAY = 86_400_000;
const day = (now: Date, days: number) => new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);

const CONTEXT = { mandantId: 'Praxis1', clientSystemId: 'PVS', workplaceId: 'Behandlung1' };

const terminal = (
  ctId: string,
  name: string,
  ip: string,
  mac: string,
  workplaceIds: string[],
  connected = true,
) => ({
  ctId,
  name,
  ipAddress: ip,
  macAddress: mac,
  workplaceIds,
  connected,
});

function ready(now: Date): SimulatorConfigInput {
  return {
    vendor: 'kocobox',
    contexts: [CONTEXT, { ...CONTEXT, workplaceId: 'Empfang' }],
    connector: {
      iccsn: '80276003640000123451',
      certificateIssued: day(now, -365 * 2),
      certificateNotAfter: day(now, 365 * 3),
      vpnTi: 'Online',
      vpnSis: 'Online',
    },
    terminals: [
      terminal('CT_ID_0001', 'ORGA6100-Empfang', '192.168.10.31', '00-0D-F8-01-02-03', ['Empfang']),
      terminal('CT_ID_0002', 'ORGA6100-Behandlung1', '192.168.10.32', '00-0D-F8-01-02-04', ['Behandlung1']),
    ],
    cards: [
      {
        type: 'SMC-B',
        iccsn: '80276883110000111111',
        holder: 'Praxis Dr. Sommer',
        expires: day(now, 365 * 3),
        ctId: 'CT_ID_0001',
        slot: 1,
      },
      {
        type: 'HBA',
        iccsn: '80276883110000222222',
        holder: 'Dr. Anna Sommer',
        expires: day(now, 365 * 2),
        ctId: 'CT_ID_0002',
        slot: 1,
        pins: { 'PIN.CH': { status: 'VERIFIED' }, 'PIN.QES': { status: 'VERIFIABLE', leftTries: 3 } },
      },
      {
        type: 'SMC-KT',
        iccsn: '80276883110000333333',
        holder: 'gSMC-KT',
        expires: day(now, 365 * 4),
        ctId: 'CT_ID_0001',
        slot: 4,
      },
      {
        type: 'SMC-KT',
        iccsn: '80276883110000333334',
        holder: 'gSMC-KT',
        expires: day(now, 365 * 4),
        ctId: 'CT_ID_0002',
        slot: 4,
      },
    ],
  };
}

function typicalProblems(now: Date): SimulatorConfigInput {
  return {
    vendor: 'secunet',
    contexts: [CONTEXT, { ...CONTEXT, workplaceId: 'Empfang' }, { ...CONTEXT, workplaceId: 'Behandlung2' }],
    connector: {
      iccsn: '80276003640000456782',
      certificateIssued: day(now, -365 * 5 + 150),
      certificateNotAfter: day(now, 150),
      vpnTi: 'Online',
      vpnSis: 'Offline',
      firmwareVersion: '4.1.3',
      errorStates: [
        { condition: 'EC_NK_Certificate_Expiring', severity: 'Warning', type: 'Security', active: true },
        { condition: 'EC_FW_Update_Available', severity: 'Info', type: 'Operation', active: true },
      ],
    },
    terminals: [
      terminal('CT_ID_0101', 'ORGA6100-Behandlung1', '192.168.10.41', '00-0D-F8-0A-0B-01', ['Behandlung1']),
      // Paired once, now switched off or moved: the Konnektor still lists it, disconnected.
      terminal(
        'CT_ID_0102',
        'Cherry-ST1506-Behandlung2',
        '192.168.10.42',
        '00-19-0E-0A-0B-02',
        ['Behandlung2'],
        false,
      ),
    ],
    cards: [
      {
        type: 'SMC-B',
        iccsn: '80276883110000444441',
        holder: 'Praxis Dr. Winter',
        expires: day(now, 60),
        ctId: 'CT_ID_0101',
        slot: 1,
      },
      {
        type: 'HBA',
        iccsn: '80276883110000444442',
        holder: 'Dr. Jonas Winter',
        expires: day(now, 400),
        ctId: 'CT_ID_0101',
        slot: 2,
        objectSystemVersion: '4.3.1',
        pins: { 'PIN.CH': { status: 'TRANSPORT_PIN' }, 'PIN.QES': { status: 'TRANSPORT_PIN' } },
      },
      {
        type: 'SMC-KT',
        iccsn: '80276883110000444443',
        holder: 'gSMC-KT',
        expires: day(now, 700),
        ctId: 'CT_ID_0101',
        slot: 4,
      },
    ],
  };
}

function broken(now: Date): SimulatorConfigInput {
  return {
    vendor: 'rise',
    contexts: [CONTEXT],
    connector: {
      iccsn: '80276003640000789013',
      certificateIssued: day(now, -365 * 5 - 20),
      certificateNotAfter: day(now, -20),
      vpnTi: 'Offline',
      vpnSis: 'Offline',
      errorStates: [
        { condition: 'EC_No_VPN_TI_Connection', severity: 'Error', type: 'Infrastructure', active: true },
        { condition: 'EC_NK_Certificate_Expired', severity: 'Fatal', type: 'Security', active: true },
        {
          condition: 'EC_TSL_Out_Of_Date_Beyond_Grace_Period',
          severity: 'Fatal',
          type: 'Security',
          active: true,
        },
      ],
    },
    terminals: [
      terminal('CT_ID_0201', 'ORGA6100-Behandlung1', '192.168.10.51', '00-0D-F8-0C-0D-01', ['Behandlung1']),
    ],
    cards: [
      {
        type: 'SMC-B',
        iccsn: '80276883110000777771',
        holder: 'Praxis Dr. Herbst',
        expires: day(now, -10),
        ctId: 'CT_ID_0201',
        slot: 1,
        pins: { 'PIN.SMC': { status: 'BLOCKED', leftTries: 0 } },
      },
    ],
    faults: { faultCodes: { GetCardTerminals: '4000' } },
  };
}

const PRESETS: Record<SimulatorPresetName, (now: Date) => SimulatorConfigInput> = {
  ready,
  'typical-problems': typicalProblems,
  broken,
};

/** A ready-made simulator configuration for the practice lab's scenarios (see README "Presets"). */
export function simulatorPreset(
  name: SimulatorPresetName,
  options: PresetOptions = {},
): SimulatorConfigInput {
  const now = options.now ?? new Date();
  return {
    ...PRESETS[name](now),
    ...(options.host !== undefined ? { host: options.host } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    now: now.toISOString(),
  };
}
