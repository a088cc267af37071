// The part of Eleventy's programmatic API the build uses (the package ships no declarations).
declare module "@11ty/eleventy" {
  interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    runMode?: "build" | "watch" | "serve";
    /** The input directory when the input is a file or a glob (data and paths resolve from it). */
    inputDir?: string;
    /** Runs with the user config before the config file: programmatic additions. */
    config?: (config: { addGlobalData(name: string, value: unknown): void; ignores: { add(glob: string): void }; gazette?: object }) => void | Promise<void>;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    init(): Promise<void>;
    write(): Promise<unknown>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
  }
}
