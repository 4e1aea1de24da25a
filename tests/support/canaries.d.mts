export declare const CANARY_ENV: Record<string, string>;
export declare const CANARY_PASSWORD: string;
export declare const CANARIES: string[];
