import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A generated file on disk. Exports are written to a file first and then sent: memory stays
 * flat, the answer carries a Content-Length (so a browser can show download progress), and a
 * failure while writing is still a proper error answer rather than a cut-off download.
 */
export interface ExportFile {
  path: string;
  /** The name the browser saves it under (ASCII). */
  filename: string;
  contentType: string;
  size: number;
  remove(): Promise<void>;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const ZIP_TYPE = 'application/zip';

/** A fresh folder of its own for one export; `remove` deletes it with everything in it. */
export async function tempFolder(): Promise<{ folder: string; remove(): Promise<void> }> {
  const folder = await mkdtemp(path.join(tmpdir(), 'ikt-export-'));
  return { folder, remove: () => rm(folder, { recursive: true, force: true }) };
}

/** Writes a file with `write` into a folder of its own; a failure removes what was written. */
export async function writeExport(
  name: { filename: string; contentType: string },
  write: (file: string) => Promise<void>,
): Promise<ExportFile> {
  const { folder, remove } = await tempFolder();
  try {
    const file = path.join(folder, 'export');
    await write(file);
    return { path: file, ...name, size: (await stat(file)).size, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

/** `attachment; filename="…"` with an RFC 5987 UTF-8 form beside the ASCII one. */
export function contentDisposition(filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
