import { kv } from '@vercel/kv';

export interface Note {
  id: string;
  title: string;
  body: string;
}

export async function notesOf(userId: string): Promise<Note[]> {
  return (await kv.get<Note[]>(`notes:${userId}`)) ?? [];
}

export async function putNotes(userId: string, notes: Note[]): Promise<void> {
  await kv.set(`notes:${userId}`, notes);
}
