export declare const CANARY_ENV: Record<string, string>;
