export interface KeyRecord {
  id: string;
  project: string;
  created: string;
}

export const keys: KeyRecord[] = [];
