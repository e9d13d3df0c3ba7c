/**
 * Supply chain: every runtime dependency (package.json "dependencies", shipped to the browser) has
 * a row in the README's runtime table with its exact version and a purpose, and the table lists
 * nothing else; every version is pinned exactly and is the one the lockfile installs. `npm audit`
 * cannot reach its service from our machines, so this table is the audit trail.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { version?: string }> };

/** Rows of the first table after "Runtime" in the README's Dependencies section. */
function readmeRuntimeRows(): { name: string; version: string; purpose: string }[] {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Dependencies'));
  const table = section
    .slice(section.indexOf('Runtime'))
    .split('\n\n')
    .find((block) => block.trimStart().startsWith('|'));
  if (!table) throw new Error('README.md: no runtime dependency table under "## Dependencies"');
  return table
    .trim()
    .split('\n')
    .slice(2)
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
    .map(([name, version, purpose]) => ({ name, version, purpose }));
}

describe('runtime dependencies', () => {
  const rows = readmeRuntimeRows();

  it('each has a README row with its exact version and a purpose', () => {
    for (const [name, version] of Object.entries(pkg.dependencies)) {
      const row = rows.find((r) => r.name === name);
      expect(row, `${name} ${version} has no row in the README's runtime dependency table`).toBeDefined();
      expect(row!.version, `README says ${name} ${row!.version}, package.json ${version}`).toBe(version);
      expect(row!.purpose.length, `${name}: say in the README what it is for`).toBeGreaterThan(10);
    }
  });

  it('the README lists no runtime dependency that package.json does not have, and each once', () => {
    expect(rows.map((r) => r.name).filter((name) => !(name in pkg.dependencies))).toEqual([]);
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
  });

  it('stay few: each new one needs a reason in the README', () => {
    expect(
      Object.keys(pkg.dependencies).length,
      'more than six runtime dependencies: raise this limit only with a reason in the README',
    ).toBeLessThanOrEqual(6);
  });

  it('every dependency is pinned exactly, to the version the lockfile installs', () => {
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      expect(version, `${name} is not pinned exactly`).toMatch(/^\d+\.\d+\.\d+$/);
      expect(lock.packages[`node_modules/${name}`]?.version, `${name} in package-lock.json`).toBe(version);
    }
  });
});
