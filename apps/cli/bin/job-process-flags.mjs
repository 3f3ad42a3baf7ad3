/**
 * Node flags for the processes that execute imports and segment runs (`creditseg worker`, `creditseg import`). They
 * must be given when the process starts: V8 sizes its young generation then, and `v8.setFlagsFromString` later does
 * not change it.
 *
 * An import allocates a few kilobytes per row (cells, typed values, COPY lines) and keeps two chunks of rows alive
 * while the database checks them; with V8's default 16 MB semi-space it scavenged 774 times for a million rows
 * (3.8 s of pauses, plus its helper threads' time taken from the database's COPY on a 2-core machine), and took
 * 31.2 s. With 128 MB: 110 scavenges, 1.5 s, 25.1 s (README, Performance). The cost is up to some 380 MB more of
 * young generation while a job allocates fast.
 */
export const JOB_PROCESS_NODE_FLAGS = ["--max-semi-space-size=128"];
