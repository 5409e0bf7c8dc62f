// The one version of cogov: Cargo.toml's [package] version (and its license). scripts/bundle.mjs
// writes it into the license banner of every bundle, scripts/package.mjs into the npm package.
import { readFileSync } from 'node:fs';

const cargo = readFileSync(new URL('../Cargo.toml', import.meta.url), 'utf8');
const pkg = cargo.split(/^\[/m).find((s) => s.startsWith('package]')) ?? '';
const field = (name) => {
  const m = new RegExp(`^${name} = "([^"]*)"$`, 'm').exec(pkg);
  if (!m) throw new Error(`Cargo.toml: no ${name} in [package]`);
  return m[1];
};

export const version = field('version');
export const license = field('license');
export const description = field('description');
/** The first line of every shipped .js and .css (a `/*!` comment: minifiers and bundlers keep it). */
export const banner = `/*! cogov v${version} | ${license} | see LICENSE-MIT and LICENSE-APACHE */`;
