export * from './number';
export * from './cell';
export * from './target';
