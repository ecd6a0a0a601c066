// Moved to transport/ (a remote script is transport's business); kept so existing imports still resolve.
export * from '../transport/tail-script.js';
