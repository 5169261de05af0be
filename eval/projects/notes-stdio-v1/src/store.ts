import { mkdir, readdir, readFile, writeFile, unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, basename } from 'node:path';

// Notes live in one folder the user picked; the server runs as that user over stdio.
export const NOTES_DIR = process.env.NOTES_DIR ?? join(homedir(), 'notes');

function notePath(title: string): string {
  const safe = basename(title).replace(/[^\w .-]/g, '_');
  return join(NOTES_DIR, `${safe}.md`);
}

export async function listNotes(): Promise<string[]> {
  await mkdir(NOTES_DIR, { recursive: true });
  return (await readdir(NOTES_DIR)).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));
}

export async function readNote(title: string): Promise<string> {
  return readFile(notePath(title), 'utf8');
}

export async function saveNote(title: string, body: string): Promise<void> {
  await mkdir(NOTES_DIR, { recursive: true });
  await writeFile(notePath(title), body, 'utf8');
}

export async function deleteNote(title: string): Promise<void> {
  await unlink(notePath(title));
}
