import pg from 'pg';

export const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

export interface Contact {
  id: string;
  name: string;
  email: string;
  owner_sub: string;
}

export async function findContacts(ownerSub: string, term: string): Promise<Contact[]> {
  const { rows } = await pool.query<Contact>(
    'SELECT id, name, email, owner_sub FROM contacts WHERE owner_sub = $1 AND name ILIKE $2 LIMIT 50',
    [ownerSub, `%${term}%`],
  );
  return rows;
}
