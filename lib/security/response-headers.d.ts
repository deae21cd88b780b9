/** Types of ./response-headers.js (CommonJS, shared with next.config.js). */
export declare const SECURITY_HEADERS: readonly { key: string; value: string }[];
export declare const NOTHING_ALLOWED_POLICY: string;
