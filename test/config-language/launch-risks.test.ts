import { describe, expect, it } from 'vitest';
import { DOCKER_RISKS, LINE_RISKS, mountSource, SENSITIVE_PATHS, sensitivePathsIn, SHELLS } from '../../src/config-language/launch-risks.js';

describe('launch risk tables', () => {
  it.each(SHELLS.map((s) => [s.commands[0], s] as const))('%s: script flags', (_, s) => {
    for (const f of s.examples.match) expect(s.scriptFlag.test(f), f).toBe(true);
    for (const f of s.examples.noMatch) expect(s.scriptFlag.test(f), f).toBe(false);
  });

  it.each(LINE_RISKS.map((r) => [r.id, r] as const))('%s: launch lines', (_, r) => {
    for (const line of r.examples.match) expect(r.pattern.test(line), line).toBe(true);
    for (const line of r.examples.noMatch) expect(r.pattern.test(line), line).toBe(false);
  });

  it.each(SENSITIVE_PATHS.map((p) => [p.what, p] as const))('%s: credential paths', (_, p) => {
    for (const text of p.examples.match) expect(sensitivePathsIn(text).map((h) => h.path), text).toContain(p);
    for (const text of p.examples.noMatch) expect(sensitivePathsIn(text).map((h) => h.path), text).not.toContain(p);
  });

  it('reports a credential path once per word, as the whole word', () => {
    expect(sensitivePathsIn('run -v ~/.aws:/root/.aws:ro img').map(({ word, index }) => [word, index])).toEqual([['~/.aws:/root/.aws:ro', 7]]);
  });

  it.each(DOCKER_RISKS.map((r) => [`${r.options[0]} ${r.value ?? ''}`, r] as const))('docker %s: values', (_, r) => {
    for (const v of r.examples.match) expect(r.value ? r.value.test(v) : r.options.includes(v), v).toBe(true);
    for (const v of r.examples.noMatch) expect(r.value?.test(v), v).toBe(false);
  });

  it('finds the source of volume and mount specs', () => {
    expect(mountSource('/:/host')).toBe('/');
    expect(mountSource('/var/run/docker.sock:/var/run/docker.sock')).toBe('/var/run/docker.sock');
    expect(mountSource('C:\\Users\\dev:/data:ro')).toBe('C:\\Users\\dev');
    expect(mountSource('type=bind,source=/,target=/host')).toBe('/');
    expect(mountSource('type=bind,src=/srv/data,dst=/data,readonly')).toBe('/srv/data');
  });
});
