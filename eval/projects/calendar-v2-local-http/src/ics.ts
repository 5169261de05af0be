import ICAL from 'ical.js';
import { readFile } from 'node:fs/promises';

export interface Event {
  summary: string;
  start: Date;
  end: Date;
  location?: string;
}

export async function loadEvents(path: string): Promise<Event[]> {
  const jcal = ICAL.parse(await readFile(path, 'utf8'));
  const comp = new ICAL.Component(jcal);
  return comp.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { summary: e.summary, start: e.startDate.toJSDate(), end: e.endDate.toJSDate(), location: e.location || undefined };
  });
}
