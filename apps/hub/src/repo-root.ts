import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installation's root folder (the one whose package.json is Giliran's), found upwards from a module:
 * the hub runs from apps/hub/src under tsx and from dist/hub as a bundle, at different depths, and both
 * serve dist/web and the demo site from the root.
 */
export function repoRoot(moduleUrl: string): string {
  let folder = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && isGiliranManifest(readFileSync(manifest, 'utf8'))) return folder;
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`No Giliran package.json above ${fileURLToPath(moduleUrl)}`);
    folder = parent;
  }
}

function isGiliranManifest(text: string): boolean {
  try {
    const manifest: unknown = JSON.parse(text);
    return (
      typeof manifest === 'object' && manifest !== null && 'name' in manifest && manifest.name === 'giliran'
    );
  } catch {
    return false;
  }
}
