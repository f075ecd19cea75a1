import { readFile, stat } from 'node:fs/promises';
import type { FactsDocument, IniFile } from '@praxisready/model';
import { ALL_PLATFORMS, defineCollector } from '../collector.ts';
import { resolveWindowsPath, windowsPathsAvailable } from './windows-paths.ts';

/** Installation-ServiceProvider.ini (seed 004: program directory named after the Unique Identifier). */
export const SP_INSTALL_INI_PATHS = [
  'C:\\Program Files (x86)\\medatixx GmbH & Co. KG\\ServiceProvider_*\\ServiceProvider.ini',
  'C:\\Program Files\\medatixx GmbH & Co. KG\\ServiceProvider_*\\ServiceProvider.ini',
] as const;

/** PVS-ServiceProvider.ini in the data directory of each PVS (seed 004). */
export const SP_DATA_INI_PATHS = [
  'C:\\DConcept\\DeData\\ServiceProvider.ini',
  'C:\\WINACS\\Text\\ServiceProvider\\ServiceProvider.ini',
  'C:\\DOC2\\Daten\\ServiceProvider.ini',
] as const;

const MAX_INI_BYTES = 64 * 1024;

/** First value of `key` in INI text, any section, case-insensitive key, spaces around `=` tolerated. */
export function iniValue(text: string, key: string): string | undefined {
  const re = new RegExp(`^\\s*${key}\\s*=\\s*(.*?)\\s*$`, 'im');
  return re.exec(text)?.[1];
}

async function readIni(localPath: string, windowsPath: string): Promise<IniFile> {
  const s = await stat(localPath).catch(() => undefined);
  if (!s?.isFile()) {
    return { path: windowsPath, found: false };
  }
  const bytes = await readFile(localPath);
  // ServiceProvider.ini is written by Notepad/installer in the ANSI code page; latin1 keeps every byte.
  return { path: windowsPath, found: true, text: bytes.subarray(0, MAX_INI_BYTES).toString('latin1') };
}

function windowsPathOf(pattern: string, local: string, root: string | undefined): string {
  if (root === undefined) {
    return local;
  }
  const rel = local.slice(root.length).replace(/^[\\/]+/, '');
  const [drive, ...rest] = rel.split(/[\\/]/);
  return pattern.length > 0 ? `${drive ?? 'C'}:\\${rest.join('\\')}` : local;
}

type ServiceProviderFacts = NonNullable<FactsDocument['serviceProvider']>;

export const serviceProviderCollector = defineCollector({
  id: 'pvs.service-provider',
  title: 'Service-Provider (beide ServiceProvider.ini, Port)',
  fills: [
    'pvs.serviceProvider.installIni',
    'pvs.serviceProvider.dataIni',
    'pvs.serviceProvider.reachable',
    'pvs.serviceProvider.dataPathExists',
    'pvs.serverName',
  ],
  platforms: ALL_PLATFORMS,
  timeoutMs: 8000,
  why: 'Seed 004: a wrong Installed flag, Unique Identifier, spaces in the data INI or a closed port 23174 break the PVS.',
  async collect(ctx) {
    const root = ctx.options.windowsRoot;
    if (!windowsPathsAvailable(ctx.platform, root)) {
      return { status: 'not_applicable', message: 'nur unter Windows oder mit --windows-root' };
    }
    const find = async (patterns: readonly string[]) => {
      for (const pattern of patterns) {
        const hits = await resolveWindowsPath(pattern, ctx.platform, root);
        if (hits[0]) {
          return { local: hits[0], windows: windowsPathOf(pattern, hits[0], root) };
        }
      }
      return undefined;
    };
    const install = await find(SP_INSTALL_INI_PATHS);
    const installIni = install
      ? await readIni(install.local, install.windows)
      : { path: SP_INSTALL_INI_PATHS[0], found: false };
    // The data INI is where the installation INI's PVSDDataPath points; the seed's standard paths otherwise.
    const dataPath = installIni.text
      ? (iniValue(installIni.text, 'PVSDDataPath') ?? iniValue(installIni.text, 'PVSDataPath'))
      : undefined;
    const data = await find([
      ...(dataPath ? [`${dataPath.replace(/[\\/]+$/, '')}\\ServiceProvider.ini`] : []),
      ...SP_DATA_INI_PATHS,
    ]);
    const dataIni = data
      ? await readIni(data.local, data.windows)
      : { path: dataPath ? `${dataPath}\\ServiceProvider.ini` : SP_DATA_INI_PATHS[0], found: false };
    const dataPathLocal = dataPath ? (await resolveWindowsPath(dataPath, ctx.platform, root))[0] : undefined;
    const dataPathExists = dataPath
      ? dataPathLocal !== undefined &&
        (await stat(dataPathLocal).catch(() => undefined))?.isDirectory() === true
      : undefined;
    const host = dataIni.text ? iniValue(dataIni.text, 'Hostname') : undefined;
    const portText =
      (dataIni.text ? iniValue(dataIni.text, 'TCPPort') : undefined) ??
      (installIni.text ? iniValue(installIni.text, 'TCPPort') : undefined);
    const port = portText && /^\d{1,5}$/.test(portText) ? Number(portText) : undefined;
    let reachable: boolean | undefined;
    let note = '';
    if (host && port) {
      try {
        reachable = (await ctx.tcp(host, port, 1500)) === 'open';
      } catch {
        note = `; ${host} nicht auflösbar (--host ${host}=ADRESSE angeben)`;
      }
    }
    const sp: ServiceProviderFacts = {
      installIni,
      dataIni,
      ...(reachable !== undefined ? { reachable } : {}),
      ...(host ? { host } : {}),
      ...(port ? { port } : {}),
      ...(dataPathExists !== undefined ? { dataPathExists } : {}),
    };
    const found = [installIni.found ? 'Installations-INI' : '', dataIni.found ? 'PVS-INI' : ''].filter(
      Boolean,
    );
    return {
      status: installIni.found || dataIni.found ? 'ok' : 'partial',
      message: `${found.length > 0 ? `gefunden: ${found.join(', ')}` : 'keine ServiceProvider.ini gefunden'}${host && port ? `; ${host}:${port} ${reachable === undefined ? 'nicht geprüft' : reachable ? 'erreichbar' : 'nicht erreichbar'}` : ''}${note}`,
      facts: { serviceProvider: sp },
    };
  },
});
