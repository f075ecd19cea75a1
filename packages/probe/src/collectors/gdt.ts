import { auditGdtFolder } from '@praxisready/gdt';
import { ALL_PLATFORMS, defineCollector } from '../collector.ts';

export const gdtCollector = defineCollector({
  id: 'gdt.folders',
  title: 'GDT-Austauschordner (nur Struktur)',
  fills: [
    'gdt.folderAudits',
    'gdt.devices[].export.folder',
    'gdt.devices[].export.folderExists',
    'gdt.devices[].export.writable',
    'gdt.devices[].import.folder',
    'gdt.devices[].import.folderExists',
    'gdt.devices[].import.writable',
    'gdt.devices[].charsetObserved',
    'gdt.devices[].examinationCode',
  ],
  platforms: ALL_PLATFORMS,
  timeoutMs: 15_000,
  why: 'Wrong charset (9206), missing examination code (8402), stale or missing folders break device integration.',
  async collect(ctx) {
    const devices = ctx.options.gdtDevices ?? [];
    const roles = new Map<string, 'import' | 'export' | 'unknown'>();
    for (const d of devices) {
      if (d.exportDir) {
        roles.set(d.exportDir, 'export');
      }
      if (d.importDir) {
        roles.set(d.importDir, 'import');
      }
    }
    for (const dir of ctx.options.gdtDirs ?? []) {
      if (!roles.has(dir)) {
        roles.set(dir, 'unknown');
      }
    }
    if (roles.size === 0) {
      return { status: 'skipped', message: 'kein --gdt-dir / --gdt-device angegeben' };
    }
    // The audit is PII-free by construction (packages/model/src/facts/gdt.ts): counts, codes, charsets, no names.
    const folders = await Promise.all([...roles].map(([dir, role]) => auditGdtFolder(dir, { role })));
    const problems = folders.reduce((n, f) => n + f.counts.filesWithErrors, 0);
    const missing = folders.filter((f) => !f.exists).map((f) => f.path);
    return {
      status: 'ok',
      message: `${folders.length} Ordner, ${folders.reduce((n, f) => n + f.counts.gdtFiles, 0)} GDT-Dateien, ${problems} mit Fehlern${missing.length > 0 ? `; fehlt: ${missing.join(', ')}` : ''}`,
      facts: { gdt: { folders, ...(devices.length > 0 ? { devices } : {}) } },
    };
  },
});
