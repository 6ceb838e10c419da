import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pickLanguage } from '../../../renderer/src/i18n/language';

const dir = new URL('../../../renderer/src/', import.meta.url).pathname;
const load = (lang: string) =>
  JSON.parse(readFileSync(join(dir, 'i18n', `${lang}.json`), 'utf8')) as Record<string, unknown>;

function flatten(obj: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object')
      for (const [kk, vv] of flatten(v as Record<string, unknown>, key)) out.set(kk, vv);
    else out.set(key, String(v));
  }
  return out;
}

const vi = flatten(load('vi'));
const en = flatten(load('en'));

test('Vietnamese and English catalogues have exactly the same keys', () => {
  const onlyVi = [...vi.keys()].filter((k) => !en.has(k));
  const onlyEn = [...en.keys()].filter((k) => !vi.has(k));
  assert.deepEqual({ onlyVi, onlyEn }, { onlyVi: [], onlyEn: [] });
});

test('no catalogue entry is empty, and interpolations match between languages', () => {
  const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
  for (const [key, value] of vi) {
    assert.ok(value.trim(), `vi ${key} is empty`);
    assert.ok(en.get(key)?.trim(), `en ${key} is empty`);
    assert.deepEqual(vars(value), vars(en.get(key)!), `placeholders differ in ${key}`);
  }
});

function sources(d: string): string[] {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

test('every literal key the interface asks for exists in the catalogue', () => {
  const missing: string[] = [];
  const plural = (k: string) => vi.has(`${k}_other`);
  for (const file of sources(dir)) {
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) {
      if (!vi.has(m[1]) && !plural(m[1])) missing.push(`${m[1]} (${file.slice(dir.length)})`);
    }
    for (const m of code.matchAll(/\[\s*'((?:reader|stats)\.[\w.]+)'/g)) {
      if (!vi.has(m[1])) missing.push(`${m[1]} (${file.slice(dir.length)})`);
    }
  }
  assert.deepEqual(missing, []);
});

test('the language follows a stored choice, else the system language (en* → English)', () => {
  assert.equal(pickLanguage('en', 'vi-VN'), 'en');
  assert.equal(pickLanguage('vi', 'en-US'), 'vi');
  assert.equal(pickLanguage(null, 'en-GB'), 'en');
  assert.equal(pickLanguage(null, 'vi'), 'vi');
  assert.equal(pickLanguage(null, 'fr-FR'), 'vi');
  assert.equal(pickLanguage('de', undefined), 'vi');
});
