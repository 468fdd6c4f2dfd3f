/**
 * The hub's Windows service file for WinSW (deploy/windows/giliran-hub.xml). WinSW and the Windows service
 * manager cannot run here: this checks the file is well-formed XML (read by Python's parser, which CI installs)
 * and that it keeps the promises docs/installation.md makes, the same as the Linux unit's.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SERVICE_XML = fileURLToPath(new URL('../../deploy/windows/giliran-hub.xml', import.meta.url));

// Every element as [tag, text, attributes]: enough for the checks, without an XML library in the repository.
const READ_XML = `
import json, sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
print(json.dumps([[e.tag, (e.text or '').strip(), e.attrib] for e in root.iter()]))
`;

type Element = [tag: string, text: string, attributes: Record<string, string>];
let elements: Element[] = [];

const texts = (tag: string): string[] => elements.filter(([t]) => t === tag).map(([, text]) => text);
const attributes = (tag: string): Record<string, string>[] =>
  elements.filter(([t]) => t === tag).map(([, , attrs]) => attrs);

beforeAll(async () => {
  const { stdout } = await run('python3', ['-c', READ_XML, SERVICE_XML]);
  elements = JSON.parse(stdout) as Element[];
});

describe('deploy/windows/giliran-hub.xml', () => {
  it('is a WinSW service that starts at boot and restarts after every failure', () => {
    expect(elements[0]?.[0]).toBe('service');
    expect(texts('id')).toEqual(['giliran-hub']);
    expect(texts('startmode')).toEqual(['Automatic']);
    // One restart action: WinSW repeats the last one for every later failure, so it never gives up.
    expect(attributes('onfailure')).toEqual([{ action: 'restart', delay: '3 sec' }]);
  });

  it('runs the bundled hub as LocalService, with its data outside Program Files', () => {
    expect(texts('executable')).toEqual(['C:\\Program Files\\nodejs\\node.exe']);
    expect(texts('arguments')[0]).toContain('\\dist\\hub\\main.js');
    expect(texts('user')).toEqual(['LocalService']);
    expect(texts('domain')).toEqual(['NT AUTHORITY']);
    const env = new Map(attributes('env').map((attrs) => [attrs.name ?? '', attrs.value ?? '']));
    expect(env.get('DATA_DIR')).toBe('C:\\ProgramData\\Giliran\\data');
    expect(env.get('DATA_DIR')).not.toMatch(/Program Files/i);
    expect(env.get('SITE_CONFIG')).not.toMatch(/Program Files/i);
  });
});
