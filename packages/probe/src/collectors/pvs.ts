import { stat } from 'node:fs/promises';
import type { FactsDocument } from '@praxisready/model';
import { ALL_PLATFORMS, defineCollector } from '../collector.ts';
import { parseWindowsPvs, WINDOWS_PVS_SCRIPT } from '../windows/pvs.ts';
import { resolveWindowsPath, windowsPathsAvailable } from './windows-paths.ts';

/** Standard installation directories (seed 004 "Verzeichnisübersicht") by product. */
export const PVS_DIRECTORIES: readonly { product: string; path: string }[] = [
  { product: 'x.concept', path: 'C:\\DConcept' },
  { product: 'x.comfort', path: 'C:\\DOC2' },
  { product: 'x.isynet', path: 'C:\\WINACS' },
  { product: 'medatixx', path: 'C:\\ProgramData\\medatixx\\lx2 Server' },
];

/** Data to back up (seed 004 "Zu sichernde Praxisdaten"), by product. */
export const PVS_DATA_PATHS: Record<string, readonly string[]> = {
  'x.concept': [
    'C:\\DConcept\\DeData',
    'C:\\DConcept\\DeText',
    'C:\\DConcept\\DeZiff',
    'C:\\DConcept\\IVM\\DeData',
  ],
  'x.comfort': ['C:\\DOC2\\Daten', 'C:\\DOC2\\User', 'C:\\DOC2\\DMP\\DeData'],
  'x.isynet': [
    'C:\\WINACS\\Foto',
    'C:\\WINACS\\Isydoku',
    'C:\\WINACS\\Profil',
    'C:\\WINACS\\Rechnung',
    'C:\\WINACS\\Serienbrief',
    'C:\\WINACS\\Skizzen',
    'C:\\WINACS\\Text',
    'C:\\WINACS\\Vorlage',
  ],
  medatixx: ['C:\\ProgramData\\medatixx\\lx2 Server'],
};

type PvsFacts = NonNullable<FactsDocument['pvs']>;

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

export const pvsCollector = defineCollector({
  id: 'pvs.installation',
  title: 'PVS-Installation: Verzeichnisse, Dienste, SQL Server',
  fills: [
    'pvs.product',
    'pvs.productName',
    'pvs.version',
    'pvs.dataPaths',
    'pvs.services',
    'pvs.serviceProvider.serviceRunning',
    'pvs.sqlServer.version',
    'pvs.sqlServer.edition',
    'pvs.sqlServer.instance',
    'pvs.sqlServer.azureExtensionEnabled',
  ],
  platforms: ALL_PLATFORMS,
  timeoutMs: 15_000,
  why: 'Seed 004 lists the PVS directories, services and supported SQL Server versions; the data paths feed the backup check.',
  async collect(ctx) {
    const root = ctx.options.windowsRoot;
    if (!windowsPathsAvailable(ctx.platform, root)) {
      return { status: 'not_applicable', message: 'nur unter Windows oder mit --windows-root' };
    }
    const software = await ctx.resultOf('system.software');
    const installed = software?.facts?.system?.pvsInstalled ?? [];
    const products: PvsFacts['products'] = [];
    const dataPaths: string[] = [];
    for (const dir of PVS_DIRECTORIES) {
      const hits = await resolveWindowsPath(dir.path, ctx.platform, root);
      if (hits[0] && (await isDirectory(hits[0]))) {
        const version = installed.find((i) => i.product.toLowerCase().startsWith(dir.product))?.version;
        products.push({ product: dir.product, path: dir.path, ...(version ? { version } : {}) });
        for (const p of PVS_DATA_PATHS[dir.product] ?? []) {
          const local = await resolveWindowsPath(p, ctx.platform, root);
          if (local[0] && (await isDirectory(local[0]))) {
            dataPaths.push(p);
          }
        }
      }
    }
    const pvs: PvsFacts = { products, services: [], dataPaths };
    let note = '';
    if (ctx.platform === 'win32') {
      const w = parseWindowsPvs(await ctx.powershell(WINDOWS_PVS_SCRIPT));
      pvs.services = w.services;
      if (w.sqlServer) {
        pvs.sqlServer = w.sqlServer;
      }
    } else {
      note = '; Dienste und SQL Server nur unter Windows';
    }
    return {
      status: ctx.platform === 'win32' ? 'ok' : 'partial',
      message: `${products.length > 0 ? products.map((p) => `${p.product}${p.version ? ` ${p.version}` : ''}`).join(', ') : 'kein PVS-Verzeichnis gefunden'}; ${dataPaths.length} Datenpfade${pvs.sqlServer ? `; SQL Server ${pvs.sqlServer.version ?? '?'} ${pvs.sqlServer.edition ?? ''}` : ''}${note}`,
      facts: { pvs },
    };
  },
});
