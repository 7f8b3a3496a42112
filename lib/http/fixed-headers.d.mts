/** Types of `fixed-headers.mjs`: the security headers that do not depend on the request. */
/** The one-year-plus HSTS policy, sent only over https. */
export declare const HSTS: string;
/** Browser features no page of the app uses, switched off. */
export declare const PERMISSIONS_POLICY: string;
/** The headers that do not depend on the request: every response, static files included. */
export declare const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>>;
/** The policy of the build's static files. */
export declare const STATIC_FILE_CSP: string;
