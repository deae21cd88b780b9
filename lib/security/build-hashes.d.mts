export interface InlineHashes {
  scripts: string[];
  styles: string[];
}
/** A prerendered page's hashes; the outage page's entry has its HTML too. */
export interface PrerenderedPage extends InlineHashes {
  html?: string;
}
export declare const HASHES_FILE: string;
export declare const OUTAGE_PAGE: string;
export declare function inlineHashes(html: string): InlineHashes;
export declare function prerenderedPageHashes(distDir: string): Promise<Record<string, PrerenderedPage>>;
export declare function writeCspHashes(projectDir: string, distDir: string): Promise<number>;
