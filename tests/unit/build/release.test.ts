// @vitest-environment node
/** The version bump and the CHANGELOG step of `npm run release` (scripts/release.mjs). */
import { describe, expect, test } from 'vitest';
import { nextVersion, releaseChangelog } from '../../../scripts/release.mjs';

describe('release', () => {
  test.each([
    ['0.1.0', 'patch', '0.1.1'],
    ['0.1.9', 'minor', '0.2.0'],
    ['0.9.3', 'major', '1.0.0'],
    ['0.1.0', '0.3.0', '0.3.0'],
  ])('%s bumped by %s is %s', (current, bump, next) => {
    expect(nextVersion(current, bump)).toBe(next);
  });

  test.each([
    ['0.1.0', 'huge', /unknown bump/],
    ['0.1', 'patch', /not x\.y\.z/],
  ])('%s bumped by %s is refused', (current, bump, message) => {
    expect(() => nextVersion(current, bump)).toThrow(message);
  });

  test('the Unreleased section becomes the version, and a new empty Unreleased stays on top', () => {
    const before = '# Changelog\n\n## [Unreleased]\n\n### Added\n- Icons.\n\n## [0.1.0] - 2026-11-01\n';
    expect(releaseChangelog(before, '0.2.0', '2026-12-01')).toBe(
      '# Changelog\n\n## [Unreleased]\n\n## [0.2.0] - 2026-12-01\n\n### Added\n- Icons.\n\n## [0.1.0] - 2026-11-01\n',
    );
  });

  test('a version already in the changelog, or no Unreleased section, is refused', () => {
    expect(() => releaseChangelog('## [Unreleased]\n## [0.2.0] - x\n', '0.2.0', 'd')).toThrow(/already/);
    expect(() => releaseChangelog('# Changelog\n', '0.2.0', 'd')).toThrow(/no "## \[Unreleased\]"/);
  });
});
