import { MongoClient } from 'mongodb';

const client = new MongoClient(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017');
export const db = client.db('helpdesk');

export interface Ticket {
  _id: string;
  requester: string;
  assignee?: string;
  subject: string;
  status: 'open' | 'pending' | 'closed';
}

export const tickets = db.collection<Ticket>('tickets');
export const agents = db.collection<{ _id: string; email: string; isSupervisor: boolean }>('agents');
