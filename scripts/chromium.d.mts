export declare const DEFAULT_CHROMIUM: string;
export declare function chromiumPath(): string;
export declare function chromiumInstalled(): boolean;
export declare const CHROMIUM_ARGS: string[];
