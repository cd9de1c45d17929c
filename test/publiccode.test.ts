import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

describe('open source for a municipality', () => {
  const publiccode = parse(read('publiccode.yml')) as Record<string, unknown> & { legal: { license: string }; description: Record<string, { longDescription: string }> };
  const packageJson = JSON.parse(read('package.json')) as { license: string; version: string; engines: { node: string } };

  it('carries the EUPL-1.2 in LICENSE, package.json and publiccode.yml alike', () => {
    expect(read('LICENSE')).toMatch(/^EUROPEAN UNION PUBLIC LICENCE v\. 1\.2/);
    expect(packageJson.license).toBe('EUPL-1.2');
    expect(publiccode.legal.license).toBe('EUPL-1.2');
  });

  it('has the publiccode.yml 0.4 keys that are required, in Dutch and English', () => {
    for (const key of ['publiccodeYmlVersion', 'name', 'url', 'platforms', 'categories', 'developmentStatus', 'softwareType', 'description', 'legal', 'maintenance', 'localisation']) {
      expect(publiccode, key).toHaveProperty(key);
    }
    expect(publiccode.softwareVersion).toBe(packageJson.version);
    for (const language of ['nl', 'en']) expect(publiccode.description[language]!.longDescription.length).toBeGreaterThanOrEqual(150);
  });
});
