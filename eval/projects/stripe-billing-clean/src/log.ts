import pino from 'pino';
import pinoHttp from 'pino-http';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'authInfo.token'], censor: '[redacted]' },
});

export const httpLogger = pinoHttp({ logger });
