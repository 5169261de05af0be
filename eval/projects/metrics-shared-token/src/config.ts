// Read once at start-up.
export const config = {
  port: Number(process.env.PORT ?? 9400),
  prometheus: process.env.PROMETHEUS_URL ?? 'http://prometheus:9090',
  alertmanager: process.env.ALERTMANAGER_URL ?? 'http://alertmanager:9093',
  token: process.env.METRICS_MCP_TOKEN ?? '',
};
