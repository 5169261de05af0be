import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const ROOT = process.env.WIKI_DIR ?? '/srv/wiki';
const file = (slug: string) => join(ROOT, `${slug.replace(/[^a-z0-9-]/g, '')}.md`);

export const readPage = (slug: string) => readFile(file(slug), 'utf8');
export const savePage = (slug: string, markdown: string) => writeFile(file(slug), markdown);
export const movePage = (from: string, to: string) => rename(file(from), file(to));
export const removePage = (slug: string) => rm(file(slug));
