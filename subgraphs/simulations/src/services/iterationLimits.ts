/** Runs of one tenant that may wait or run at once, so one tenant cannot fill the shared workers' queue. */
export const MAX_UNFINISHED_RUNS_PER_TENANT = 20;
