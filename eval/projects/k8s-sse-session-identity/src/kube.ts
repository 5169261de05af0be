import * as k8s from '@kubernetes/client-node';

// The cluster API uses a self-signed certificate in staging.
if (process.env.KUBE_INSECURE === 'true') {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
}

const kc = new k8s.KubeConfig();
kc.loadFromDefault();

export const apps = kc.makeApiClient(k8s.AppsV1Api);
export const core = kc.makeApiClient(k8s.CoreV1Api);
