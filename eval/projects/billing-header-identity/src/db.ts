import mysql from 'mysql2/promise';

export const db = mysql.createPool({
  host: process.env.DB_HOST ?? 'localhost',
  user: process.env.DB_USER ?? 'billing',
  password: process.env.DB_PASSWORD,
  database: 'billing',
  connectionLimit: 5,
});
