export declare const JOB_PROCESS_NODE_FLAGS: readonly string[];
