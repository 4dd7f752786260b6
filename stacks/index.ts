export * from './app';
export * from './physical-stack';
export * from './cloud-stack';
export * from './netbox-stack';
