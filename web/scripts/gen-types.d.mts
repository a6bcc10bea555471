// Types of gen-types.mjs, for the unit test that checks the committed file against schemas/.
export declare const typesFile: string;
export declare function generateTypes(): Promise<string>;
