export interface InlineHashes {
  scripts: string[];
  styles: string[];
}
export declare const HASHES_FILE: string;
export declare function inlineHashes(html: string): InlineHashes;
export declare function prerenderedPageHashes(distDir: string): Promise<Record<string, InlineHashes>>;
export declare function writeCspHashes(projectDir: string, distDir: string): Promise<number>;
